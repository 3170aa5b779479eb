package org.timestudy.analyzer.clock;

/**
 * Status bits of one sample. Some carry a measurement (UNSYNC: an unsynchronised server still tells its time), the
 * others mean there is no usable offset in the sample; CACHED samples have a Date that a cache kept, so they never
 * enter a fit.
 */
public final class SampleStatus
{
    /** A plain measurement. */
    public static final int OK = 0;
    /** A Kiss-o'-Death reply (stratum 0): no time, the code is kept with the sample. */
    public static final int KOD = 1;
    /** The server says it is unsynchronised (LI = 3 or stratum 16). Still a measurement. */
    public static final int UNSYNC = 1 << 1;
    /** An HTTP reply without a (parsable) Date header. */
    public static final int NO_DATE = 1 << 2;
    /** ICMP port or host unreachable. */
    public static final int UNREACHABLE = 1 << 3;
    /** An HTTP reply served from a cache (Age header or cache-status): its Date is stale. */
    public static final int CACHED = 1 << 4;
    /** No reply before the timeout. */
    public static final int SILENT = 1 << 5;
    /** Rejected by the buffer: impossible values (t4 before t1, a Date out of range). Counted, never fitted. */
    public static final int INVALID = 1 << 6;

    /** Bits that mean the sample holds no offset. */
    public static final int NO_MEASUREMENT = KOD | NO_DATE | UNREACHABLE | SILENT | INVALID;
    /** Bits that keep a sample out of the fits. */
    public static final int NOT_FITTED = NO_MEASUREMENT | CACHED;

    private SampleStatus()
    {
    }

    /**
     * Packs a Kiss-o'-Death code (the refid's four ASCII characters, e.g. "RATE") into an int, big-endian.
     *
     * @param code up to four ASCII characters.
     * @return the packed code, or 0 for an empty code.
     */
    public static int kodCode(final CharSequence code)
    {
        int packed = 0;
        for (int i = 0; i < 4; i++)
        {
            final int c = i < code.length() ? code.charAt(i) & 0x7F : 0;
            packed = (packed << 8) | c;
        }
        return packed;
    }

    /**
     * @param packed a code packed by {@link #kodCode(CharSequence)} or read from an NTP refid.
     * @return the code as text, trailing NULs removed, non-printable bytes as '?'.
     */
    public static String kodName(final int packed)
    {
        final StringBuilder sb = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            final int c = (packed >>> shift) & 0xFF;
            if (c == 0)
            {
                break;
            }
            sb.append(c >= 0x20 && c < 0x7F ? (char)c : '?');
        }
        return sb.toString();
    }
}
