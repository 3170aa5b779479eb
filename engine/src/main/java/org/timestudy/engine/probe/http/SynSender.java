package org.timestudy.engine.probe.http;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.TcpFlyweight;
import org.timestudy.targets.address.Ipv4;

import java.nio.ByteOrder;

/**
 * Builds the stateless HTTP probe's SYNs: the ISN is the low 32 bits of the engine's cookie (the keyed MAC of the
 * addresses and ports), which the server echoes as its acknowledgement minus one. An MSS option, DF set, like a
 * Linux SYN. Checksums are finished from the template's partial sums plus the words a target changes.
 */
final class SynSender implements ProbeSender
{
    /** Length of our TCP header: 20 bytes and the MSS option. */
    static final int TCP_LENGTH = TcpFlyweight.MIN_HEADER_LENGTH + 4;
    /** Frame length. */
    static final int FRAME_LENGTH = TcpFrames.TCP + TCP_LENGTH;
    /** The MSS we announce. */
    static final int MSS = 1400;

    private static final int IP = TcpFrames.IP;
    private static final int TCP = TcpFrames.TCP;

    private final ProbeContext ctx;
    private long ipPartialSum;
    private long tcpPartialSum;

    SynSender(final ProbeContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public void prepare(final MutableDirectBuffer frame)
    {
        frame.setMemory(0, FRAME_LENGTH, (byte)0);
        EthernetFlyweight.write(frame, 0, ctx.gatewayMac(), ctx.sourceMac(), EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(frame, IP, Ipv4Flyweight.MIN_HEADER_LENGTH + TCP_LENGTH, ctx.ttl(),
            Ipv4Flyweight.PROTOCOL_TCP, ctx.sourceAddress(), 0);
        frame.putShort(IP + Ipv4Flyweight.FRAGMENT_OFFSET, (short)TcpFrames.DONT_FRAGMENT, ByteOrder.BIG_ENDIAN);
        TcpFlyweight.write(frame, TCP, 0, 0, 0, 0, TCP_LENGTH, TcpFlyweight.SYN, TcpFrames.WINDOW);
        frame.putByte(TCP + 20, (byte)2);
        frame.putByte(TCP + 21, (byte)4);
        frame.putShort(TCP + 22, (short)MSS, ByteOrder.BIG_ENDIAN);
        ipPartialSum = InternetChecksum.add(0, frame, IP, Ipv4Flyweight.MIN_HEADER_LENGTH);
        long sum = InternetChecksum.addInt(0, ctx.sourceAddress());
        sum += Ipv4Flyweight.PROTOCOL_TCP + TCP_LENGTH;
        tcpPartialSum = InternetChecksum.add(sum, frame, TCP, TCP_LENGTH);
    }

    @Override
    public int make(
        final MutableDirectBuffer frame, final int remoteAddress, final int remotePort, final int localPort,
        final long cookie)
    {
        Ipv4Flyweight.destination(frame, IP, remoteAddress);
        Ipv4Flyweight.checksum(frame, IP, InternetChecksum.finish(InternetChecksum.addInt(ipPartialSum,
            remoteAddress)));
        final int isn = (int)cookie;
        frame.putShort(TCP + TcpFlyweight.SOURCE_PORT_OFFSET, (short)localPort, ByteOrder.BIG_ENDIAN);
        frame.putShort(TCP + TcpFlyweight.DESTINATION_PORT_OFFSET, (short)remotePort, ByteOrder.BIG_ENDIAN);
        frame.putInt(TCP + TcpFlyweight.SEQUENCE_OFFSET, isn, ByteOrder.BIG_ENDIAN);
        long sum = InternetChecksum.addInt(tcpPartialSum, remoteAddress);
        sum += localPort + remotePort;
        sum = InternetChecksum.addInt(sum, isn);
        TcpFlyweight.checksum(frame, TCP, InternetChecksum.finish(sum));
        return FRAME_LENGTH;
    }

    @Override
    public void describe(final DirectBuffer frame, final int length, final StringBuilder out)
    {
        out.append("http-syn ").append(Ipv4.format(Ipv4Flyweight.source(frame, IP))).append(':')
            .append(TcpFlyweight.sourcePort(frame, TCP)).append(" -> ")
            .append(Ipv4.format(Ipv4Flyweight.destination(frame, IP))).append(':')
            .append(TcpFlyweight.destinationPort(frame, TCP))
            .append(" ttl=").append(Ipv4Flyweight.ttl(frame, IP))
            .append(" isn=0x").append(Long.toHexString(TcpFlyweight.sequence(frame, TCP)))
            .append(" flags=0x").append(Integer.toHexString(TcpFlyweight.flags(frame, TCP)))
            .append(" ipsum=0x").append(Integer.toHexString(Ipv4Flyweight.checksum(frame, IP)))
            .append(" tcpsum=0x").append(Integer.toHexString(TcpFlyweight.checksum(frame, TCP)))
            .append(" len=").append(length);
    }
}
