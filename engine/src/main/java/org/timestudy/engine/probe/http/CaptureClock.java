package org.timestudy.engine.probe.http;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.timestudy.engine.capture.CaptureHandle;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.Ipv6Flyweight;
import org.timestudy.engine.wire.TcpFlyweight;

import java.sql.Timestamp;

/**
 * Kernel timestamps for connections made with kernel sockets: a pcap capture of the probed ports (on {@code any} by
 * default: every interface, loopback included), read on the event loop's thread. Connections are registered by
 * their remote address and ports; each captured TCP segment of one is kept as a stream offset with its timestamp
 * ({@link SegmentTimes}), so the event loop can ask when the request's first byte left and the response's first
 * byte arrived. Frames of unregistered connections are ignored; nothing is allocated per frame.
 */
final class CaptureClock implements RawPacketListener, AutoCloseable
{
    private static final int DLT_NULL = 0;
    private static final int DLT_EN10MB = 1;
    private static final int DLT_RAW = 12;
    private static final int DLT_RAW_LINKTYPE = 101;
    private static final int DLT_LINUX_SLL = 113;
    private static final int DLT_LINUX_SLL2 = 276;
    private static final int SNAP_LENGTH = 160;

    private final PcapHandle handle;
    private final int dlt;
    private final Long2ObjectHashMap<SegmentTimes> connections = new Long2ObjectHashMap<>();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[0]);
    private final byte[] src = new byte[16];
    private final byte[] dst = new byte[16];
    private long frames;
    private long matched;

    private CaptureClock(final PcapHandle handle)
    {
        this.handle = handle;
        this.dlt = handle.getDlt().value();
    }

    /**
     * A clock fed by {@link #onFrame} alone (tests).
     *
     * @param dlt the link type of the frames.
     */
    CaptureClock(final int dlt)
    {
        this.handle = null;
        this.dlt = dlt;
    }

    /**
     * Opens the capture.
     *
     * @param interfaceName interface, or {@code any}.
     * @param filter        pcap filter of the probed traffic.
     * @param bufferBytes   kernel buffer.
     * @return the clock, or null when capture is not possible here (no privileges): the caller falls back to
     *         socket timing and says so.
     * @throws IllegalStateException with libpcap's message for other failures.
     */
    static CaptureClock open(final String interfaceName, final String filter, final int bufferBytes)
    {
        try
        {
            return new CaptureClock(CaptureHandle.openPcap4j(interfaceName, SNAP_LENGTH, bufferBytes, filter));
        }
        catch (final PcapNativeException ex)
        {
            if (CaptureHandle.permissionDenied(ex))
            {
                return null;
            }
            throw new IllegalStateException("cannot capture on " + interfaceName + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Registers a connection before its first segment can be read back.
     *
     * @param remote16   remote address, 16 bytes (IPv4-mapped for IPv4).
     * @param remotePort remote port.
     * @param localPort  our port.
     * @return its timestamps, filled as frames are read.
     */
    SegmentTimes register(final byte[] remote16, final int remotePort, final int localPort)
    {
        final long key = key(remote16, remotePort, localPort);
        final SegmentTimes t = new SegmentTimes(remote16, remotePort, localPort, key);
        t.next = connections.get(key);
        connections.put(key, t);
        return t;
    }

    /**
     * @param t a registered connection, no longer needed.
     */
    void unregister(final SegmentTimes t)
    {
        SegmentTimes head = connections.get(t.key);
        if (head == t)
        {
            if (t.next == null)
            {
                connections.remove(t.key);
            }
            else
            {
                connections.put(t.key, t.next);
            }
            return;
        }
        while (head != null && head.next != t)
        {
            head = head.next;
        }
        if (head != null)
        {
            head.next = t.next;
        }
    }

    /**
     * Reads what the capture has.
     *
     * @return frames read.
     */
    int poll()
    {
        try
        {
            return Math.max(0, handle.dispatch(-1, this));
        }
        catch (final PcapNativeException | NotOpenException | InterruptedException ex)
        {
            throw new IllegalStateException("capture failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return frames the capture delivered.
     */
    long frames()
    {
        return frames;
    }

    /**
     * @return frames that belonged to a registered connection.
     */
    long matched()
    {
        return matched;
    }

    /**
     * @return frames the kernel dropped before pcap read them.
     */
    long drops()
    {
        try
        {
            final PcapStat s = handle.getStats();
            return s.getNumPacketsDropped() + s.getNumPacketsDroppedByIf();
        }
        catch (final PcapNativeException | NotOpenException ex)
        {
            return -1;
        }
    }

    @Override
    public void gotPacket(final byte[] packet)
    {
        frames++;
        final Timestamp ts = handle.getTimestamp();
        onFrame(packet, packet.length, Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos());
    }

    /**
     * Handles one frame (also the entry point for tests).
     *
     * @param packet captured bytes, link header first.
     * @param length bytes captured.
     * @param timeNs capture timestamp, ns since 1970.
     */
    void onFrame(final byte[] packet, final int length, final long timeNs)
    {
        frame.wrap(packet, 0, length);
        int ip;
        int etherType;
        switch (dlt)
        {
            case DLT_EN10MB ->
            {
                ip = EthernetFlyweight.HEADER_LENGTH;
                etherType = length < ip ? 0 : EthernetFlyweight.etherType(frame, 0);
            }
            case DLT_LINUX_SLL ->
            {
                ip = 16;
                etherType = length < ip ? 0 : frame.getShort(14, java.nio.ByteOrder.BIG_ENDIAN) & 0xFFFF;
            }
            case DLT_LINUX_SLL2 ->
            {
                ip = 20;
                etherType = length < ip ? 0 : frame.getShort(0, java.nio.ByteOrder.BIG_ENDIAN) & 0xFFFF;
            }
            case DLT_NULL ->
            {
                ip = 4;
                etherType = 0;
            }
            case DLT_RAW, DLT_RAW_LINKTYPE ->
            {
                ip = 0;
                etherType = 0;
            }
            default ->
            {
                return;
            }
        }
        if (length < ip + 1)
        {
            return;
        }
        final int version = (frame.getByte(ip) >> 4) & 0xF;
        if (etherType == 0)
        {
            etherType = version == 4 ? EthernetFlyweight.ETHER_TYPE_IPV4 :
                version == 6 ? Ipv6Flyweight.ETHER_TYPE_IPV6 : 0;
        }
        final int tcp;
        final int payload;
        if (etherType == EthernetFlyweight.ETHER_TYPE_IPV4 && version == 4)
        {
            if (length < ip + Ipv4Flyweight.MIN_HEADER_LENGTH ||
                Ipv4Flyweight.protocol(frame, ip) != Ipv4Flyweight.PROTOCOL_TCP || Ipv4Flyweight.fragmented(frame, ip))
            {
                return;
            }
            mapped(Ipv4Flyweight.source(frame, ip), src);
            mapped(Ipv4Flyweight.destination(frame, ip), dst);
            final int ihl = Ipv4Flyweight.headerLength(frame, ip);
            tcp = ip + ihl;
            payload = Ipv4Flyweight.totalLength(frame, ip) - ihl;
        }
        else if (etherType == Ipv6Flyweight.ETHER_TYPE_IPV6 && version == 6)
        {
            if (length < ip + Ipv6Flyweight.HEADER_LENGTH ||
                Ipv6Flyweight.nextHeader(frame, ip) != Ipv4Flyweight.PROTOCOL_TCP)
            {
                return;
            }
            frame.getBytes(ip + Ipv6Flyweight.SOURCE_OFFSET, src, 0, 16);
            frame.getBytes(ip + Ipv6Flyweight.DESTINATION_OFFSET, dst, 0, 16);
            tcp = ip + Ipv6Flyweight.HEADER_LENGTH;
            payload = Ipv6Flyweight.payloadLength(frame, ip);
        }
        else
        {
            return;
        }
        if (length < tcp + TcpFlyweight.MIN_HEADER_LENGTH)
        {
            return;
        }
        final int sport = TcpFlyweight.sourcePort(frame, tcp);
        final int dport = TcpFlyweight.destinationPort(frame, tcp);
        final int flags = TcpFlyweight.flags(frame, tcp);
        final long seq = TcpFlyweight.sequence(frame, tcp);
        final int data = payload - TcpFlyweight.headerLength(frame, tcp);
        SegmentTimes t = find(dst, dport, sport);
        if (t != null)
        {
            matched++;
            t.onSegment(true, flags, seq, data, timeNs);
            return;
        }
        t = find(src, sport, dport);
        if (t != null)
        {
            matched++;
            t.onSegment(false, flags, seq, data, timeNs);
        }
    }

    private SegmentTimes find(final byte[] remote16, final int remotePort, final int localPort)
    {
        SegmentTimes t = connections.get(key(remote16, remotePort, localPort));
        while (t != null && !t.matches(remote16, remotePort, localPort))
        {
            t = t.next;
        }
        return t;
    }

    private static void mapped(final int v4, final byte[] out)
    {
        for (int i = 0; i < 10; i++)
        {
            out[i] = 0;
        }
        out[10] = (byte)0xFF;
        out[11] = (byte)0xFF;
        out[12] = (byte)(v4 >>> 24);
        out[13] = (byte)(v4 >>> 16);
        out[14] = (byte)(v4 >>> 8);
        out[15] = (byte)v4;
    }

    private static long key(final byte[] remote16, final int remotePort, final int localPort)
    {
        int h = 0;
        for (int i = 0; i < 16; i += 4)
        {
            h = h * 31 + (((remote16[i] & 0xFF) << 24) | ((remote16[i + 1] & 0xFF) << 16) |
                ((remote16[i + 2] & 0xFF) << 8) | (remote16[i + 3] & 0xFF));
        }
        return ((h & 0xFFFF_FFFFL) << 32) | ((long)(remotePort & 0xFFFF) << 16) | (localPort & 0xFFFF);
    }

    @Override
    public void close()
    {
        handle.close();
    }
}
