package org.timestudy.analyzer.classify;

import org.timestudy.analyzer.clock.Method;

import java.util.List;

/**
 * What the classifier concluded about one series: its class with sub-tags and status tags, the offset now with its
 * uncertainty, R − 1 in ppm with σ, the last reset and the reset period where they apply, the changes found, the
 * components of a MULTI-CLOCK series, and the re-measurement priority. Immutable; no field is ever NaN or infinite.
 */
public final class Verdict
{
    /** Value of the time fields that do not apply (no reset, no offset). */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final ClockClass clockClass;
    private final int subTags;
    private final int tags;
    private final int kodCode;
    private final Method method;
    private final boolean hasOffset;
    private final long offsetNs;
    private final long offsetUncertaintyNs;
    private final long offsetAtNs;
    private final double rateMinusOnePpm;
    private final double rateSigmaPpm;
    private final double residualSigmaS;
    private final long lastResetNs;
    private final long periodNs;
    private final List<Change> changes;
    private final List<Component> components;
    private final double priority;
    private final int samples;
    private final int measurements;
    private final int points;
    private final long firstNs;
    private final long lastNs;

    Verdict(final Builder b)
    {
        clockClass = b.clockClass;
        subTags = b.subTags;
        tags = b.tags;
        kodCode = b.kodCode;
        method = b.method;
        hasOffset = b.hasOffset;
        offsetNs = b.offsetNs;
        offsetUncertaintyNs = Math.max(0, b.offsetUncertaintyNs);
        offsetAtNs = b.offsetAtNs;
        rateMinusOnePpm = finite(b.rateMinusOnePpm);
        rateSigmaPpm = Math.max(0, finite(b.rateSigmaPpm));
        residualSigmaS = Math.max(0, finite(b.residualSigmaS));
        lastResetNs = b.lastResetNs;
        periodNs = Math.max(0, b.periodNs);
        changes = b.changes == null ? List.of() : List.of(b.changes);
        components = b.components == null ? List.of() : List.of(b.components);
        priority = Math.max(0, Math.min(1, finite(b.priority)));
        samples = b.samples;
        measurements = b.measurements;
        points = b.points;
        firstNs = b.firstNs;
        lastNs = b.lastNs;
    }

    /**
     * @return the class.
     */
    public ClockClass clockClass()
    {
        return clockClass;
    }

    /**
     * @return {@link SubTag} bits.
     */
    public int subTags()
    {
        return subTags;
    }

    /**
     * @param tag a sub-tag.
     * @return true when the verdict carries it.
     */
    public boolean has(final SubTag tag)
    {
        return (subTags & tag.bit()) != 0;
    }

    /**
     * @return {@link Tag} bits.
     */
    public int tags()
    {
        return tags;
    }

    /**
     * @param tag a status tag.
     * @return true when the verdict carries it.
     */
    public boolean has(final Tag tag)
    {
        return (tags & tag.bit()) != 0;
    }

    /**
     * @return the last Kiss-o'-Death code, packed (0 for none).
     */
    public int kodCode()
    {
        return kodCode;
    }

    /**
     * @return the method most points were taken with.
     */
    public Method method()
    {
        return method;
    }

    /**
     * @return false when the series had no fitted sample at all (the offset fields are then 0).
     */
    public boolean hasOffset()
    {
        return hasOffset;
    }

    /**
     * @return the offset now (at {@link #offsetAtNs()}), remote minus true, ns.
     */
    public long offsetNs()
    {
        return offsetNs;
    }

    /**
     * @return standard uncertainty of {@link #offsetNs()}, ns.
     */
    public long offsetUncertaintyNs()
    {
        return offsetUncertaintyNs;
    }

    /**
     * @return the time the offset refers to (the last point), ns since 1970, or {@link #NO_TIME}.
     */
    public long offsetAtNs()
    {
        return offsetAtNs;
    }

    /**
     * @return R − 1 of the current behaviour in ppm (−10^6 for a stuck clock).
     */
    public double rateMinusOnePpm()
    {
        return rateMinusOnePpm;
    }

    /**
     * @return σ_R in ppm.
     */
    public double rateSigmaPpm()
    {
        return rateSigmaPpm;
    }

    /**
     * @return σ_r = 1.4826 · MAD of the residuals of the current segment, seconds.
     */
    public double residualSigmaS()
    {
        return residualSigmaS;
    }

    /**
     * @return estimated last reset t* (DRIFT: where the line crosses zero; RESET+DRIFT: the last reset), ns since
     * 1970, or {@link #NO_TIME}.
     */
    public long lastResetNs()
    {
        return lastResetNs;
    }

    /**
     * @return true when {@link #lastResetNs()} applies.
     */
    public boolean hasLastReset()
    {
        return lastResetNs != NO_TIME;
    }

    /**
     * @return RESET+DRIFT period (median interval between resets), ns, or 0 when fewer than two resets were seen.
     */
    public long periodNs()
    {
        return periodNs;
    }

    /**
     * @return behaviour changes in time order (resets inside a RESET+DRIFT run are summarised by the period).
     */
    public List<Change> changes()
    {
        return changes;
    }

    /**
     * @return the clocks of a MULTI-CLOCK series, largest share first; empty otherwise.
     */
    public List<Component> components()
    {
        return components;
    }

    /**
     * @return re-measurement priority in [0, 1] ({@link Priority}).
     */
    public double priority()
    {
        return priority;
    }

    /**
     * @return samples in the series, of any status.
     */
    public int samples()
    {
        return samples;
    }

    /**
     * @return samples that carried an offset.
     */
    public int measurements()
    {
        return measurements;
    }

    /**
     * @return points fitted (one per burst).
     */
    public int points()
    {
        return points;
    }

    /**
     * @return time of the first sample, ns since 1970 (0 when empty).
     */
    public long firstNs()
    {
        return firstNs;
    }

    /**
     * @return time of the last sample, ns since 1970 (0 when empty).
     */
    public long lastNs()
    {
        return lastNs;
    }

    /**
     * @return span of the series, ns.
     */
    public long spanNs()
    {
        return lastNs - firstNs;
    }

    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder(96).append(clockClass.label());
        if (subTags != 0)
        {
            sb.append('[').append(SubTag.format(subTags)).append(']');
        }
        if (tags != 0)
        {
            sb.append(' ').append(Tag.format(tags, kodCode));
        }
        sb.append(" offset=").append(offsetNs / 1e9).append("s±").append(offsetUncertaintyNs / 1e9)
            .append(" ppm=").append(rateMinusOnePpm).append('±').append(rateSigmaPpm)
            .append(" n=").append(points).append(" changes=").append(changes.size())
            .append(" priority=").append(priority);
        if (periodNs > 0)
        {
            sb.append(" period=").append(periodNs / 1e9).append('s');
        }
        return sb.toString();
    }

    private static double finite(final double v)
    {
        if (Double.isNaN(v))
        {
            return 0;
        }
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));
    }

    /** Gathers a verdict's fields; the classifier's and tests' way to build one. */
    public static final class Builder
    {
        ClockClass clockClass = ClockClass.INSUFFICIENT;
        int subTags;
        int tags;
        int kodCode;
        Method method = Method.NTP;
        boolean hasOffset;
        long offsetNs;
        long offsetUncertaintyNs;
        long offsetAtNs = NO_TIME;
        double rateMinusOnePpm;
        double rateSigmaPpm;
        double residualSigmaS;
        long lastResetNs = NO_TIME;
        long periodNs;
        Change[] changes;
        Component[] components;
        double priority;
        int samples;
        int measurements;
        int points;
        long firstNs;
        long lastNs;

        /**
         * @param clockClass the class.
         * @return this.
         */
        public Builder clockClass(final ClockClass clockClass)
        {
            this.clockClass = clockClass;
            return this;
        }

        /**
         * @param method the series' method.
         * @return this.
         */
        public Builder method(final Method method)
        {
            this.method = method;
            return this;
        }

        /**
         * @param offsetNs            offset now, ns.
         * @param offsetUncertaintyNs its standard uncertainty, ns.
         * @param offsetAtNs          the time it refers to, ns since 1970.
         * @return this.
         */
        public Builder offset(final long offsetNs, final long offsetUncertaintyNs, final long offsetAtNs)
        {
            this.hasOffset = true;
            this.offsetNs = offsetNs;
            this.offsetUncertaintyNs = offsetUncertaintyNs;
            this.offsetAtNs = offsetAtNs;
            return this;
        }

        /**
         * @param tags    {@link Tag} bits.
         * @param kodCode packed KoD code.
         * @return this.
         */
        public Builder tags(final int tags, final int kodCode)
        {
            this.tags = tags;
            this.kodCode = kodCode;
            return this;
        }

        /**
         * @param firstNs first sample, ns since 1970.
         * @param lastNs  last sample, ns since 1970.
         * @return this.
         */
        public Builder span(final long firstNs, final long lastNs)
        {
            this.firstNs = firstNs;
            this.lastNs = lastNs;
            return this;
        }

        /**
         * @return the verdict.
         */
        public Verdict build()
        {
            return new Verdict(this);
        }
    }
}
