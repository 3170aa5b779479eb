package org.timestudy.engine.probe.ntp;

import org.agrona.concurrent.UnsafeBuffer;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.IcmpFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.UdpFlyweight;

import java.nio.ByteOrder;

/**
 * Test frames: a server's reply to a request frame, and an ICMP error quoting it, built by hand as a server or
 * router would.
 */
public final class NtpFrames
{
    public static final byte[] SERVER_MAC = {2, 0, 0, 0, 0, 2};

    private NtpFrames()
    {
    }

    /**
     * A server's reply: addresses and ports swapped, origin = the request's transmit timestamp.
     */
    public static byte[] reply(final UnsafeBuffer request, final int firstByte, final int stratum, final int refid,
        final long t2, final long t3, final int extraPayload)
    {
        final int ip = EthernetFlyweight.HEADER_LENGTH;
        final int udpLength = UdpFlyweight.HEADER_LENGTH + NtpHeaderFlyweight.HEADER_LENGTH + extraPayload;
        final byte[] bytes = new byte[ip + Ipv4Flyweight.MIN_HEADER_LENGTH + udpLength];
        final UnsafeBuffer f = new UnsafeBuffer(bytes);
        final byte[] clientMac = new byte[6];
        request.getBytes(EthernetFlyweight.SOURCE_OFFSET, clientMac);
        EthernetFlyweight.write(f, 0, clientMac, SERVER_MAC, EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(f, ip, Ipv4Flyweight.MIN_HEADER_LENGTH + udpLength, 57, Ipv4Flyweight.PROTOCOL_UDP,
            Ipv4Flyweight.destination(request, ip), Ipv4Flyweight.source(request, ip));
        Ipv4Flyweight.checksum(f, ip, InternetChecksum.of(f, ip, Ipv4Flyweight.MIN_HEADER_LENGTH));
        final int udp = ip + Ipv4Flyweight.MIN_HEADER_LENGTH;
        final int rq = ip + Ipv4Flyweight.MIN_HEADER_LENGTH;
        UdpFlyweight.write(f, udp, UdpFlyweight.destinationPort(request, rq), UdpFlyweight.sourcePort(request, rq),
            udpLength);
        final int ntp = udp + UdpFlyweight.HEADER_LENGTH;
        f.putByte(ntp, (byte)firstByte);
        f.putByte(ntp + 1, (byte)stratum);
        f.putByte(ntp + 2, (byte)6);
        f.putByte(ntp + 3, (byte)-23);
        f.putInt(ntp + 4, 0x0000_0100, ByteOrder.BIG_ENDIAN);
        f.putInt(ntp + 8, 0x0000_0200, ByteOrder.BIG_ENDIAN);
        f.putInt(ntp + NtpHeaderFlyweight.REFERENCE_ID_OFFSET, refid, ByteOrder.BIG_ENDIAN);
        f.putLong(ntp + NtpHeaderFlyweight.REFERENCE_TIMESTAMP_OFFSET, t2 - (1L << 32), ByteOrder.BIG_ENDIAN);
        f.putLong(ntp + NtpHeaderFlyweight.ORIGIN_TIMESTAMP_OFFSET,
            request.getLong(rq + UdpFlyweight.HEADER_LENGTH + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET,
                ByteOrder.BIG_ENDIAN), ByteOrder.BIG_ENDIAN);
        f.putLong(ntp + NtpHeaderFlyweight.RECEIVE_TIMESTAMP_OFFSET, t2, ByteOrder.BIG_ENDIAN);
        f.putLong(ntp + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, t3, ByteOrder.BIG_ENDIAN);
        return bytes;
    }

    /**
     * An ICMP port-unreachable from the target, quoting the whole request's IP packet.
     */
    public static byte[] portUnreachable(final UnsafeBuffer request, final int requestLength)
    {
        final int ip = EthernetFlyweight.HEADER_LENGTH;
        final int quoted = requestLength - ip;
        final int icmpLength = 8 + quoted;
        final byte[] bytes = new byte[ip + Ipv4Flyweight.MIN_HEADER_LENGTH + icmpLength];
        final UnsafeBuffer f = new UnsafeBuffer(bytes);
        final byte[] clientMac = new byte[6];
        request.getBytes(EthernetFlyweight.SOURCE_OFFSET, clientMac);
        EthernetFlyweight.write(f, 0, clientMac, SERVER_MAC, EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(f, ip, Ipv4Flyweight.MIN_HEADER_LENGTH + icmpLength, 60, Ipv4Flyweight.PROTOCOL_ICMP,
            Ipv4Flyweight.destination(request, ip), Ipv4Flyweight.source(request, ip));
        IcmpFlyweight.writePortUnreachable(f, ip + Ipv4Flyweight.MIN_HEADER_LENGTH, request, ip, quoted);
        return bytes;
    }
}
