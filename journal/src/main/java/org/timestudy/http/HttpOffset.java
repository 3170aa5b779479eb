package org.timestudy.http;

/**
 * What one Date reading says about a server's clock offset θ (server minus us), SCIENCE.md section 1: a Date of D
 * seconds for a request sent at T1 and answered at T4 (our clock) puts θ in {@code [D - T4, D + 1 - T1]}, because
 * the server stamped the response somewhere between the two and truncates to the second. Several readings of one
 * clock intersect their brackets (the boundary-timing method narrows the bracket to milliseconds). The naive point
 * estimate is the bracket's middle, {@code D + 0.5 - (T1 + T4) / 2}, with half-width {@code 0.5 s + RTT / 2}.
 *
 * <p>Bounds are ns in a {@code long}, saturating at {@link #NONE_LOW}/{@link #NONE_HIGH} for offsets beyond
 * about ±292 years (a Date in year 9999 is valid HTTP).
 */
public final class HttpOffset
{
    /** The lower bound of an empty or unknown bracket. */
    public static final long NONE_LOW = Long.MIN_VALUE;
    /** The upper bound of an empty or unknown bracket. */
    public static final long NONE_HIGH = Long.MAX_VALUE;

    private static final long NANOS = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS - 2;

    private HttpOffset()
    {
    }

    /**
     * @param dateEpochSec the Date, seconds since 1970.
     * @param t4EpochNs    when the response's first byte arrived, ns since 1970.
     * @return the bracket's lower bound {@code D - T4}, ns (saturated).
     */
    public static long lowNs(final long dateEpochSec, final long t4EpochNs)
    {
        return differenceNs(dateEpochSec, t4EpochNs);
    }

    /**
     * @param dateEpochSec the Date, seconds since 1970.
     * @param t1EpochNs    when the request's first byte left, ns since 1970.
     * @return the bracket's upper bound {@code D + 1 - T1}, ns (saturated).
     */
    public static long highNs(final long dateEpochSec, final long t1EpochNs)
    {
        return dateEpochSec >= Long.MAX_VALUE - 1 ? NONE_HIGH : differenceNs(dateEpochSec + 1, t1EpochNs);
    }

    /**
     * @param lowNs  bracket lower bound, ns.
     * @param highNs bracket upper bound, ns.
     * @return the point estimate, the bracket's middle, seconds.
     */
    public static double middleSeconds(final long lowNs, final long highNs)
    {
        return (lowNs / 2 + highNs / 2 + (lowNs % 2 + highNs % 2) / 2) / 1e9;
    }

    /**
     * @param lowNs  bracket lower bound, ns.
     * @param highNs bracket upper bound, ns.
     * @return the half-width of the bracket: the estimate's error bound, seconds.
     */
    public static double halfWidthSeconds(final long lowNs, final long highNs)
    {
        return ((double)highNs - (double)lowNs) / 2e9;
    }

    /**
     * @param lowNs  bracket lower bound, ns.
     * @param highNs bracket upper bound, ns.
     * @return true when the bracket is a real interval (not empty, not saturated).
     */
    public static boolean known(final long lowNs, final long highNs)
    {
        return lowNs != NONE_LOW && highNs != NONE_HIGH && lowNs <= highNs;
    }

    /**
     * The naive offset of one reading: the middle of its bracket.
     *
     * @param dateEpochSec the Date, seconds since 1970.
     * @param t1EpochNs    request sent, ns since 1970.
     * @param t4EpochNs    response received, ns since 1970.
     * @return {@code D + 0.5 - (T1 + T4) / 2}, seconds (exact to the ns for offsets within ±292 years).
     */
    public static double naiveSeconds(final long dateEpochSec, final long t1EpochNs, final long t4EpochNs)
    {
        final long low = lowNs(dateEpochSec, t4EpochNs);
        final long high = highNs(dateEpochSec, t1EpochNs);
        if (low == NONE_LOW || high == NONE_HIGH || low == NONE_HIGH || high == NONE_LOW)
        {
            return dateEpochSec + 0.5 - (t1EpochNs / 2e9 + t4EpochNs / 2e9);
        }
        return middleSeconds(low, high);
    }

    /**
     * @param t1EpochNs request sent, ns since 1970.
     * @param t4EpochNs response received, ns since 1970.
     * @return the naive estimate's error bound {@code 0.5 s + RTT / 2}, seconds.
     */
    public static double naiveErrorSeconds(final long t1EpochNs, final long t4EpochNs)
    {
        return 0.5 + (t4EpochNs - t1EpochNs) / 2e9;
    }

    /** {@code seconds * 1e9 - epochNs}, with the difference of whole seconds taken first, saturated. */
    private static long differenceNs(final long seconds, final long epochNs)
    {
        if (seconds > Long.MAX_VALUE / 2 || seconds < Long.MIN_VALUE / 2)
        {
            return seconds > 0 ? NONE_HIGH : NONE_LOW;
        }
        final long wholeSeconds = seconds - Math.floorDiv(epochNs, NANOS);
        if (wholeSeconds > MAX_SECONDS)
        {
            return NONE_HIGH;
        }
        if (wholeSeconds < -MAX_SECONDS)
        {
            return NONE_LOW;
        }
        return wholeSeconds * NANOS - Math.floorMod(epochNs, NANOS);
    }
}
