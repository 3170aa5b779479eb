package org.timestudy.bench.sim;

import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.probe.ntp.NtpProbe;
import org.timestudy.engine.send.RateLimiter;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.nativeio.FrameBatch;
import org.timestudy.nativeio.NetworkInterfaceInfo;
import org.timestudy.nativeio.PacketSocket;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.lab.LabLayout;

import java.util.HexFormat;

/**
 * A load generator for the simulated Internet: engine-built NTP mode-3 requests (the same frames a scan sends)
 * cycling over a range, sent with {@code sendmmsg} batches of 64 at a rate or as fast as the kernel takes them, for a
 * bounded time. It captures nothing, so all its CPU goes into sending. Runs in the lab's scanner namespace; the range
 * must lie inside the lab's simulated space.
 *
 * <pre>
 *   SimLoad INTERFACE SOURCE_IP GATEWAY_MAC CIDR RATE_PPS|max SECONDS
 * </pre>
 */
public final class SimLoad
{
    private static final int FIRST_PORT = 32768;
    private static final int PORTS = 16384;

    private SimLoad()
    {
    }

    /**
     * @param args see the class comment.
     */
    public static void main(final String[] args)
    {
        final String iface = args[0];
        final int source = Ipv4.parse(args[1]);
        final byte[] gateway = HexFormat.of().parseHex(args[2].replace(":", ""));
        final AddressRange range = AddressRange.parse(args[3]);
        final AddressRange sim = AddressRange.parse(LabLayout.SIM_SPACE);
        if (!sim.contains(range.first()) || !sim.contains(range.last()))
        {
            throw new IllegalArgumentException("SimLoad only sends to the lab's simulated space " + LabLayout.SIM_SPACE);
        }
        final double rate = args[4].equals("max") ? RateLimiter.UNLIMITED : Double.parseDouble(args[4]);
        final long endNs = System.nanoTime() + (long)(Double.parseDouble(args[5]) * 1e9);
        final ProbeContext ctx = new ProbeContext(NetworkInterfaceInfo.of(iface).mac(), gateway, source, FIRST_PORT,
            PORTS, 64);
        final NtpProbe probe = new NtpProbe();
        final ProbeCookie cookie = ProbeContext.cookie(0x5eed, 0x10ad, probe);
        final ProbeSender sender = probe.newSender(ctx);
        final FrameBatch batch = new FrameBatch(FrameBatch.DEFAULT_SLOTS, probe.maxFrameLength());
        for (int i = 0; i < batch.slots(); i++)
        {
            sender.prepare(batch.frame(i));
        }
        final RateLimiter limiter = new RateLimiter(rate, batch.slots(), System.nanoTime());
        long seq = 0;
        long sent = 0;
        long failed = 0;
        try (PacketSocket socket = PacketSocket.openForSend(iface))
        {
            socket.sendBufferBytes(4 << 20);
            long now;
            while ((now = System.nanoTime()) - endNs < 0)
            {
                final int n = limiter.available(now);
                if (n == 0)
                {
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.max(1000, limiter.nanosUntilNext(now)));
                    continue;
                }
                for (int i = 0; i < n; i++, seq++)
                {
                    final int target = range.first() + (int)(seq % range.size());
                    final int port = FIRST_PORT + (int)(seq % PORTS);
                    batch.length(i, sender.make(batch.frame(i), target, 123, port, cookie.make(target, 123, port,
                        (int)seq)));
                }
                final int ok = batch.send(socket, n);
                sent += ok;
                failed += n - ok;
                limiter.sent(n);
            }
        }
        System.out.printf("sim-load sent %d failed %d%n", sent, failed);
    }
}
