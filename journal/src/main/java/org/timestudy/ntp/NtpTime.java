package org.timestudy.ntp;

/**
 * NTP timestamp arithmetic (RFC 5905 section 6 and 8), the one place it is done, shared by the engine and the
 * analyzer.
 *
 * <pre>
 *  NTP timestamp format (64 bits, unsigned):
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                            Seconds                            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                            Fraction                           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Timestamps are carried as raw {@code long}s holding the unsigned 64-bit value. Differences are taken as integers
 * first (two's complement wrap), then converted to seconds: this is unambiguous for any two times within about
 * 68 years of each other, across the 2036 era boundary. Absolute conversions use the era rule of SCIENCE.md: the top
 * bit of the seconds set means era 0 (1968-2036, counted from 1900), clear means era 1 (2036-2104).
 */
public final class NtpTime
{
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
    public static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;
    /** Seconds in one NTP era (2^32). */
    public static final long ERA_SECONDS = 1L << 32;
    /** One second in NTP 32.32 fixed point. */
    public static final double FRACTION_PER_SECOND = 4294967296.0;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTime()
    {
    }

    /**
     * Converts Unix time to an NTP timestamp (the seconds wrap at each era).
     *
     * @param epochNs ns since 1970-01-01 UTC.
     * @return the raw 64-bit NTP timestamp.
     */
    public static long fromEpochNs(final long epochNs)
    {
        final long seconds = Math.floorDiv(epochNs, NANOS_PER_SECOND);
        final long nanos = Math.floorMod(epochNs, NANOS_PER_SECOND);
        final long ntpSeconds = (seconds + UNIX_EPOCH_NTP_SECONDS) & 0xFFFF_FFFFL;
        // fraction = nanos * 2^32 / 1e9, rounded; nanos < 1e9 so nanos << 32 fits in 63 bits.
        final long fraction = ((nanos << 32) + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
        return (ntpSeconds << 32) + fraction;
    }

    /**
     * Converts an NTP timestamp to Unix time, choosing the era by the top bit of the seconds (SCIENCE.md 1):
     * set means 1968-2036, clear means 2036-2104.
     *
     * @param ntp raw 64-bit NTP timestamp.
     * @return ns since 1970-01-01 UTC.
     */
    public static long toEpochNs(final long ntp)
    {
        final long seconds = ntp >>> 32;
        final long era = (seconds & 0x8000_0000L) != 0 ? 0 : 1;
        return toEpochNs(ntp, era);
    }

    /**
     * Converts an NTP timestamp to Unix time in a given era.
     *
     * @param ntp raw 64-bit NTP timestamp.
     * @param era 0 for 1900-2036, 1 for 2036-2172, -1 for 1764-1900...
     * @return ns since 1970-01-01 UTC.
     */
    public static long toEpochNs(final long ntp, final long era)
    {
        final long seconds = (ntp >>> 32) + era * ERA_SECONDS - UNIX_EPOCH_NTP_SECONDS;
        final long fraction = ntp & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND + (1L << 31)) >>> 32);
    }

    /**
     * The signed difference {@code a - b} in seconds, taken as integers first.
     *
     * @param a raw NTP timestamp.
     * @param b raw NTP timestamp.
     * @return seconds, exact to 2^-32 s while |a - b| is below 68 years.
     */
    public static double diffSeconds(final long a, final long b)
    {
        return (a - b) / FRACTION_PER_SECOND;
    }

    /**
     * Clock offset θ = ((T2 − T1) + (T3 − T4)) / 2 (RFC 5905 section 8). The two differences are each taken as
     * integers, then halved and added as fixed point, so nothing wraps for offsets within ±68 years.
     *
     * @param t1 request sent, our clock (raw NTP).
     * @param t2 request received, server's clock (raw NTP).
     * @param t3 reply sent, server's clock (raw NTP).
     * @param t4 reply received, our clock (raw NTP).
     * @return offset of the server's clock from ours, in seconds.
     */
    public static double offsetSeconds(final long t1, final long t2, final long t3, final long t4)
    {
        final long a = t2 - t1;
        final long b = t3 - t4;
        // (a >> 1) + (b >> 1) cannot overflow; add back the two dropped low bits.
        final long sum = (a >> 1) + (b >> 1) + ((a & b) & 1);
        return sum / FRACTION_PER_SECOND;
    }

    /**
     * Round-trip delay δ = (T4 − T1) − (T3 − T2) (RFC 5905 section 8), not clamped.
     *
     * @param t1 request sent, our clock (raw NTP).
     * @param t2 request received, server's clock (raw NTP).
     * @param t3 reply sent, server's clock (raw NTP).
     * @param t4 reply received, our clock (raw NTP).
     * @return delay in seconds.
     */
    public static double delaySeconds(final long t1, final long t2, final long t3, final long t4)
    {
        return ((t4 - t1) - (t3 - t2)) / FRACTION_PER_SECOND;
    }

    /**
     * Offset from our times in Unix ns and the server's raw timestamps.
     *
     * @param t1EpochNs request sent, ns since 1970.
     * @param t2        server receive timestamp (raw NTP).
     * @param t3        server transmit timestamp (raw NTP).
     * @param t4EpochNs reply received, ns since 1970.
     * @return offset in seconds.
     */
    public static double offsetSecondsFromEpochNs(
        final long t1EpochNs, final long t2, final long t3, final long t4EpochNs)
    {
        return offsetSeconds(fromEpochNs(t1EpochNs), t2, t3, fromEpochNs(t4EpochNs));
    }

    /**
     * Delay from our times in Unix ns and the server's raw timestamps.
     *
     * @param t1EpochNs request sent, ns since 1970.
     * @param t2        server receive timestamp (raw NTP).
     * @param t3        server transmit timestamp (raw NTP).
     * @param t4EpochNs reply received, ns since 1970.
     * @return delay in seconds.
     */
    public static double delaySecondsFromEpochNs(
        final long t1EpochNs, final long t2, final long t3, final long t4EpochNs)
    {
        return delaySeconds(fromEpochNs(t1EpochNs), t2, t3, fromEpochNs(t4EpochNs));
    }

    /**
     * Converts a signed 32.32 fixed-point duration (the difference of two NTP timestamps) to ns.
     *
     * @param fixedPoint seconds in 32.32 fixed point, signed.
     * @return ns, rounded towards negative infinity.
     */
    public static long toNanos(final long fixedPoint)
    {
        final long seconds = fixedPoint >> 32;
        final long fraction = fixedPoint & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND) >>> 32);
    }

    /**
     * The signed difference {@code a - b} in ns, taken as integers first (valid within 68 years).
     *
     * @param a raw NTP timestamp.
     * @param b raw NTP timestamp.
     * @return ns.
     */
    public static long diffNanos(final long a, final long b)
    {
        return toNanos(a - b);
    }

    /**
     * Clock offset θ in ns, from our times in Unix ns and the server's raw timestamps; all in integers, so an offset
     * of ±68 years keeps ns resolution.
     *
     * @param t1EpochNs request sent, ns since 1970.
     * @param t2        server receive timestamp (raw NTP).
     * @param t3        server transmit timestamp (raw NTP).
     * @param t4EpochNs reply received, ns since 1970.
     * @return offset in ns.
     */
    public static long offsetNanosFromEpochNs(final long t1EpochNs, final long t2, final long t3, final long t4EpochNs)
    {
        final long a = diffNanos(t2, fromEpochNs(t1EpochNs));
        final long b = diffNanos(t3, fromEpochNs(t4EpochNs));
        return (a >> 1) + (b >> 1) + (((a & 1) + (b & 1)) >> 1);
    }

    /**
     * Round-trip delay δ in ns, not clamped.
     *
     * @param t1EpochNs request sent, ns since 1970.
     * @param t2        server receive timestamp (raw NTP).
     * @param t3        server transmit timestamp (raw NTP).
     * @param t4EpochNs reply received, ns since 1970.
     * @return delay in ns.
     */
    public static long delayNanosFromEpochNs(final long t1EpochNs, final long t2, final long t3, final long t4EpochNs)
    {
        return (t4EpochNs - t1EpochNs) - diffNanos(t3, t2);
    }

    /**
     * Converts an NTP short format value (16.16, root delay and root dispersion) to seconds.
     *
     * @param shortFormat raw 32-bit value, unsigned.
     * @return seconds.
     */
    public static double shortToSeconds(final int shortFormat)
    {
        return (shortFormat & 0xFFFF_FFFFL) / 65536.0;
    }

    /**
     * Converts a log2-seconds field (poll, precision) to seconds.
     *
     * @param log2 signed exponent.
     * @return 2^log2 seconds.
     */
    public static double log2ToSeconds(final int log2)
    {
        return Math.scalb(1.0, log2);
    }
}
