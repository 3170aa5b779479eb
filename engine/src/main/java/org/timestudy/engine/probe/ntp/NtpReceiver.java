package org.timestudy.engine.probe.ntp;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.timestudy.engine.probe.Echo;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.ReplyContext;
import org.timestudy.engine.wire.IcmpFlyweight;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.UdpFlyweight;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.ntp.NtpFields;

import java.nio.ByteOrder;

/**
 * Recognises NTP requests leaving, NTP replies arriving, and ICMP errors quoting our requests; encodes replies as
 * {@link NtpReplyFlyweight} records with every field raw.
 */
final class NtpReceiver implements ProbeReceiver
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final ProbeContext ctx;
    private final NtpReplyFlyweight record = new NtpReplyFlyweight();

    NtpReceiver(final ProbeContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public int classify(
        final DirectBuffer frame, final int ip, final int captured, final boolean outgoing, final Echo echo)
    {
        final int ihl = Ipv4Flyweight.headerLength(frame, ip);
        final int protocol = Ipv4Flyweight.protocol(frame, ip);
        if (protocol == Ipv4Flyweight.PROTOCOL_ICMP)
        {
            return outgoing ? IGNORE : classifyIcmp(frame, ip + ihl, captured, echo);
        }
        if (protocol != Ipv4Flyweight.PROTOCOL_UDP || Ipv4Flyweight.fragmented(frame, ip))
        {
            return IGNORE;
        }
        final int udp = ip + ihl;
        if (udp + UdpFlyweight.HEADER_LENGTH > captured)
        {
            return IGNORE;
        }
        final int ntp = udp + UdpFlyweight.HEADER_LENGTH;
        final int payloadLength = UdpFlyweight.length(frame, udp) - UdpFlyweight.HEADER_LENGTH;
        if (outgoing)
        {
            if (Ipv4Flyweight.source(frame, ip) != ctx.sourceAddress() ||
                !ctx.isLocalPort(UdpFlyweight.sourcePort(frame, udp)) ||
                ntp + NtpHeaderFlyweight.HEADER_LENGTH > captured)
            {
                return IGNORE;
            }
            echo.set(Ipv4Flyweight.destination(frame, ip), UdpFlyweight.destinationPort(frame, udp),
                UdpFlyweight.sourcePort(frame, udp),
                frame.getLong(ntp + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, BE));
            return OUTGOING;
        }
        if (Ipv4Flyweight.destination(frame, ip) != ctx.sourceAddress() ||
            !ctx.isLocalPort(UdpFlyweight.destinationPort(frame, udp)))
        {
            return IGNORE;
        }
        if (payloadLength < NtpHeaderFlyweight.HEADER_LENGTH || ntp + NtpHeaderFlyweight.HEADER_LENGTH > captured)
        {
            return TRUNCATED;
        }
        if (payloadLength > NtpHeaderFlyweight.MAX_LENGTH)
        {
            return OVERSIZED;
        }
        if (NtpFields.mode(frame.getByte(ntp) & 0xFF) != NtpFields.MODE_SERVER)
        {
            return WRONG_MODE;
        }
        final int version = NtpFields.version(frame.getByte(ntp) & 0xFF);
        if (version < 1 || version > NtpFields.VERSION_4)
        {
            return WRONG_VERSION;
        }
        echo.set(Ipv4Flyweight.source(frame, ip), UdpFlyweight.sourcePort(frame, udp),
            UdpFlyweight.destinationPort(frame, udp),
            frame.getLong(ntp + NtpHeaderFlyweight.ORIGIN_TIMESTAMP_OFFSET, BE));
        return REPLY;
    }

    private int classifyIcmp(final DirectBuffer frame, final int icmp, final int captured, final Echo echo)
    {
        final int udp = IcmpFlyweight.quotedTransport(frame, icmp, captured, Ipv4Flyweight.PROTOCOL_UDP,
            ctx.sourceAddress());
        if (udp < 0)
        {
            return IGNORE;
        }
        final int ntp = udp + UdpFlyweight.HEADER_LENGTH;
        if (ntp + NtpHeaderFlyweight.HEADER_LENGTH > captured || !ctx.isLocalPort(UdpFlyweight.sourcePort(frame, udp)))
        {
            return IGNORE;
        }
        echo.set(IcmpFlyweight.quotedDestination(frame, icmp), UdpFlyweight.destinationPort(frame, udp),
            UdpFlyweight.sourcePort(frame, udp), frame.getLong(ntp + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, BE));
        return ICMP_UNREACHABLE;
    }

    @Override
    public int replyFlags(final DirectBuffer frame, final int ip)
    {
        final int ntp = ip + Ipv4Flyweight.headerLength(frame, ip) + UdpFlyweight.HEADER_LENGTH;
        final int first = frame.getByte(ntp) & 0xFF;
        final int stratum = frame.getByte(ntp + NtpHeaderFlyweight.STRATUM_OFFSET) & 0xFF;
        int flags = 0;
        if (stratum == NtpFields.STRATUM_KISS_OF_DEATH)
        {
            flags |= RecordFlags.KISS_OF_DEATH;
        }
        if (NtpFields.unsynchronised(NtpFields.leap(first), stratum))
        {
            flags |= RecordFlags.UNSYNCHRONISED;
        }
        final int udp = ip + Ipv4Flyweight.headerLength(frame, ip);
        if (UdpFlyweight.length(frame, udp) - UdpFlyweight.HEADER_LENGTH > NtpHeaderFlyweight.HEADER_LENGTH)
        {
            flags |= RecordFlags.EXTENDED;
        }
        return flags;
    }

    @Override
    public int kissCode(final DirectBuffer frame, final int ip)
    {
        final int ntp = ip + Ipv4Flyweight.headerLength(frame, ip) + UdpFlyweight.HEADER_LENGTH;
        return (frame.getByte(ntp + NtpHeaderFlyweight.STRATUM_OFFSET) & 0xFF) == NtpFields.STRATUM_KISS_OF_DEATH ?
            frame.getInt(ntp + NtpHeaderFlyweight.REFERENCE_ID_OFFSET, BE) : 0;
    }

    @Override
    public int encode(
        final DirectBuffer frame, final int ip, final int captured, final ReplyContext reply,
        final MutableDirectBuffer out)
    {
        final int udp = ip + Ipv4Flyweight.headerLength(frame, ip);
        final int ntp = udp + UdpFlyweight.HEADER_LENGTH;
        record.wrap(out, 0).header(reply.scanId)
            .targetAddress(Ipv4Flyweight.source(frame, ip))
            .targetPort(UdpFlyweight.sourcePort(frame, udp))
            .sourcePort(UdpFlyweight.destinationPort(frame, udp))
            .t1EpochNs(reply.t1EpochNs)
            .t4EpochNs(reply.t4EpochNs)
            .firstByte(frame.getByte(ntp) & 0xFF)
            .stratum(frame.getByte(ntp + NtpHeaderFlyweight.STRATUM_OFFSET) & 0xFF)
            .poll(frame.getByte(ntp + NtpHeaderFlyweight.POLL_OFFSET))
            .precision(frame.getByte(ntp + NtpHeaderFlyweight.PRECISION_OFFSET))
            .rootDelay(frame.getInt(ntp + NtpHeaderFlyweight.ROOT_DELAY_OFFSET, BE))
            .rootDispersion(frame.getInt(ntp + NtpHeaderFlyweight.ROOT_DISPERSION_OFFSET, BE))
            .refid(frame.getInt(ntp + NtpHeaderFlyweight.REFERENCE_ID_OFFSET, BE))
            .referenceTimestamp(frame.getLong(ntp + NtpHeaderFlyweight.REFERENCE_TIMESTAMP_OFFSET, BE))
            .originTimestamp(frame.getLong(ntp + NtpHeaderFlyweight.ORIGIN_TIMESTAMP_OFFSET, BE))
            .receiveTimestamp(frame.getLong(ntp + NtpHeaderFlyweight.RECEIVE_TIMESTAMP_OFFSET, BE))
            .transmitTimestamp(frame.getLong(ntp + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, BE))
            .flags(reply.flags | replyFlags(frame, ip))
            .probeIndex(reply.probeIndex)
            .ttl(Ipv4Flyweight.ttl(frame, ip))
            .payloadLength(UdpFlyweight.length(frame, udp) - UdpFlyweight.HEADER_LENGTH)
            .reserved(0);
        return NtpReplyFlyweight.LENGTH;
    }
}
