package org.timestudy.analyzer.classify;

import org.timestudy.ntp.NtpFields;

/**
 * Re-measurement priority of a series, 0 (leave it) to 1 (measure again soonest), for the survey scheduler:
 * <pre>
 *   priority = clamp(max(base(class) + 0.1 · off, boost), 0, 1)    then the KoD rules below
 *   off      = min(1, log10(1 + |offset| / τ) / 6)                  (1 at a million tolerances)
 *   boost    = 2^(−age / halfLife) for the last change at age before the last sample, else 0
 *   base     = SYNCED 0.1, OFFSET 0.3, STUCK 0.3, DRIFT 0.4, RESET+DRIFT 0.5, INSUFFICIENT 0.5,
 *              MULTI-CLOCK 0.6, ERRATIC 0.9
 *   KoD DENY or RSTR: 0 (RFC 5905 says stop); KoD RATE: halved
 * </pre>
 * So hosts that are off are measured more often than synced ones, erratic and just-changed ones most often. The
 * interval to the next measurement interpolates geometrically: max · (min / max)^priority.
 */
public final class Priority
{
    private static final int KOD_DENY = NtpFields.KISS_DENY;
    private static final int KOD_RSTR = NtpFields.KISS_RSTR;
    private static final int KOD_RATE = NtpFields.KISS_RATE;

    private Priority()
    {
    }

    /**
     * @param clockClass       the series' class.
     * @param offsetNs         its offset now, ns.
     * @param toleranceNs      τ of its method, ns.
     * @param sinceChangeNs    time from its last change to its last sample, ns, or a negative value for none.
     * @param changeHalfLifeNs half-life of the boost after a change, ns.
     * @param tags             its {@link Tag} bits.
     * @param kodCode          its last KoD code.
     * @return priority in [0, 1].
     */
    public static double score(
        final ClockClass clockClass,
        final long offsetNs,
        final long toleranceNs,
        final long sinceChangeNs,
        final long changeHalfLifeNs,
        final int tags,
        final int kodCode)
    {
        final double off = Math.min(1, Math.log10(1 + Math.abs((double)offsetNs) / Math.max(1, toleranceNs)) / 6);
        final double boost = sinceChangeNs < 0 ? 0 :
            Math.pow(2, -(double)sinceChangeNs / Math.max(1, changeHalfLifeNs));
        double p = Math.max(base(clockClass) + 0.1 * off, boost);
        p = Math.max(0, Math.min(1, p));
        if ((tags & Tag.KOD.bit()) != 0)
        {
            if (kodCode == KOD_DENY || kodCode == KOD_RSTR)
            {
                return 0;
            }
            if (kodCode == KOD_RATE)
            {
                p *= 0.5;
            }
        }
        return p;
    }

    /**
     * @param priority       a priority in [0, 1].
     * @param minRemeasureNs interval at priority 1, ns.
     * @param maxRemeasureNs interval at priority 0, ns.
     * @return when to measure again, ns after the last sample.
     */
    public static long remeasureAfterNs(final double priority, final long minRemeasureNs, final long maxRemeasureNs)
    {
        final double p = Math.max(0, Math.min(1, Double.isNaN(priority) ? 0 : priority));
        return Math.round(maxRemeasureNs * Math.pow((double)minRemeasureNs / maxRemeasureNs, p));
    }

    static double base(final ClockClass clockClass)
    {
        return switch (clockClass)
        {
            case SYNCED -> 0.1;
            case OFFSET, STUCK -> 0.3;
            case DRIFT -> 0.4;
            case RESET_DRIFT, INSUFFICIENT -> 0.5;
            case MULTI_CLOCK -> 0.6;
            case ERRATIC -> 0.9;
        };
    }
}
