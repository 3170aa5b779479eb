package org.timestudy.engine.capture;

import org.timestudy.nativeio.EnvironmentNotReadyException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Points pcap4j at the system's libpcap. Debian's libpcap0.8 ships {@code libpcap.so.0.8} without the unversioned
 * name JNA looks for (that comes only with the -dev package).
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
        if (System.getProperty(PROPERTY) != null)
        {
            return;
        }
        for (final String dir : List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib"))
        {
            for (final String name : List.of("libpcap.so", "libpcap.so.1", "libpcap.so.0.8"))
            {
                final Path p = Path.of(dir, name);
                if (Files.exists(p))
                {
                    System.setProperty(PROPERTY, p.toString());
                    return;
                }
            }
        }
        throw new EnvironmentNotReadyException("libpcap is not installed (Debian/Ubuntu: apt-get install libpcap0.8)");
    }
}
