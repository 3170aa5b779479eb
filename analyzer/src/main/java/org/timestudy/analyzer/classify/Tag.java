package org.timestudy.analyzer.classify;

import org.timestudy.analyzer.clock.SampleStatus;

/**
 * Status tags of a series, as bits in {@link Verdict#tags()}: set when at least one sample had that status.
 */
public enum Tag
{
    /** A Kiss-o'-Death reply; the last code is {@link Verdict#kodCode()}. */
    KOD("KOD", SampleStatus.KOD),
    /** The server said it was unsynchronised (LI = 3 or stratum 16). */
    UNSYNC("UNSYNC", SampleStatus.UNSYNC),
    /** An HTTP reply without a Date. */
    NO_DATE("NO-DATE", SampleStatus.NO_DATE),
    /** ICMP unreachable. */
    UNREACHABLE("UNREACHABLE", SampleStatus.UNREACHABLE),
    /** A cached HTTP reply (stale Date); such samples are kept out of the fits. */
    CACHED("CACHED", SampleStatus.CACHED);

    private final String label;
    private final int statusBit;

    Tag(final String label, final int statusBit)
    {
        this.label = label;
        this.statusBit = statusBit;
    }

    /**
     * @return this tag's bit.
     */
    public int bit()
    {
        return 1 << ordinal();
    }

    /**
     * @return the name used in reports, e.g. "NO-DATE".
     */
    public String label()
    {
        return label;
    }

    /**
     * @param statusUnion OR of the samples' {@link SampleStatus} bits.
     * @return tag bits.
     */
    public static int fromStatus(final int statusUnion)
    {
        int bits = 0;
        for (final Tag t : values())
        {
            if ((statusUnion & t.statusBit) != 0)
            {
                bits |= t.bit();
            }
        }
        return bits;
    }

    /**
     * @param bits    tag bits.
     * @param kodCode the packed KoD code shown as KOD(code).
     * @return e.g. "KOD(RATE),UNSYNC" (empty for none).
     */
    public static String format(final int bits, final int kodCode)
    {
        final StringBuilder sb = new StringBuilder();
        for (final Tag t : values())
        {
            if ((bits & t.bit()) != 0)
            {
                if (sb.length() > 0)
                {
                    sb.append(',');
                }
                sb.append(t.label);
                if (t == KOD && kodCode != 0)
                {
                    sb.append('(').append(SampleStatus.kodName(kodCode)).append(')');
                }
            }
        }
        return sb.toString();
    }
}
