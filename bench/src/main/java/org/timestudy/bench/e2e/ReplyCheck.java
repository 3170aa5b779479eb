package org.timestudy.bench.e2e;

import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;
import org.timestudy.testbed.clock.Population;

/**
 * Whether a reply a scanner recorded carries the fields the simulated Internet really sent, judged against the
 * population's truth (the {@code bench} preset: every answer normal, stratum 2, clocks a function of true time).
 *
 * <p>A reply is correct when it says LI 0, version 4, mode 4 (server), stratum 2; when its receive timestamp T2 is
 * what the address's clock showed at some moment between the probe leaving ({@code sentNotBeforeEpochNs}) and the
 * reply being recorded ({@code recordedEpochNs}), within {@link #TOLERANCE_NS} (when a reset+drift clock steps back
 * inside that window, on either side of the step); and when its transmit timestamp T3
 * follows T2 by 0 to {@link #MAX_T3_MINUS_T2_NS}. Decoding mistakes (a wrong offset, byte order, era or scale) fail
 * the T2 check by seconds to decades: the population's offsets reach 500 days and its stuck clocks 20 years.
 */
public final class ReplyCheck
{
    /** Slack around the window for T2: the synced clocks' jitter is ±0.5 ms. */
    public static final long TOLERANCE_NS = 1_000_000L;
    /** Largest T3 − T2 the responder produces (it stamps T3 2 µs after T2), with margin. */
    public static final long MAX_T3_MINUS_T2_NS = 100_000L;
    /** How long before its recording a reply's probe may have left, when the scanner does not say. */
    public static final long DEFAULT_WINDOW_NS = 2_000_000_000L;
    private static final int STRATUM = 2;

    private final Population population;

    /**
     * @param population the simulated Internet's population.
     */
    public ReplyCheck(final Population population)
    {
        this.population = population;
    }

    /**
     * @param address              the replying address.
     * @param sentNotBeforeEpochNs earliest time its probe can have left (T1 when known), ns since 1970.
     * @param recordedEpochNs      when the scanner recorded the reply (T4), ns since 1970.
     * @param firstByte            LI, VN and mode.
     * @param stratum              stratum.
     * @param receiveTimestamp     T2, NTP format.
     * @param transmitTimestamp    T3, NTP format.
     * @return true when every field is what the responder sent.
     */
    public boolean correct(final int address, final long sentNotBeforeEpochNs, final long recordedEpochNs,
        final int firstByte, final int stratum, final long receiveTimestamp, final long transmitTimestamp)
    {
        if (NtpFields.leap(firstByte) != 0 || NtpFields.version(firstByte) != NtpFields.VERSION_4 ||
            NtpFields.mode(firstByte) != NtpFields.MODE_SERVER || stratum != STRATUM ||
            receiveTimestamp == 0 || transmitTimestamp == 0)
        {
            return false;
        }
        final long t2 = NtpTime.toEpochNs(receiveTimestamp);
        final long t3 = NtpTime.toEpochNs(transmitTimestamp);
        final long atSend = remoteNs(address, sentNotBeforeEpochNs);
        final long atRecord = remoteNs(address, recordedEpochNs);
        final long earliest;
        final long latest;
        if (atRecord >= atSend)
        {
            earliest = atSend - TOLERANCE_NS;
            latest = atRecord + TOLERANCE_NS;
        }
        else
        {
            // The clock stepped back inside the window (a reset+drift clock's reset): T2 lies on either side of it.
            final long windowNs = recordedEpochNs - sentNotBeforeEpochNs;
            earliest = atRecord - windowNs - TOLERANCE_NS;
            latest = atSend + windowNs + TOLERANCE_NS;
        }
        return t2 >= earliest && t2 <= latest && t3 - t2 >= 0 && t3 - t2 <= MAX_T3_MINUS_T2_NS;
    }

    private long remoteNs(final int address, final long trueNs)
    {
        return trueNs + population.expectedOffsetNs(address, trueNs);
    }
}
