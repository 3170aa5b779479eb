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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the journal of a repeated scan of a few hosts with known clocks, through the real {@link JournalAppender}:
 * one round every {@code intervalNs}, each host answering with T2 and T3 from its clock model (plus a little
 * jitter and a fixed path delay), or with a Kiss-o'-Death, or an ICMP unreachable.
 */
final class ClockJournal
{
    /** First round's T1: 2026-11-27T12:00:00Z. */
    static final long START_NS = SurveyJournal.START_EPOCH_NS;
    static final long HOUR_NS = 3_600_000_000_000L;
    private static final long SCAN_ID = 77;
    private static final long ONE_WAY_NS = 10_000_000L;

    /** What a host answers. */
    enum Kind
    {
        NORMAL, UNSYNC, KOD_RATE, UNREACHABLE
    }

    /**
     * A host's clock: offset(t) = offset + ppm·(t − start), then + step after stepAt; or frozen.
     *
     * @param address  IPv4 address.
     * @param offsetS  offset at the start, seconds.
     * @param ppm      rate R − 1 in ppm.
     * @param stepAtNs true time of a step, or Long.MAX_VALUE.
     * @param stepS    the step, seconds.
     * @param frozenAt epoch ns the clock shows forever, or 0.
     * @param kind     how it answers.
     */
    record Host(int address, double offsetS, double ppm, long stepAtNs, double stepS, long frozenAt, Kind kind)
    {
        static Host offset(final int address, final double offsetS)
        {
            return new Host(address, offsetS, 0, Long.MAX_VALUE, 0, 0, Kind.NORMAL);
        }

        Host answering(final Kind k)
        {
            return new Host(address, offsetS, ppm, stepAtNs, stepS, frozenAt, k);
        }

        long remoteNs(final long trueNs)
        {
            if (frozenAt != 0)
            {
                return frozenAt;
            }
            final double offset = offsetS + ppm * 1e-6 * (trueNs - START_NS) / 1e9 + (trueNs >= stepAtNs ? stepS : 0);
            return trueNs + Math.round(offset * 1e9);
        }
    }

    private final List<Host> hosts = new ArrayList<>();

    ClockJournal add(final Host h)
    {
        hosts.add(h);
        return this;
    }

    /**
     * Writes the journal.
     *
     * @param dir        journal directory.
     * @param rounds     scan rounds.
     * @param intervalNs time between rounds.
     * @param seed       jitter seed.
     * @return the journal directory.
     */
    Path write(final Path dir, final int rounds, final long intervalNs, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final NtpReplyFlyweight reply = new NtpReplyFlyweight();
        try (ChronicleQueue q = Journal.openForWrite(dir); JournalAppender a = new JournalAppender(q))
        {
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_START, SCAN_ID, START_NS,
                "{\"probe\":\"ntp\",\"rounds\":" + rounds + "}"));
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < hosts.size(); i++)
                {
                    final Host h = hosts.get(i);
                    final long t1 = START_NS + r * intervalNs + i * 1_000_000L + random.nextLong(1_000_000L);
                    final long t4 = t1 + 2 * ONE_WAY_NS + 30_000;
                    if (h.kind() == Kind.UNREACHABLE)
                    {
                        new IcmpUnreachableFlyweight().wrap(a.buffer(), 0).header(SCAN_ID).targetAddress(h.address())
                            .targetPort(123).sourcePort(40000).t1EpochNs(t1).t4EpochNs(t4 - ONE_WAY_NS)
                            .reporterAddress(h.address()).icmpType(3).icmpCode(3).probeIndex(0).ttl(60);
                        a.append(IcmpUnreachableFlyweight.LENGTH);
                        continue;
                    }
                    final long arrive = t1 + ONE_WAY_NS;
                    final long jitter = random.nextLong(200_000L);
                    final long t2 = h.remoteNs(arrive) + jitter;
                    final long t3 = h.remoteNs(arrive + 30_000) + jitter;
                    final boolean kod = h.kind() == Kind.KOD_RATE;
                    final boolean unsync = h.kind() == Kind.UNSYNC;
                    final int flags = RecordFlags.T1_FROM_CAPTURE | (kod ? RecordFlags.KISS_OF_DEATH : 0) |
                        (unsync ? RecordFlags.UNSYNCHRONISED : 0);
                    reply.wrap(a.buffer(), 0).header(SCAN_ID).targetAddress(h.address()).targetPort(123)
                        .sourcePort(40000 + i).t1EpochNs(t1).t4EpochNs(t4).flags(flags)
                        .firstByte(NtpFields.firstByte(unsync ? 3 : 0, 4, 4)).stratum(kod ? 0 : unsync ? 16 : 2)
                        .poll(6).precision(-20).refid(kod ? NtpFields.KISS_RATE : 0x0A000001)
                        .receiveTimestamp(NtpTime.fromEpochNs(t2)).transmitTimestamp(NtpTime.fromEpochNs(t3))
                        .originTimestamp(1 + r).payloadLength(48);
                    a.append(NtpReplyFlyweight.LENGTH);
                }
            }
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_END, SCAN_ID,
                START_NS + rounds * intervalNs, "{\"sent\":" + rounds * hosts.size() + "}"));
        }
        return dir;
    }
}
