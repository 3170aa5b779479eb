package org.timestudy.analyzer.classify;

/**
 * One behaviour change found in a series: where one segment ends and the next begins.
 *
 * @param timeNs         estimated time of the change, ns since 1970 (for a reset, where the new line meets the
 *                       baseline; otherwise midway between the segments' neighbouring samples).
 * @param before         class of the segment before.
 * @param after          class of the segment after.
 * @param stepNs         the new line minus the old line at the change, ns.
 * @param slopeChangePpm the new slope minus the old, ppm.
 * @param step           true when this is a STEP event: the offset jumps by more than max(4σ_r, 2u) while the slope
 *                       stays the same.
 */
public record Change(
    long timeNs, ClockClass before, ClockClass after, long stepNs, double slopeChangePpm, boolean step)
{
}
