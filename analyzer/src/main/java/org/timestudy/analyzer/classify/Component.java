package org.timestudy.analyzer.classify;

/**
 * One clock of a MULTI-CLOCK series, classified on its own samples.
 *
 * @param clockClass          its class (never MULTI-CLOCK).
 * @param subTags             its {@link SubTag} bits.
 * @param share               its share of the series' points, 0..1.
 * @param points              its number of points.
 * @param offsetNs            its offset at its last point, ns.
 * @param offsetUncertaintyNs standard uncertainty of that offset, ns.
 * @param rateMinusOnePpm     its R − 1, ppm.
 * @param rateSigmaPpm        σ of R − 1, ppm.
 */
public record Component(
    ClockClass clockClass,
    int subTags,
    double share,
    int points,
    long offsetNs,
    long offsetUncertaintyNs,
    double rateMinusOnePpm,
    double rateSigmaPpm)
{
}
