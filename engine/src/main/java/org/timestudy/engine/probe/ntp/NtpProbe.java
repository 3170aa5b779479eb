package org.timestudy.engine.probe.ntp;

import org.timestudy.targets.address.Ipv4;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.probe.ProbeType;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.UdpFlyweight;

/**
 * NTPv4 client request (mode 3), every field zero but LI/VN/Mode and the transmit timestamp, which carries the
 * engine's cookie; the server echoes it as origin (RFC 5905's "bogus" test). Current data-minimisation practice,
 * as chrony does it as a client.
 */
public final class NtpProbe implements ProbeType
{
    /** The NTP port. */
    public static final int PORT = 123;
    /** Frame length: Ethernet, IPv4, UDP, NTP header. */
    public static final int FRAME_LENGTH = EthernetFlyweight.HEADER_LENGTH + Ipv4Flyweight.MIN_HEADER_LENGTH +
        UdpFlyweight.HEADER_LENGTH + NtpHeaderFlyweight.HEADER_LENGTH;

    @Override
    public String name()
    {
        return "ntp";
    }

    @Override
    public String description()
    {
        return "NTPv4 mode-3 query; the server's clock from its receive and transmit timestamps";
    }

    @Override
    public int defaultPort()
    {
        return PORT;
    }

    @Override
    public long cookieDomain()
    {
        return 0x6e74702d76340000L; // "ntp-v4"
    }

    @Override
    public String captureFilter(final ProbeContext ctx)
    {
        final String self = Ipv4.format(ctx.sourceAddress());
        final int lo = ctx.firstLocalPort();
        final int hi = lo + ctx.localPortCount() - 1;
        return "(udp and src host " + self + " and src portrange " + lo + "-" + hi + ")" +
            " or (udp and dst host " + self + " and dst portrange " + lo + "-" + hi + ")" +
            " or (icmp and dst host " + self + " and icmp[0] == 3)";
    }

    @Override
    public int snapLength()
    {
        // Ethernet + IPv4 with options + UDP + NTP header; an ICMP error quoting our probe needs 8 + 20 + 8 + 48 more.
        return 256;
    }

    @Override
    public int maxFrameLength()
    {
        return FRAME_LENGTH;
    }

    @Override
    public ProbeSender newSender(final ProbeContext ctx)
    {
        return new NtpSender(ctx);
    }

    @Override
    public ProbeReceiver newReceiver(final ProbeContext ctx)
    {
        return new NtpReceiver(ctx);
    }
}
