package org.timestudy.journal;

/**
 * Bits of the {@code flags} field of observation records.
 */
public final class RecordFlags
{
    /** T1 is the kernel capture timestamp of our outgoing frame. */
    public static final int T1_FROM_CAPTURE = 1;
    /** The outgoing frame was not captured (pcap drop): T1 is 0 and the reply gives only T2, T3 and T4. */
    public static final int T1_MISSING = 1 << 1;
    /** The reply is a Kiss-o'-Death (stratum 0); the refid holds the kiss code. */
    public static final int KISS_OF_DEATH = 1 << 2;
    /** The server says it is unsynchronised (LI = 3 or stratum 16). */
    public static final int UNSYNCHRONISED = 1 << 3;
    /** The reply is longer than 48 bytes (extension fields or a MAC follow the header). */
    public static final int EXTENDED = 1 << 4;
    /** HTTP: the Date named a weekday other than its date's (the date is used). */
    public static final int HTTP_WEEKDAY_MISMATCH = 1 << 8;
    /** HTTP: the header block was longer than the engine's cap; what came before the cap was read. */
    public static final int HTTP_HEADERS_TRUNCATED = 1 << 9;
    /** HTTP: an Age header or a cache-status header says a cache may have answered (the Date may be stale). */
    public static final int HTTP_CACHED = 1 << 10;
    /** HTTP: the Location named another host, which was queued as a new target (once per name). */
    public static final int HTTP_REDIRECT_QUEUED = 1 << 11;
    /** HTTP precision mode: the connection's last record; its offset bounds are the run's estimate. */
    public static final int HTTP_PRECISION_FINAL = 1 << 12;
    /** HTTP precision mode: the Dates of the connection contradict one steady clock (their brackets do not meet). */
    public static final int HTTP_INCONSISTENT = 1 << 13;

    private RecordFlags()
    {
    }

    /**
     * @param flags a flags value.
     * @return the names of the bits set, separated by '|', or empty.
     */
    public static String names(final int flags)
    {
        final StringBuilder sb = new StringBuilder();
        append(sb, flags, T1_FROM_CAPTURE, "T1_FROM_CAPTURE");
        append(sb, flags, T1_MISSING, "T1_MISSING");
        append(sb, flags, KISS_OF_DEATH, "KISS_OF_DEATH");
        append(sb, flags, UNSYNCHRONISED, "UNSYNCHRONISED");
        append(sb, flags, EXTENDED, "EXTENDED");
        append(sb, flags, HTTP_WEEKDAY_MISMATCH, "HTTP_WEEKDAY_MISMATCH");
        append(sb, flags, HTTP_HEADERS_TRUNCATED, "HTTP_HEADERS_TRUNCATED");
        append(sb, flags, HTTP_CACHED, "HTTP_CACHED");
        append(sb, flags, HTTP_REDIRECT_QUEUED, "HTTP_REDIRECT_QUEUED");
        append(sb, flags, HTTP_PRECISION_FINAL, "HTTP_PRECISION_FINAL");
        append(sb, flags, HTTP_INCONSISTENT, "HTTP_INCONSISTENT");
        return sb.toString();
    }

    private static void append(final StringBuilder sb, final int flags, final int bit, final String name)
    {
        if ((flags & bit) != 0)
        {
            sb.append(sb.length() == 0 ? "" : "|").append(name);
        }
    }
}
