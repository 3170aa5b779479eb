package org.timestudy.engine.probe.http;

import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.probe.ProbeType;
import org.timestudy.targets.address.Ipv4;

/**
 * The stateless IPv4 HTTP probe (scan {@code -M http} with targets): a user-space TCP exchange from raw frames, as
 * masscan grabs banners. The send threads send SYNs whose ISN is the engine's keyed cookie; the capture thread
 * validates each SYN-ACK by its acknowledgement, answers with ACK + {@code HEAD}, reads the response's header block
 * for the Date, resets the connection and journals it ({@link StatelessReceiver}). The kernel must not answer the
 * SYN-ACKs itself: see README-ipv4-survey.md for the firewall rule (the lab sets it).
 */
public final class HttpProbe implements ProbeType
{
    /** The HTTP port. */
    public static final int PORT = 80;

    @Override
    public String name()
    {
        return "http";
    }

    @Override
    public String description()
    {
        return "HTTP Date over raw TCP (SYN cookie, ACK + HEAD, RST); with --names: hostname mode over kernel sockets";
    }

    @Override
    public int defaultPort()
    {
        return PORT;
    }

    @Override
    public long cookieDomain()
    {
        return 0x6874_7470_2d74_6370L; // "http-tcp"
    }

    @Override
    public String captureFilter(final ProbeContext ctx)
    {
        final String self = Ipv4.format(ctx.sourceAddress());
        final int lo = ctx.firstLocalPort();
        final int hi = lo + ctx.localPortCount() - 1;
        // Outgoing: only our request segments (PSH set), whose capture time is T1; no SYNs, ACKs or RSTs.
        return "(tcp and src host " + self + " and src portrange " + lo + "-" + hi + " and tcp[13] & 8 != 0)" +
            " or (tcp and dst host " + self + " and dst portrange " + lo + "-" + hi + ")" +
            " or (icmp and dst host " + self + " and icmp[0] == 3)";
    }

    @Override
    public int snapLength()
    {
        // Ethernet, IPv4 and TCP with options, and a whole segment of the MSS we announce.
        return 14 + 60 + 60 + SynSender.MSS;
    }

    @Override
    public int maxFrameLength()
    {
        return SynSender.FRAME_LENGTH;
    }

    @Override
    public ProbeSender newSender(final ProbeContext ctx)
    {
        return new SynSender(ctx);
    }

    @Override
    public ProbeReceiver newReceiver(final ProbeContext ctx)
    {
        return new StatelessReceiver(ctx);
    }
}
