package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.timestudy.journal.IcmpUnreachableFlyweight;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes journals that look like an IPv4 NTP survey, through the real {@link JournalAppender}: replies arrive in
 * the scan's random address order, from a population of hosts each with its own clock, stratum, refid, precision,
 * path and TTL. The model (documented in analyzer/README.md, "Figures"):
 * <ul>
 *   <li>clocks: 75% synchronised (|offset| of a few ms), 10% off by 0.1-10 s, 6% by minutes to hours (time-zone
 *   like multiples of 30 min), 3% by years, 4% unsynchronised (stratum 16, LI 3, no reference time), 2% Kiss-o'-Death
 *   (stratum 0, RATE/DENY; half with zero T2/T3);</li>
 *   <li>round trips log-normal around 60 ms; replies at {@code repliesPerSecond}; T1/T4 at ns resolution; T2/T3 with
 *   the bits below the server's precision random, as servers fuzz them;</li>
 *   <li>origin timestamp: the engine's cookie, 64 random bits (the worst case for size);</li>
 *   <li>0.1% of records without T1 (T1_MISSING), 1% extended replies, 0.5% ICMP unreachables.</li>
 * </ul>
 * Seeded: the same arguments write the same journal.
 */
public final class SurveyJournal
{
    /** T4 of the first reply: 2026-11-27T12:00:00Z, ns since 1970. */
    public static final long START_EPOCH_NS = 1_795_780_800_000_000_000L;
    /** Scan id of the records. */
    public static final long SCAN_ID = 0x5CA11D_0001L;

    private static final String[] STRATUM1_REFIDS = {"GPS", "PPS", "GNSS", "NIST", "PTB", "DCF", "ATOM", "GOOG"};

    private final SplittableRandom random;
    private final Host[] hosts;
    private final int[] upstreams;
    private final double repliesPerSecond;
    private final NtpReplyFlyweight reply = new NtpReplyFlyweight();
    private final IcmpUnreachableFlyweight icmp = new IcmpUnreachableFlyweight();
    private long t4EpochNs = START_EPOCH_NS;
    private int nextHost;

    /**
     * @param seed             random seed.
     * @param hostCount        distinct hosts that answer.
     * @param repliesPerSecond reply rate, which spaces T4.
     */
    public SurveyJournal(final long seed, final int hostCount, final double repliesPerSecond)
    {
        this.random = new SplittableRandom(seed);
        this.repliesPerSecond = repliesPerSecond;
        this.upstreams = new int[Math.max(16, hostCount / 10)];
        for (int i = 0; i < upstreams.length; i++)
        {
            upstreams[i] = publicAddress();
        }
        this.hosts = new Host[hostCount];
        for (int i = 0; i < hostCount; i++)
        {
            hosts[i] = newHost();
        }
    }

    /**
     * Writes a scan: a SCAN_START, {@code records} replies and unreachables, a SCAN_END.
     *
     * @param dir     journal directory.
     * @param seed    random seed.
     * @param records replies and unreachables to write.
     * @return records written, including the two scan events.
     */
    public static long write(final Path dir, final long seed, final long records)
    {
        final SurveyJournal survey = new SurveyJournal(seed, (int)Math.min(1_000_000, Math.max(100, records / 2)),
            20_000);
        try (ChronicleQueue q = Journal.openForWrite(dir); JournalAppender a = new JournalAppender(q))
        {
            survey.appendScanStart(a);
            for (long i = 0; i < records; i++)
            {
                survey.appendNext(a);
            }
            survey.appendScanEnd(a, records);
            return a.appended();
        }
    }

    /**
     * Appends the scan's start event.
     *
     * @param a appender.
     */
    public void appendScanStart(final JournalAppender a)
    {
        a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_START, SCAN_ID,
            t4EpochNs - 1_000_000_000L, "{\"probe\":\"ntp\",\"rate\":1000000,\"seed\":42,\"targets\":\"0.0.0.0/0\"}"));
    }

    /**
     * Appends the scan's end event.
     *
     * @param a       appender.
     * @param replies replies the scan recorded.
     */
    public void appendScanEnd(final JournalAppender a, final long replies)
    {
        a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_END, SCAN_ID,
            t4EpochNs + 8_000_000_000L, "{\"sent\":3700000000,\"replies\":" + replies + ",\"pcapDrops\":0}"));
    }

    /**
     * Appends the next reply (99.5%) or unreachable (0.5%).
     *
     * @param a appender.
     */
    public void appendNext(final JournalAppender a)
    {
        a.append(encodeNext(a.buffer()));
    }

    /**
     * Encodes the next reply or unreachable at offset 0 of a buffer.
     *
     * @param buffer at least {@link NtpReplyFlyweight#LENGTH} bytes.
     * @return the record's length.
     */
    public int encodeNext(final org.agrona.MutableDirectBuffer buffer)
    {
        t4EpochNs += (long)(-Math.log(1.0 - random.nextDouble()) * 1e9 / repliesPerSecond) + 1;
        final Host h = hosts[nextHost];
        nextHost = nextHost + 1 == hosts.length ? 0 : nextHost + 1;
        final long rttNs = (long)(h.rttNs * (1 + 0.02 * random.nextDouble())) + random.nextInt(200_000);
        final long t1 = t4EpochNs - rttNs;
        final int sourcePort = 32768 + random.nextInt(61000 - 32768);
        if (random.nextInt(1000) < 5)
        {
            icmp.wrap(buffer, 0).header(SCAN_ID).targetAddress(h.address).targetPort(123).sourcePort(sourcePort)
                .t1EpochNs(t1).t4EpochNs(t4EpochNs).reporterAddress(upstreams[random.nextInt(upstreams.length)])
                .icmpType(3).icmpCode(random.nextInt(4) == 0 ? 13 : 3).probeIndex(0).ttl(h.ttl);
            return IcmpUnreachableFlyweight.LENGTH;
        }
        int flags = RecordFlags.T1_FROM_CAPTURE;
        final boolean t1Missing = random.nextInt(1000) == 0;
        if (t1Missing)
        {
            flags = RecordFlags.T1_MISSING;
        }
        final long serverReceiveNs = t1 + rttNs / 2 + h.offsetNs + random.nextInt(100_000);
        final long t2 = fuzz(NtpTime.fromEpochNs(serverReceiveNs), h.precision);
        final long t3 = fuzz(NtpTime.fromEpochNs(serverReceiveNs + 5_000 + random.nextInt(45_000)), h.precision);
        final boolean extended = random.nextInt(100) == 0;
        flags |= extended ? RecordFlags.EXTENDED : 0;
        flags |= h.stratum == 0 ? RecordFlags.KISS_OF_DEATH : 0;
        flags |= NtpFields.unsynchronised(h.leap, h.stratum) ? RecordFlags.UNSYNCHRONISED : 0;
        final boolean zeroTimes = h.stratum == 0 && (h.address & 1) == 0;
        final long reference = h.leap == NtpFields.LI_UNSYNCHRONISED || h.stratum == 0 ? 0 :
            NtpTime.fromEpochNs(serverReceiveNs - (long)(random.nextDouble() * (1L << Math.max(0, h.poll)) * 1e9));
        reply.wrap(buffer, 0).header(SCAN_ID).targetAddress(h.address).targetPort(123).sourcePort(sourcePort)
            .t1EpochNs(t1Missing ? 0 : t1).t4EpochNs(t4EpochNs)
            .firstByte(NtpFields.firstByte(h.leap, h.version, NtpFields.MODE_SERVER)).stratum(h.stratum)
            .poll(h.poll).precision(h.precision).rootDelay(h.rootDelay)
            .rootDispersion(h.rootDispersion + random.nextInt(64))
            .refid(h.refid).referenceTimestamp(reference).originTimestamp(random.nextLong())
            .receiveTimestamp(zeroTimes ? 0 : t2).transmitTimestamp(zeroTimes ? 0 : t3).flags(flags).probeIndex(0)
            .ttl(h.ttl).payloadLength(extended ? (random.nextBoolean() ? 68 : 120) : 48).reserved(0);
        return NtpReplyFlyweight.LENGTH;
    }

    private long fuzz(final long ntp, final int precision)
    {
        final int bits = Math.max(0, Math.min(32, 32 + precision));
        return bits == 0 ? ntp : (ntp & -(1L << bits)) | (random.nextLong() & ((1L << bits) - 1));
    }

    private Host newHost()
    {
        final Host h = new Host();
        h.address = publicAddress();
        h.rttNs = (long)(60e6 * Math.exp(0.7 * random.nextGaussian()));
        h.ttl = pick(new int[] {64, 64, 64, 64, 64, 64, 64, 128, 128, 255}) - 5 - random.nextInt(20);
        h.version = random.nextInt(100) < 85 ? 4 : random.nextInt(15) == 0 ? 2 : 3;
        h.poll = pick(new int[] {3, 4, 6, 6, 6, 6, 10, 10, 10, 17});
        h.precision = pick(new int[] {-25, -25, -24, -24, -23, -23, -23, -20, -18, -6});
        final int kind = random.nextInt(100);
        h.stratum = 2 + Math.min(13, (int)(-Math.log(1 - random.nextDouble()) * 1.2));
        if (random.nextInt(100) < 4)
        {
            h.stratum = 1;
        }
        if (kind < 75)
        {
            h.offsetNs = (long)(random.nextGaussian() * 3e6);
        }
        else if (kind < 85)
        {
            final double sign = Math.signum(random.nextDouble() - 0.5);
            h.offsetNs = (long)(sign * Math.pow(10, -1 + 2 * random.nextDouble()) * 1e9);
        }
        else if (kind < 91)
        {
            h.offsetNs = (random.nextInt(48) - 24) * 1_800_000_000_000L + random.nextInt(2_000_000_000);
        }
        else if (kind < 94)
        {
            h.offsetNs = (long)((random.nextDouble() * 15 - 10) * 365.25 * 86_400e9);
        }
        else if (kind < 98)
        {
            h.stratum = 16;
            h.leap = NtpFields.LI_UNSYNCHRONISED;
            h.offsetNs = (long)(random.nextGaussian() * 30e9);
        }
        else
        {
            h.stratum = 0;
            h.offsetNs = (long)(random.nextGaussian() * 3e6);
        }
        if (h.stratum == 0)
        {
            h.refid = random.nextBoolean() ? NtpFields.KISS_RATE : NtpFields.KISS_DENY;
        }
        else if (h.stratum == 1)
        {
            h.refid = NtpFields.ascii(STRATUM1_REFIDS[random.nextInt(STRATUM1_REFIDS.length)]);
        }
        else if (h.stratum == 16)
        {
            h.refid = random.nextBoolean() ? 0 : NtpFields.ascii("INIT");
        }
        else
        {
            h.refid = upstreams[(int)(upstreams.length * Math.pow(random.nextDouble(), 3))];
        }
        h.rootDelay = h.stratum <= 1 ? 0 : (int)(65536 * 0.001 * h.stratum * Math.exp(random.nextGaussian()));
        h.rootDispersion = (int)(65536 * 0.0005 * Math.max(1, h.stratum) * Math.exp(random.nextGaussian()));
        return h;
    }

    private int publicAddress()
    {
        while (true)
        {
            final int a = random.nextInt();
            final int first = (a >>> 24) & 0xFF;
            if (first != 0 && first != 10 && first != 127 && first < 224)
            {
                return a;
            }
        }
    }

    private int pick(final int[] values)
    {
        return values[random.nextInt(values.length)];
    }

    private static final class Host
    {
        int address;
        long rttNs;
        long offsetNs;
        int ttl;
        int version;
        int leap;
        int stratum;
        int poll;
        int precision;
        int refid;
        int rootDelay;
        int rootDispersion;
    }
}
