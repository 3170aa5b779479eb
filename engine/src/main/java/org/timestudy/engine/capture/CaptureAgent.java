package org.timestudy.engine.capture;

import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.timestudy.engine.probe.Echo;
import org.timestudy.engine.probe.RecordSink;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.ReplyContext;
import org.timestudy.engine.send.KissOfDeathInbox;
import org.timestudy.engine.send.ScanTargets;
import org.timestudy.engine.status.Counters;
import org.timestudy.engine.status.EngineCounter;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.journal.IcmpUnreachableFlyweight;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.RecordFlags;
import org.timestudy.nativeio.PcapCapture;
import org.timestudy.ntp.NtpFields;

/**
 * The capture thread: reads frames from its own libpcap handle ({@link PcapCapture}: non-blocking, in place, no
 * copy and no allocation per frame), recognises our
 * outgoing probes (their kernel timestamp is T1), validates replies statelessly by their echoed cookie, and appends
 * every valid reply and quoting ICMP error to the journal. Everything that fails a check is counted by reason and
 * never becomes an observation. It owns the journal appender.
 *
 * <p>Checks, in order: the probe's own parse (truncated, oversized, wrong mode), the source is a target of this
 * scan, the cookie validates for the reply's addresses and ports, and the probe was not already answered.
 */
public final class CaptureAgent implements Agent, PcapCapture.FrameHandler, RecordSink
{
    private static final long STATS_INTERVAL_NS = 100_000_000L;
    private static final long MAX_T1_ERROR_NS = 1_000_000_000L;
    private static final int FRAMES_PER_CYCLE = 256;
    /** Longest time spent at close reading frames the kernel already captured, ns. */
    private static final long DRAIN_LIMIT_NS = 4_000_000_000L;

    private final PcapCapture handle;
    private final ProbeReceiver receiver;
    private final ProbeCookie cookie;
    private final ScanTargets targets;
    private final JournalAppender journal;
    private final KissOfDeathInbox[] kisses;
    private final T1Ring t1Ring;
    private final SendClockRing sendClocks;
    private final long scanId;
    private final int probesPerTarget;
    private final byte[] sourceMac;
    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final Echo echo = new Echo();
    private final ReplyContext reply = new ReplyContext();
    private final IcmpUnreachableFlyweight icmpRecord = new IcmpUnreachableFlyweight();
    private final Histogram t1ErrorNs = new Histogram(1_000_000_000L, 3);
    private final AtomicCounter captured;
    private final AtomicCounter outgoing;
    private final AtomicCounter valid;
    private final AtomicCounter wrongCookie;
    private final AtomicCounter wrongMode;
    private final AtomicCounter wrongVersion;
    private final AtomicCounter truncated;
    private final AtomicCounter oversized;
    private final AtomicCounter duplicate;
    private final AtomicCounter notInScan;
    private final AtomicCounter icmp;
    private final AtomicCounter kod;
    private final AtomicCounter t1Missing;
    private final AtomicCounter journaled;
    private final AtomicCounter pcapDrops;
    private final AtomicCounter pcapIfDrops;
    private final AtomicCounter maxCycleNs;
    private long nextStatsNs;
    private long t1EarlierThanSendClock;
    private FollowUpSender followUps = FollowUpSender.NONE;
    private long sendClockMaxAgeNs;

    /**
     * @param handle          an open capture with the probe's filter (null when frames are fed by hand).
     * @param receiver        the probe's receiver.
     * @param cookie          the scan's cookie for this probe.
     * @param targets         the scan's targets.
     * @param journal         appender for records.
     * @param kisses          one inbox per send thread.
     * @param t1Ring          T1 by sequence number.
     * @param sendClocks      send-side clock by sequence number.
     * @param scanId          scan id.
     * @param probesPerTarget probes per target (probe index = sequence mod this).
     * @param sourceMac       our MAC: frames from it are outgoing.
     * @param counters        the engine's counters.
     */
    public CaptureAgent(
        final PcapCapture handle,
        final ProbeReceiver receiver,
        final ProbeCookie cookie,
        final ScanTargets targets,
        final JournalAppender journal,
        final KissOfDeathInbox[] kisses,
        final T1Ring t1Ring,
        final SendClockRing sendClocks,
        final long scanId,
        final int probesPerTarget,
        final byte[] sourceMac,
        final Counters counters)
    {
        this.handle = handle;
        this.receiver = receiver;
        this.cookie = cookie;
        this.targets = targets;
        this.journal = journal;
        this.kisses = kisses;
        this.t1Ring = t1Ring;
        this.sendClocks = sendClocks;
        this.scanId = scanId;
        this.probesPerTarget = probesPerTarget;
        this.sourceMac = sourceMac;
        this.captured = counters.counter(EngineCounter.FRAMES_CAPTURED);
        this.outgoing = counters.counter(EngineCounter.OUTGOING_SEEN);
        this.valid = counters.counter(EngineCounter.REPLIES_VALID);
        this.wrongCookie = counters.counter(EngineCounter.DROP_WRONG_COOKIE);
        this.wrongMode = counters.counter(EngineCounter.DROP_WRONG_MODE);
        this.wrongVersion = counters.counter(EngineCounter.DROP_WRONG_VERSION);
        this.truncated = counters.counter(EngineCounter.DROP_TRUNCATED);
        this.oversized = counters.counter(EngineCounter.DROP_OVERSIZED);
        this.duplicate = counters.counter(EngineCounter.DROP_DUPLICATE);
        this.notInScan = counters.counter(EngineCounter.DROP_NOT_IN_SCAN);
        this.icmp = counters.counter(EngineCounter.ICMP_UNREACHABLE);
        this.kod = counters.counter(EngineCounter.KOD_SEEN);
        this.t1Missing = counters.counter(EngineCounter.T1_MISSING);
        this.journaled = counters.counter(EngineCounter.RECORDS_JOURNALED);
        this.pcapDrops = counters.counter(EngineCounter.PCAP_DROPS);
        this.pcapIfDrops = counters.counter(EngineCounter.PCAP_IFDROPS);
        this.maxCycleNs = counters.counter(EngineCounter.CAPTURE_MAX_CYCLE_NS);
        this.reply.scanId = scanId;
    }

    /**
     * Gives a stateful probe's receiver a way to send follow-up frames (stateless probes never ask for one).
     *
     * @param sender the follow-up sender.
     * @return this.
     */
    public CaptureAgent followUps(final FollowUpSender sender)
    {
        this.followUps = sender;
        return this;
    }

    /**
     * Takes T1 from the send thread's clock ({@link SendClockRing}) when our outgoing frame was not captured (the
     * scan leaves its own frames out of the capture): the clock read before the batch's {@code sendmmsg}, so never
     * later than the frame's departure. A reading older than {@code maxAgeNs} before the reply belongs to an older
     * probe in the same slot and is not used.
     *
     * @param maxAgeNs longest plausible time from the send clock to the reply, ns (the cooldown plus a margin).
     * @return this.
     */
    public CaptureAgent t1FromSendClock(final long maxAgeNs)
    {
        this.sendClockMaxAgeNs = maxAgeNs;
        return this;
    }

    @Override
    public String roleName()
    {
        return "capture";
    }

    @Override
    public int doWork()
    {
        final long start = System.nanoTime();
        int n = handle.poll(this, FRAMES_PER_CYCLE);
        n += receiver.poll(start, reply, followUps, this);
        followUps.flush();
        final long end = System.nanoTime();
        if (n > 0)
        {
            maxCycleNs.proposeMaxRelease(end - start);
        }
        if (end - nextStatsNs >= 0)
        {
            nextStatsNs = end + STATS_INTERVAL_NS;
            readStats();
        }
        return Math.max(0, n);
    }

    /** Reads pcap's drop counters into ours. */
    public void readStats()
    {
        handle.readStats();
        pcapDrops.setRelease(handle.drops());
        pcapIfDrops.setRelease(handle.interfaceDrops());
    }

    /**
     * Handles one captured frame from bytes (the entry point for tests that replay frames).
     *
     * @param packet   captured bytes, Ethernet header first.
     * @param length   bytes captured.
     * @param timeNs   capture timestamp, ns since 1970.
     */
    public void onFrame(final byte[] packet, final int length, final long timeNs)
    {
        onFrame(new UnsafeBuffer(packet, 0, length), length, timeNs);
    }

    @Override
    public void onFrame(final UnsafeBuffer buffer, final int length, final long timeNs)
    {
        captured.incrementRelease();
        frame.wrap(buffer, 0, length);
        if (length < EthernetFlyweight.HEADER_LENGTH + Ipv4Flyweight.MIN_HEADER_LENGTH ||
            EthernetFlyweight.etherType(frame, 0) != EthernetFlyweight.ETHER_TYPE_IPV4)
        {
            return;
        }
        final int ip = EthernetFlyweight.HEADER_LENGTH;
        if (Ipv4Flyweight.version(frame, ip) != 4)
        {
            return;
        }
        final boolean fromUs = EthernetFlyweight.sourceIs(frame, 0, sourceMac);
        switch (receiver.classify(frame, ip, length, fromUs, echo))
        {
            case ProbeReceiver.OUTGOING -> onOutgoing(timeNs);
            case ProbeReceiver.REPLY -> onReply(ip, length, timeNs);
            case ProbeReceiver.ICMP_UNREACHABLE -> onIcmp(ip, timeNs);
            case ProbeReceiver.TRUNCATED -> truncated.incrementRelease();
            case ProbeReceiver.OVERSIZED -> oversized.incrementRelease();
            case ProbeReceiver.WRONG_MODE -> wrongMode.incrementRelease();
            case ProbeReceiver.WRONG_VERSION -> wrongVersion.incrementRelease();
            case ProbeReceiver.SEGMENT -> receiver.process(frame, ip, length, timeNs, fromUs, reply, followUps, this);
            default ->
            {
            }
        }
    }

    private void onOutgoing(final long timeNs)
    {
        if (echo.cookieBits != 64)
        {
            outgoing.incrementRelease();
            return;
        }
        final long seq = cookie.sequenceOf(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort);
        if (seq == ProbeCookie.INVALID)
        {
            return;
        }
        t1Ring.onOutgoing(seq, timeNs);
        outgoing.incrementRelease();
        final long sendClock = sendClocks.get(seq);
        final long errorNs = timeNs - sendClock;
        if (errorNs >= 0 && errorNs < MAX_T1_ERROR_NS)
        {
            t1ErrorNs.recordValue(errorNs);
        }
        else if (errorNs < 0 && errorNs > -MAX_T1_ERROR_NS)
        {
            t1EarlierThanSendClock++;
        }
    }

    private void onReply(final int ip, final int length, final long timeNs)
    {
        if (!targets.inScan(echo.remoteAddress))
        {
            notInScan.incrementRelease();
            return;
        }
        if (echo.cookieBits != 64)
        {
            // Only the low 32 bits come back (a TCP acknowledgement): no sequence number, so no T1 ring and no
            // duplicate check here; the probe's own connection table does both.
            if (!cookie.validates32(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort))
            {
                wrongCookie.incrementRelease();
                return;
            }
            reply.t1EpochNs = 0;
            reply.t4EpochNs = timeNs;
            reply.flags = 0;
            reply.probeIndex = 0;
            receiver.onReply(frame, ip, length, reply, followUps, this);
            valid.incrementRelease();
            return;
        }
        final long seq = cookie.sequenceOf(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort);
        if (seq == ProbeCookie.INVALID)
        {
            wrongCookie.incrementRelease();
            return;
        }
        final int flags = t1Flags(seq, timeNs);
        if (!t1Ring.markAnswered(seq))
        {
            duplicate.incrementRelease();
            return;
        }
        reply.scanId = scanId;
        reply.t4EpochNs = timeNs;
        reply.probeIndex = (int)(seq % probesPerTarget);
        reply.flags = flags;
        final int kiss = receiver.kissCode(frame, ip);
        if ((receiver.replyFlags(frame, ip) & RecordFlags.KISS_OF_DEATH) != 0)
        {
            kod.incrementRelease();
            final int kind = kiss == NtpFields.KISS_RATE ? KissOfDeathInbox.BACK_OFF :
                (kiss == NtpFields.KISS_DENY || kiss == NtpFields.KISS_RSTR) ? KissOfDeathInbox.STOP : 0;
            if (kind != 0)
            {
                for (final KissOfDeathInbox inbox : kisses)
                {
                    inbox.offer(echo.remoteAddress, kind);
                }
            }
        }
        receiver.onReply(frame, ip, length, reply, followUps, this);
        valid.incrementRelease();
    }

    /** {@inheritDoc} */
    @Override
    public MutableDirectBuffer buffer()
    {
        return journal.buffer();
    }

    /** {@inheritDoc} */
    @Override
    public void commit(final int length)
    {
        journal.append(length);
        journaled.incrementRelease();
    }

    private int t1Flags(final long seq, final long t4EpochNs)
    {
        final long t1 = t1Ring.t1(seq);
        if (t1 != 0)
        {
            reply.t1EpochNs = t1;
            return RecordFlags.T1_FROM_CAPTURE;
        }
        if (sendClockMaxAgeNs > 0)
        {
            final long clock = sendClocks.get(seq);
            final long age = t4EpochNs - clock;
            if (clock != 0 && age > 0 && age <= sendClockMaxAgeNs)
            {
                reply.t1EpochNs = clock;
                return 0;
            }
        }
        t1Missing.incrementRelease();
        reply.t1EpochNs = 0;
        return RecordFlags.T1_MISSING;
    }

    private void onIcmp(final int ip, final long timeNs)
    {
        final long seq = echo.cookieBits == 64 ?
            cookie.sequenceOf(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort) :
            cookie.validates32(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort) ? 0 :
            ProbeCookie.INVALID;
        if (seq == ProbeCookie.INVALID || !targets.inScan(echo.remoteAddress))
        {
            wrongCookie.incrementRelease();
            return;
        }
        icmpRecord.wrap(journal.buffer(), 0).header(scanId)
            .targetAddress(echo.remoteAddress)
            .targetPort(echo.remotePort)
            .sourcePort(echo.localPort)
            .t1EpochNs(echo.cookieBits == 64 ? t1Ring.t1(seq) : 0)
            .t4EpochNs(timeNs)
            .reporterAddress(Ipv4Flyweight.source(frame, ip))
            .icmpType(frame.getByte(ip + Ipv4Flyweight.headerLength(frame, ip)) & 0xFF)
            .icmpCode(frame.getByte(ip + Ipv4Flyweight.headerLength(frame, ip) + 1) & 0xFF)
            .probeIndex((int)(seq % probesPerTarget))
            .ttl(Ipv4Flyweight.ttl(frame, ip));
        journal.append(IcmpUnreachableFlyweight.LENGTH);
        icmp.incrementRelease();
        journaled.incrementRelease();
    }

    /**
     * @return distribution of T1 (capture timestamp of the outgoing frame) minus the send thread's clock read before
     *         sendmmsg, ns. Read after the agent has stopped.
     */
    public Histogram t1ErrorNs()
    {
        return t1ErrorNs;
    }

    /**
     * @return outgoing frames whose capture timestamp was earlier than the send-side clock (should be 0).
     */
    public long t1EarlierThanSendClock()
    {
        return t1EarlierThanSendClock;
    }

    /**
     * Reads what the kernel has already captured before stopping (a loaded machine can leave the capture seconds
     * behind the wire when the cooldown ends), for at most {@link #DRAIN_LIMIT_NS}, then takes the drop counters.
     */
    @Override
    public void onClose()
    {
        if (handle != null)
        {
            final long deadline = System.nanoTime() + DRAIN_LIMIT_NS;
            while (handle.poll(this, FRAMES_PER_CYCLE) > 0 && System.nanoTime() - deadline < 0)
            {
                // drain
            }
            readStats();
        }
    }
}
