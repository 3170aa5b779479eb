package org.timestudy.engine.capture;

import org.timestudy.nativeio.PcapCapture;

/**
 * Points pcap4j (which opens the capture handle, {@link CaptureHandle}, and reads pcap files in tests) at the
 * system's libpcap, the one {@link PcapCapture} loads ({@link PcapCapture#libraryPath()}: Debian's libpcap0.8 ships
 * {@code libpcap.so.0.8} without the unversioned name JNA looks for).
 */
public final class PcapLibrary
{
    /** pcap4j's system property naming the library. */
    public static final String PROPERTY = "org.pcap4j.core.pcapLibName";

    private PcapLibrary()
    {
    }

    /** Sets pcap4j's library name unless the user did; fails clearly when libpcap is missing. */
    public static void configure()
    {
        if (System.getProperty(PROPERTY) == null)
        {
            System.setProperty(PROPERTY, PcapCapture.libraryPath());
        }
    }
}
