package org.timestudy.engine.probe.ntp;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.engine.wire.UdpFlyweight;
import org.timestudy.ntp.NtpFields;

import java.nio.ByteOrder;

/**
 * Builds NTP request frames. The checksums are finished from the template's partial sums plus the words a target
 * changes (destination address, ports, cookie): no pass over the packet per send.
 */
final class NtpSender implements ProbeSender
{
    private static final int IP = EthernetFlyweight.HEADER_LENGTH;
    private static final int UDP = IP + Ipv4Flyweight.MIN_HEADER_LENGTH;
    private static final int NTP = UDP + UdpFlyweight.HEADER_LENGTH;
    private static final int UDP_LENGTH = UdpFlyweight.HEADER_LENGTH + NtpHeaderFlyweight.HEADER_LENGTH;

    private final ProbeContext ctx;
    private long ipPartialSum;
    private long udpPartialSum;

    NtpSender(final ProbeContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public void prepare(final MutableDirectBuffer frame)
    {
        frame.setMemory(0, NtpProbe.FRAME_LENGTH, (byte)0);
        EthernetFlyweight.write(frame, 0, ctx.gatewayMac(), ctx.sourceMac(), EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(frame, IP, Ipv4Flyweight.MIN_HEADER_LENGTH + UDP_LENGTH, ctx.ttl(),
            Ipv4Flyweight.PROTOCOL_UDP, ctx.sourceAddress(), 0);
        UdpFlyweight.write(frame, UDP, 0, 0, UDP_LENGTH);
        frame.putByte(NTP + NtpHeaderFlyweight.FIRST_BYTE_OFFSET,
            (byte)NtpFields.firstByte(0, NtpFields.VERSION_4, NtpFields.MODE_CLIENT));
        ipPartialSum = InternetChecksum.add(0, frame, IP, Ipv4Flyweight.MIN_HEADER_LENGTH);
        // UDP checksum: pseudo-header (source, protocol, length) plus header and payload, variable words zero.
        long sum = InternetChecksum.addInt(0, ctx.sourceAddress());
        sum += Ipv4Flyweight.PROTOCOL_UDP + UDP_LENGTH;
        udpPartialSum = InternetChecksum.add(sum, frame, UDP, UDP_LENGTH);
    }

    @Override
    public int make(
        final MutableDirectBuffer frame, final int remoteAddress, final int remotePort, final int localPort,
        final long cookie)
    {
        Ipv4Flyweight.destination(frame, IP, remoteAddress);
        Ipv4Flyweight.checksum(frame, IP, InternetChecksum.finish(InternetChecksum.addInt(ipPartialSum,
            remoteAddress)));
        frame.putShort(UDP + UdpFlyweight.SOURCE_PORT_OFFSET, (short)localPort, ByteOrder.BIG_ENDIAN);
        frame.putShort(UDP + UdpFlyweight.DESTINATION_PORT_OFFSET, (short)remotePort, ByteOrder.BIG_ENDIAN);
        frame.putLong(NTP + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, cookie, ByteOrder.BIG_ENDIAN);
        long sum = InternetChecksum.addInt(udpPartialSum, remoteAddress);
        sum += localPort + remotePort;
        sum = InternetChecksum.addLong(sum, cookie);
        final int checksum = InternetChecksum.finish(sum);
        UdpFlyweight.checksum(frame, UDP, checksum == 0 ? 0xFFFF : checksum);
        return NtpProbe.FRAME_LENGTH;
    }

    @Override
    public void describe(final DirectBuffer frame, final int length, final StringBuilder out)
    {
        out.append("ntp ").append(Ipv4.format(Ipv4Flyweight.source(frame, IP))).append(':')
            .append(UdpFlyweight.sourcePort(frame, UDP)).append(" -> ")
            .append(Ipv4.format(Ipv4Flyweight.destination(frame, IP))).append(':')
            .append(UdpFlyweight.destinationPort(frame, UDP))
            .append(" ttl=").append(Ipv4Flyweight.ttl(frame, IP))
            .append(" ipsum=0x").append(Integer.toHexString(Ipv4Flyweight.checksum(frame, IP)))
            .append(" udpsum=0x").append(Integer.toHexString(UdpFlyweight.checksum(frame, UDP)))
            .append(" li/vn/mode=0x").append(Integer.toHexString(frame.getByte(NTP) & 0xFF))
            .append(" xmt=0x").append(Long.toHexString(
                frame.getLong(NTP + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, ByteOrder.BIG_ENDIAN)))
            .append(" len=").append(length);
    }
}
