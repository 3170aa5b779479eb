package org.timestudy.analyzer.clock;

/**
 * How a sample of a remote clock was taken. Each method carries the classifier's tolerance τ (SCIENCE.md §3).
 */
public enum Method
{
    /** An NTP mode-3 exchange: offset θ and delay δ. τ = 0.1 s, the NTP pool's scoring threshold. */
    NTP(100_000_000L, "ntp"),
    /** An HTTP Date header read naively: the interval [D − t4, D + 1 − t1]. τ = 1 s. */
    HTTP_NAIVE(1_000_000_000L, "http"),
    /** An HTTP Date second boundary bracketed by halving the request phase (htpdate). τ = 0.05 s. */
    HTTP_BOUNDARY(50_000_000L, "http-boundary");

    private static final Method[] VALUES = values();

    private final long toleranceNs;
    private final String label;

    Method(final long toleranceNs, final String label)
    {
        this.toleranceNs = toleranceNs;
        this.label = label;
    }

    /**
     * @return the tolerance τ of this method in ns.
     */
    public long toleranceNs()
    {
        return toleranceNs;
    }

    /**
     * @return the short name used in reports and on the command line.
     */
    public String label()
    {
        return label;
    }

    /**
     * @param ordinal an ordinal as stored in a series buffer.
     * @return the method.
     */
    public static Method of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @param label a method's short name as {@link #label()} writes it (the verdicts table's {@code method}).
     * @return the method.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static Method parse(final String label)
    {
        for (final Method m : VALUES)
        {
            if (m.label.equals(label))
            {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measurement method: " + label);
    }
}
