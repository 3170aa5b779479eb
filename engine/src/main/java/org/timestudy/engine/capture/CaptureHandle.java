package org.timestudy.engine.capture;

import com.sun.jna.Pointer;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.nativeio.PcapCapture;

import java.lang.reflect.Field;

/**
 * Opens the capture agent's own libpcap handle with pcap4j (nanosecond kernel timestamps, immediate mode, the probe's
 * BPF filter, non-blocking) and hands its {@code pcap_t} to {@link PcapCapture}, which reads it in place with
 * {@code pcap_next_ex}. pcap4j's {@code dispatch} with a {@code RawPacketListener} does a JNA upcall, a byte[] copy
 * and a Timestamp per frame; measured in the lab (engine/README.md, "Capture path") it recorded 96% of the replies at
 * 300 kpps where the in-place read recorded all of them.
 */
public final class CaptureHandle
{
    private static final Field POINTER = pointerField();

    private CaptureHandle()
    {
    }

    /**
     * @param interfaceName interface to capture on.
     * @param snapLength    bytes kept of each frame.
     * @param bufferBytes   kernel ring size.
     * @param filter        pcap filter expression.
     * @return the open, non-blocking capture; closing it closes pcap4j's handle.
     * @throws EnvironmentNotReadyException without privileges, libpcap, or the interface, or on a non-Ethernet link.
     * @throws IllegalArgumentException     when the filter does not compile.
     */
    public static PcapCapture open(final String interfaceName, final int snapLength, final int bufferBytes,
        final String filter)
    {
        final PcapHandle handle;
        try
        {
            handle = openPcap4j(interfaceName, snapLength, bufferBytes, filter);
        }
        catch (final PcapNativeException ex)
        {
            if (permissionDenied(ex))
            {
                throw new EnvironmentNotReadyException("capture needs CAP_NET_RAW and CAP_NET_ADMIN (run as root): " +
                    ex.getMessage());
            }
            throw new EnvironmentNotReadyException("cannot capture on " + interfaceName + ": " + ex.getMessage());
        }
        try
        {
            if (!DataLinkType.EN10MB.equals(handle.getDlt()))
            {
                throw new EnvironmentNotReadyException(interfaceName + " is not an Ethernet interface");
            }
            return PcapCapture.adopt(Pointer.nativeValue((Pointer)POINTER.get(handle)), handle::close);
        }
        catch (final IllegalAccessException ex)
        {
            handle.close();
            throw new IllegalStateException("reading pcap4j's handle on " + interfaceName, ex);
        }
        catch (final RuntimeException ex)
        {
            handle.close();
            throw ex;
        }
    }

    /**
     * Opens a pcap4j handle the way every capture of the engine wants it: nanosecond kernel timestamps, immediate
     * mode, not promiscuous, the given kernel buffer, the filter compiled and set, and non-blocking (with libpcap >=
     * 1.9 on Linux a blocking read never returns while idle: read non-blocking and park).
     *
     * @param interfaceName interface, or {@code any}.
     * @param snapLength    bytes kept of each frame.
     * @param bufferBytes   kernel ring size.
     * @param filter        pcap filter expression.
     * @return the open handle.
     * @throws PcapNativeException      when libpcap cannot open it (no privileges, no such interface).
     * @throws IllegalArgumentException when the filter does not compile.
     */
    public static PcapHandle openPcap4j(final String interfaceName, final int snapLength, final int bufferBytes,
        final String filter) throws PcapNativeException
    {
        PcapLibrary.configure();
        final PcapHandle handle = new PcapHandle.Builder(interfaceName)
            .snaplen(snapLength)
            .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
            .timeoutMillis(1)
            .bufferSize(bufferBytes)
            .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
            .immediateMode(true)
            .build();
        try
        {
            try
            {
                handle.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
            }
            catch (final PcapNativeException ex)
            {
                throw new IllegalArgumentException("bad capture filter '" + filter + "': " + ex.getMessage(), ex);
            }
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            return handle;
        }
        catch (final PcapNativeException | NotOpenException ex)
        {
            handle.close();
            throw new IllegalStateException("configuring the capture on " + interfaceName, ex);
        }
        catch (final RuntimeException ex)
        {
            handle.close();
            throw ex;
        }
    }

    /**
     * @param ex what opening a handle threw.
     * @return true when libpcap refused for lack of privileges (CAP_NET_RAW / CAP_NET_ADMIN).
     */
    public static boolean permissionDenied(final PcapNativeException ex)
    {
        final String m = String.valueOf(ex.getMessage());
        return m.contains("ermission") || m.contains("not permitted");
    }

    private static Field pointerField()
    {
        try
        {
            final Field f = PcapHandle.class.getDeclaredField("handle");
            f.setAccessible(true);
            return f;
        }
        catch (final NoSuchFieldException ex)
        {
            throw new IllegalStateException("this pcap4j has no PcapHandle.handle (the build pins 1.8.2)", ex);
        }
    }
}
