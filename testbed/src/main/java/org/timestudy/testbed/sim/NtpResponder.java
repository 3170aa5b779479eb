package org.timestudy.testbed.sim;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.timestudy.engine.probe.ntp.NtpHeaderFlyweight;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.IcmpFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.UdpFlyweight;
import org.timestudy.nativeio.BpfProgram;
import org.timestudy.nativeio.FrameBatch;
import org.timestudy.nativeio.PacketSocket;
import org.timestudy.nativeio.RealtimeClock;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;
import org.timestudy.testbed.clock.Malformation;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;

import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Answers NTP for every address of the simulated space, each as its {@link Population} model says: reads requests
 * from an AF_PACKET tap (every EtherType, BPF: UDP to port 123, our own frames ignored) in batches with
 * {@code recvmmsg}, and writes each reply from the very address that was asked, in batches with {@code sendmmsg}. A plain UDP socket could not do that without
 * IP_PKTINFO. The kernel's own UDP stack never sees these requests: the lab drops them in the internet namespace's
 * input hook, after this socket's tap.
 *
 * <p>Per request: normal reply (T2, T3 from the address's clock at the moment the batch was read), unsynchronised
 * (LI = 3, stratum 16), Kiss-o'-Death, silence, ICMP port-unreachable, rate limit, delay (slow servers), malformed
 * replies, and off-path spoofs with a wrong origin. Nothing is allocated per packet.
 */
public final class NtpResponder implements Agent
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final int IP = EthernetFlyweight.HEADER_LENGTH;
    private static final int REPLY_UDP_LENGTH = UdpFlyweight.HEADER_LENGTH + NtpHeaderFlyweight.HEADER_LENGTH;
    private static final int REPLY_LENGTH = IP + Ipv4Flyweight.MIN_HEADER_LENGTH + REPLY_UDP_LENGTH;
    private static final int ICMP_QUOTE_MAX = 548;
    private static final int RATE_TABLE_SIZE = 1 << 16;
    private static final int STRATUM = 2;
    /**
     * The precision every simulated server claims: 2^-10 s (0.98 ms). The clock models add up to ±0.5 ms of
     * per-request jitter, and a server's precision must cover what its clock does between reads; claiming 1 µs
     * (2^-20) while jittering half a millisecond would make every steady clock look erratic on the lab's
     * 0.1-ms veth, where δ/2 is far below the jitter.
     */
    private static final int PRECISION = -10;

    private final PacketSocket rx;
    private final PacketSocket tx;
    private final FrameBatch in;
    private final FrameBatch out;
    private final DelayLine delayed = new DelayLine(1 << 15, 128);
    private final UnsafeBuffer delayedFrame = new UnsafeBuffer(new byte[128]);
    private final Population population;
    private final int spaceFirst;
    private final long spaceSize;
    private final byte[] ourMac;
    private final SimCounters counters;
    private final RealtimeClock clock = new RealtimeClock();
    private final SplittableRandom random;
    private final int[] rateAddress = new int[RATE_TABLE_SIZE];
    private final long[] rateSecond = new long[RATE_TABLE_SIZE];
    private final int[] rateCount = new int[RATE_TABLE_SIZE];
    private final byte[] mac = new byte[6];
    private int pending;
    private long requestSeq;
    private long nextStatsNs;

    /**
     * @param interfaceName the internet side of the lab's veth.
     * @param ourMac        its MAC.
     * @param spaceFirst    first address of the simulated space.
     * @param spaceSize     addresses in it.
     * @param population    the clocks.
     * @param counters      where to count.
     */
    public NtpResponder(final String interfaceName, final byte[] ourMac, final int spaceFirst, final long spaceSize,
        final Population population, final SimCounters counters)
    {
        // ETH_P_ALL: a tap, served before the interface's ingress hooks, so a netdev ingress drop of these
        // requests (the benchmarks' rig) spares the kernel's IP input without starving the responder.
        this.rx = PacketSocket.openForReceive(interfaceName, PacketSocket.ETH_P_ALL);
        rx.attachFilter(BpfProgram.udpToPort(123));
        rx.ignoreOutgoing();
        rx.receiveBufferBytes(64 << 20);
        this.tx = PacketSocket.openForSend(interfaceName);
        tx.sendBufferBytes(16 << 20);
        this.in = new FrameBatch(FrameBatch.DEFAULT_SLOTS, 2048);
        this.out = new FrameBatch(FrameBatch.DEFAULT_SLOTS * 2, 640);
        this.population = population;
        this.spaceFirst = spaceFirst;
        this.spaceSize = spaceSize;
        this.ourMac = ourMac;
        this.counters = counters;
        this.random = new SplittableRandom(population.seed() ^ 0x5eed);
    }

    @Override
    public String roleName()
    {
        return "sim-ntp";
    }

    @Override
    public int doWork()
    {
        final long monoNs = System.nanoTime();
        int work = 0;
        int len;
        while (pending < out.slots() && (len = delayed.poll(monoNs, delayedFrame)) > 0)
        {
            out.frame(pending).putBytes(0, delayedFrame, 0, len);
            out.length(pending++, len);
            counters.add(SimCounters.Kind.NTP_REPLIES, 1);
            work++;
        }
        final int n = in.receive(rx);
        if (n > 0)
        {
            // Read both clocks together: a slow server's reply leaves at batchMonoNs + delay and claims T3 =
            // trueNs + delay, so the two must name the same instant (a thread preempted between an earlier
            // monotonic read and this one would release replies before the T3 they carry).
            final long trueNs = clock.nowNs();
            final long batchMonoNs = System.nanoTime();
            for (int i = 0; i < n; i++)
            {
                onRequest(in.frame(i), in.receivedLength(i), trueNs, batchMonoNs);
                if (pending > out.slots() - 3)
                {
                    flush();
                }
            }
        }
        flush();
        if (monoNs - nextStatsNs >= 0)
        {
            nextStatsNs = monoNs + 100_000_000L;
            counters.add(SimCounters.Kind.KERNEL_DROPS, rx.dropsSinceLastCall());
        }
        return work + n;
    }

    private void flush()
    {
        if (pending > 0)
        {
            final int sent = out.send(tx, pending);
            if (sent < pending)
            {
                counters.add(SimCounters.Kind.SEND_FAILURES, pending - sent);
            }
            pending = 0;
        }
    }

    private void onRequest(final UnsafeBuffer f, final int length, final long trueNs, final long monoNs)
    {
        if (length < IP + Ipv4Flyweight.MIN_HEADER_LENGTH + UdpFlyweight.HEADER_LENGTH ||
            EthernetFlyweight.etherType(f, 0) != EthernetFlyweight.ETHER_TYPE_IPV4)
        {
            counters.add(SimCounters.Kind.NTP_IGNORED, 1);
            return;
        }
        final int address = Ipv4Flyweight.destination(f, IP);
        final int ihl = Ipv4Flyweight.headerLength(f, IP);
        final int udp = IP + ihl;
        final int ntp = udp + UdpFlyweight.HEADER_LENGTH;
        if (Integer.toUnsignedLong(address - spaceFirst) >= spaceSize || ntp + NtpHeaderFlyweight.HEADER_LENGTH > length ||
            NtpFields.mode(f.getByte(ntp) & 0xFF) != NtpFields.MODE_CLIENT)
        {
            counters.add(SimCounters.Kind.NTP_IGNORED, 1);
            return;
        }
        counters.add(SimCounters.Kind.NTP_REQUESTS, 1);
        final long seq = requestSeq++;
        final Response response = population.ntpResponse(address);
        switch (response)
        {
            case SILENT -> counters.add(SimCounters.Kind.NTP_SILENT, 1);
            case UNREACHABLE -> icmpUnreachable(f, length, address);
            case RATE_LIMITED ->
            {
                if (allowed(address, trueNs / 1_000_000_000L, population.rateLimitPerSecond(address)))
                {
                    reply(f, address, trueNs, seq, 0, false);
                    counters.add(SimCounters.Kind.NTP_REPLIES, 1);
                }
                else
                {
                    counters.add(SimCounters.Kind.NTP_RATE_LIMITED, 1);
                }
            }
            case SLOW ->
            {
                // A slow server: T3 is when the reply will leave, after its processing delay.
                final int slot = pending;
                final long delayNs = population.slowDelayNs(address);
                reply(f, address, trueNs, seq, 0, false);
                pending = slot;
                final UnsafeBuffer r = out.frame(slot);
                r.putLong(IP + 28 + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET,
                    NtpTime.fromEpochNs(population.remoteTimeNs(address, trueNs + delayNs, seq)), BE);
                udpChecksum(r, IP, REPLY_UDP_LENGTH);
                if (delayed.offer(r, REPLY_LENGTH, monoNs + delayNs))
                {
                    counters.add(SimCounters.Kind.NTP_DELAYED, 1);
                }
                else
                {
                    counters.add(SimCounters.Kind.NTP_DELAY_OVERFLOW, 1);
                }
            }
            case KOD_RATE, KOD_DENY, KOD_RSTR ->
            {
                final int kiss = population.kissOfDeath(address, seq);
                reply(f, address, trueNs, seq, kiss, false);
                counters.add(kiss != 0 ? SimCounters.Kind.NTP_KOD : SimCounters.Kind.NTP_REPLIES, 1);
            }
            case UNSYNC ->
            {
                reply(f, address, trueNs, seq, 0, true);
                counters.add(SimCounters.Kind.NTP_REPLIES, 1);
            }
            case MALFORMED -> malformed(f, address, trueNs, seq);
            case SPOOFED ->
            {
                final int slot = pending;
                reply(f, address, trueNs, seq, 0, false);
                // An off-path spoof of the same reply: right addresses and ports, a guessed origin.
                out.frame(pending).putBytes(0, out.frame(slot), 0, REPLY_LENGTH);
                final UnsafeBuffer spoof = out.frame(pending);
                spoof.putLong(IP + 28 + NtpHeaderFlyweight.ORIGIN_TIMESTAMP_OFFSET, random.nextLong(), BE);
                udpChecksum(spoof, IP, REPLY_UDP_LENGTH);
                out.length(pending++, REPLY_LENGTH);
                counters.add(SimCounters.Kind.NTP_REPLIES, 1);
                counters.add(SimCounters.Kind.NTP_SPOOFED, 1);
            }
            default ->
            {
                reply(f, address, trueNs, seq, 0, false);
                counters.add(SimCounters.Kind.NTP_REPLIES, 1);
            }
        }
    }

    /** Writes a reply into the next out slot. */
    private void reply(final UnsafeBuffer req, final int address, final long trueNs, final long seq, final int kiss,
        final boolean unsync)
    {
        final UnsafeBuffer r = out.frame(pending);
        headers(req, r, address, REPLY_UDP_LENGTH);
        final int reqNtp = IP + Ipv4Flyweight.headerLength(req, IP) + UdpFlyweight.HEADER_LENGTH;
        final int ntp = IP + 28;
        final long t2 = NtpTime.fromEpochNs(population.remoteTimeNs(address, trueNs, seq));
        final long t3 = NtpTime.fromEpochNs(population.remoteTimeNs(address, trueNs + 2_000, seq));
        final int leap = unsync || kiss != 0 ? NtpFields.LI_UNSYNCHRONISED : 0;
        r.putByte(ntp, (byte)NtpFields.firstByte(leap, NtpFields.VERSION_4, NtpFields.MODE_SERVER));
        r.putByte(ntp + NtpHeaderFlyweight.STRATUM_OFFSET,
            (byte)(kiss != 0 ? NtpFields.STRATUM_KISS_OF_DEATH : unsync ? NtpFields.STRATUM_UNSYNCHRONISED : STRATUM));
        r.putByte(ntp + NtpHeaderFlyweight.POLL_OFFSET, req.getByte(reqNtp + NtpHeaderFlyweight.POLL_OFFSET));
        r.putByte(ntp + NtpHeaderFlyweight.PRECISION_OFFSET, (byte)PRECISION);
        r.putInt(ntp + NtpHeaderFlyweight.ROOT_DELAY_OFFSET, kiss != 0 ? 0 : 0x0000_0200, BE);
        r.putInt(ntp + NtpHeaderFlyweight.ROOT_DISPERSION_OFFSET, kiss != 0 ? 0 : 0x0000_0400, BE);
        r.putInt(ntp + NtpHeaderFlyweight.REFERENCE_ID_OFFSET, kiss != 0 ? kiss : 0xC0000201, BE);
        r.putLong(ntp + NtpHeaderFlyweight.REFERENCE_TIMESTAMP_OFFSET, kiss != 0 ? 0 : t2 - (64L << 32), BE);
        r.putLong(ntp + NtpHeaderFlyweight.ORIGIN_TIMESTAMP_OFFSET,
            req.getLong(reqNtp + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, BE), BE);
        r.putLong(ntp + NtpHeaderFlyweight.RECEIVE_TIMESTAMP_OFFSET, kiss != 0 ? 0 : t2, BE);
        r.putLong(ntp + NtpHeaderFlyweight.TRANSMIT_TIMESTAMP_OFFSET, kiss != 0 ? 0 : t3, BE);
        udpChecksum(r, IP, REPLY_UDP_LENGTH);
        out.length(pending++, REPLY_LENGTH);
    }

    private void malformed(final UnsafeBuffer req, final int address, final long trueNs, final long seq)
    {
        final int slot = pending;
        reply(req, address, trueNs, seq, 0, false);
        final UnsafeBuffer r = out.frame(slot);
        final int ntp = IP + 28;
        final Malformation m = population.malformation(address, seq);
        int udpLength = REPLY_UDP_LENGTH;
        switch (m)
        {
            case TRUNCATED -> udpLength = UdpFlyweight.HEADER_LENGTH + 20 + random.nextInt(20);
            case WRONG_MODE -> r.putByte(ntp, (byte)NtpFields.firstByte(0, 4, random.nextBoolean() ? 3 : 5));
            case WRONG_VERSION -> r.putByte(ntp, (byte)NtpFields.firstByte(0, random.nextBoolean() ? 0 : 7, 4));
            case GARBAGE ->
            {
                for (int i = 0; i < NtpHeaderFlyweight.HEADER_LENGTH; i += 8)
                {
                    r.putLong(ntp + i, random.nextLong());
                }
            }
        }
        if (udpLength != REPLY_UDP_LENGTH)
        {
            headers(req, r, address, udpLength);
        }
        udpChecksum(r, IP, udpLength);
        out.length(slot, IP + Ipv4Flyweight.MIN_HEADER_LENGTH + udpLength);
        counters.add(SimCounters.Kind.NTP_MALFORMED, 1);
    }

    private void icmpUnreachable(final UnsafeBuffer req, final int length, final int address)
    {
        final UnsafeBuffer r = out.frame(pending);
        final int quoted = Math.min(length - IP, ICMP_QUOTE_MAX);
        final int icmpLength = IcmpFlyweight.writePortUnreachable(r, IP + Ipv4Flyweight.MIN_HEADER_LENGTH, req, IP,
            quoted);
        EthernetFlyweight.write(r, 0, macOf(req, EthernetFlyweight.SOURCE_OFFSET), ourMac,
            EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(r, IP, Ipv4Flyweight.MIN_HEADER_LENGTH + icmpLength, 64, Ipv4Flyweight.PROTOCOL_ICMP,
            address, Ipv4Flyweight.source(req, IP));
        Ipv4Flyweight.checksum(r, IP, InternetChecksum.of(r, IP, Ipv4Flyweight.MIN_HEADER_LENGTH));
        out.length(pending++, IP + Ipv4Flyweight.MIN_HEADER_LENGTH + icmpLength);
        counters.add(SimCounters.Kind.NTP_ICMP, 1);
    }

    /** Ethernet and IPv4 headers of a UDP reply from {@code address}, port 123, to the request's sender. */
    private void headers(final UnsafeBuffer req, final UnsafeBuffer r, final int address, final int udpLength)
    {
        final int reqUdp = IP + Ipv4Flyweight.headerLength(req, IP);
        EthernetFlyweight.write(r, 0, macOf(req, EthernetFlyweight.SOURCE_OFFSET), ourMac,
            EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(r, IP, Ipv4Flyweight.MIN_HEADER_LENGTH + udpLength, 57, Ipv4Flyweight.PROTOCOL_UDP,
            address, Ipv4Flyweight.source(req, IP));
        Ipv4Flyweight.checksum(r, IP, InternetChecksum.of(r, IP, Ipv4Flyweight.MIN_HEADER_LENGTH));
        UdpFlyweight.write(r, IP + Ipv4Flyweight.MIN_HEADER_LENGTH, UdpFlyweight.destinationPort(req, reqUdp),
            UdpFlyweight.sourcePort(req, reqUdp), udpLength);
    }

    private byte[] macOf(final UnsafeBuffer frame, final int offset)
    {
        frame.getBytes(offset, mac);
        return mac;
    }

    private static void udpChecksum(final UnsafeBuffer r, final int ip, final int udpLength)
    {
        final int udp = ip + Ipv4Flyweight.MIN_HEADER_LENGTH;
        UdpFlyweight.checksum(r, udp, 0);
        long sum = InternetChecksum.addInt(0, Ipv4Flyweight.source(r, ip));
        sum = InternetChecksum.addInt(sum, Ipv4Flyweight.destination(r, ip));
        sum += Ipv4Flyweight.PROTOCOL_UDP + udpLength;
        sum = InternetChecksum.add(sum, r, udp, udpLength);
        final int c = InternetChecksum.finish(sum);
        UdpFlyweight.checksum(r, udp, c == 0 ? 0xFFFF : c);
    }

    private boolean allowed(final int address, final long second, final int perSecond)
    {
        final int slot = (address * 0x9E3779B1) >>> 16;
        if (rateAddress[slot] != address || rateSecond[slot] != second)
        {
            rateAddress[slot] = address;
            rateSecond[slot] = second;
            rateCount[slot] = 0;
        }
        return ++rateCount[slot] <= perSecond;
    }

    @Override
    public void onClose()
    {
        rx.close();
        tx.close();
    }
}
