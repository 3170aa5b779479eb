package org.timestudy.engine.probe.http;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.TcpFlyweight;

import java.nio.ByteOrder;

/**
 * Whole TCP frames for the stateless HTTP probe's follow-ups (ACK with the request, bare ACK, RST), from our address
 * to a target: Ethernet, IPv4 (DF set, the scan's TTL), TCP without options, and a payload already in place. The
 * checksums are computed over the frame.
 */
final class TcpFrames
{
    /** Offset of the IPv4 header. */
    static final int IP = EthernetFlyweight.HEADER_LENGTH;
    /** Offset of the TCP header. */
    static final int TCP = IP + Ipv4Flyweight.MIN_HEADER_LENGTH;
    /** Offset of the payload. */
    static final int PAYLOAD = TCP + TcpFlyweight.MIN_HEADER_LENGTH;
    /** Our advertised receive window (no scaling). */
    static final int WINDOW = 65_535;
    /** IPv4 flag: don't fragment. */
    static final int DONT_FRAGMENT = 0x4000;

    private final ProbeContext ctx;

    TcpFrames(final ProbeContext ctx)
    {
        this.ctx = ctx;
    }

    /**
     * Writes the headers of a frame whose payload (if any) is already at {@link #PAYLOAD}, and its checksums.
     *
     * @param frame         the slot.
     * @param remoteAddress target.
     * @param remotePort    target port.
     * @param localPort     our port.
     * @param sequence      our sequence number.
     * @param ack           acknowledgement number.
     * @param flags         TCP flags.
     * @param payloadLength payload bytes.
     * @return the frame's length.
     */
    int write(
        final MutableDirectBuffer frame, final int remoteAddress, final int remotePort, final int localPort,
        final long sequence, final long ack, final int flags, final int payloadLength)
    {
        final int tcpLength = TcpFlyweight.MIN_HEADER_LENGTH + payloadLength;
        EthernetFlyweight.write(frame, 0, ctx.gatewayMac(), ctx.sourceMac(), EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(frame, IP, Ipv4Flyweight.MIN_HEADER_LENGTH + tcpLength, ctx.ttl(),
            Ipv4Flyweight.PROTOCOL_TCP, ctx.sourceAddress(), remoteAddress);
        frame.putShort(IP + Ipv4Flyweight.FRAGMENT_OFFSET, (short)DONT_FRAGMENT, ByteOrder.BIG_ENDIAN);
        Ipv4Flyweight.checksum(frame, IP, InternetChecksum.of(frame, IP, Ipv4Flyweight.MIN_HEADER_LENGTH));
        TcpFlyweight.write(frame, TCP, localPort, remotePort, sequence, ack, TcpFlyweight.MIN_HEADER_LENGTH, flags,
            WINDOW);
        TcpFlyweight.checksum(frame, TCP, tcpChecksum(frame, ctx.sourceAddress(), remoteAddress, tcpLength));
        return TCP + tcpLength;
    }

    /**
     * The TCP checksum (RFC 9293 section 3.1: the pseudo-header of source, destination, protocol and length, then
     * the segment with its checksum field zero).
     *
     * @param frame       the frame (IPv4 header at {@link #IP}).
     * @param source      source address.
     * @param destination destination address.
     * @param tcpLength   header plus payload, bytes.
     * @return the checksum.
     */
    static int tcpChecksum(final DirectBuffer frame, final int source, final int destination, final int tcpLength)
    {
        long sum = InternetChecksum.addInt(0, source);
        sum = InternetChecksum.addInt(sum, destination);
        sum += Ipv4Flyweight.PROTOCOL_TCP + tcpLength;
        return InternetChecksum.finish(InternetChecksum.add(sum, frame, TCP, tcpLength));
    }

    /**
     * @param frame       a frame with its TCP checksum set (IPv4 header at {@link #IP}).
     * @param source      source address.
     * @param destination destination address.
     * @param tcpLength   header plus payload, bytes.
     * @return true when the checksum verifies (the sum over pseudo-header and segment folds to zero).
     */
    static boolean tcpChecksumVerifies(
        final DirectBuffer frame, final int source, final int destination, final int tcpLength)
    {
        long sum = InternetChecksum.addInt(0, source);
        sum = InternetChecksum.addInt(sum, destination);
        sum += Ipv4Flyweight.PROTOCOL_TCP + tcpLength;
        return InternetChecksum.finish(InternetChecksum.add(sum, frame, TCP, tcpLength)) == 0;
    }
}
