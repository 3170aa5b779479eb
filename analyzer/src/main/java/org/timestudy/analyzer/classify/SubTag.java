package org.timestudy.analyzer.classify;

/**
 * Refinements of a class, as bits in {@link Verdict#subTags()}.
 */
public enum SubTag
{
    /** OFFSET within u + 1 s of a non-zero multiple of 1800 s: a time-zone mistake. */
    TZ,
    /** OFFSET within u + 1 s of k·60 s, 0 &lt; |k| &lt; 60, and not TZ: right second, wrong minute. */
    MINUTE,
    /** RESET+DRIFT whose intervals between resets have a coefficient of variation below 0.25. */
    PERIODIC;

    /**
     * @return this tag's bit.
     */
    public int bit()
    {
        return 1 << ordinal();
    }

    /**
     * @param bits sub-tag bits.
     * @return the names joined with ',' (empty for none).
     */
    public static String format(final int bits)
    {
        final StringBuilder sb = new StringBuilder();
        for (final SubTag t : values())
        {
            if ((bits & t.bit()) != 0)
            {
                if (sb.length() > 0)
                {
                    sb.append(',');
                }
                sb.append(t.name());
            }
        }
        return sb.toString();
    }
}
