package org.timestudy.analyzer.clock;

/**
 * Arithmetic on 64-bit NTP timestamps (RFC 5905 §6: 32 bits of seconds since 1900, 32 bits of fraction). Differences
 * are taken as 64-bit integers first, so they are unambiguous within ±68 years across era boundaries, and only then
 * converted to nanoseconds.
 */
public final class NtpTimestamps
{
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
    public static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTimestamps()
    {
    }

    /**
     * @param unixNs a time in ns since 1970.
     * @return the NTP timestamp of that time, in whatever era it falls (the era number is not part of the format).
     */
    public static long fromUnixNs(final long unixNs)
    {
        final long seconds = Math.floorDiv(unixNs, NANOS_PER_SECOND);
        final long nanos = Math.floorMod(unixNs, NANOS_PER_SECOND);
        final long fraction = (nanos << 32) / NANOS_PER_SECOND;
        return ((seconds + UNIX_EPOCH_NTP_SECONDS) << 32) | fraction;
    }

    /**
     * The signed difference {@code later − earlier} of two NTP timestamps, valid while they are within 68 years.
     *
     * @param later   an NTP timestamp.
     * @param earlier an NTP timestamp.
     * @return the difference in ns.
     */
    public static long differenceNs(final long later, final long earlier)
    {
        return toNs(later - earlier);
    }

    /**
     * @param fixedPoint a signed 32.32 fixed-point number of seconds.
     * @return the same duration in ns, rounded towards negative infinity.
     */
    public static long toNs(final long fixedPoint)
    {
        final long seconds = fixedPoint >> 32;
        final long fraction = fixedPoint & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND) >>> 32);
    }

    /**
     * The NTP offset θ = ((T2 − T1) + (T3 − T4)) / 2 of one exchange.
     *
     * @param t1Ns our send time, ns since 1970.
     * @param t2   the server's receive timestamp (NTP format).
     * @param t3   the server's transmit timestamp (NTP format).
     * @param t4Ns our receive time, ns since 1970.
     * @return θ in ns.
     */
    public static long offsetNs(final long t1Ns, final long t2, final long t3, final long t4Ns)
    {
        final long a = differenceNs(t2, fromUnixNs(t1Ns));
        final long b = differenceNs(t3, fromUnixNs(t4Ns));
        return (a >> 1) + (b >> 1) + (((a & 1) + (b & 1)) >> 1);
    }

    /**
     * The NTP round-trip delay δ = (T4 − T1) − (T3 − T2) of one exchange, not yet clamped.
     *
     * @param t1Ns our send time, ns since 1970.
     * @param t2   the server's receive timestamp (NTP format).
     * @param t3   the server's transmit timestamp (NTP format).
     * @param t4Ns our receive time, ns since 1970.
     * @return δ in ns.
     */
    public static long delayNs(final long t1Ns, final long t2, final long t3, final long t4Ns)
    {
        return (t4Ns - t1Ns) - differenceNs(t3, t2);
    }
}
