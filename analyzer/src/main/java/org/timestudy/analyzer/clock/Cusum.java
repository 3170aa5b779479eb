package org.timestudy.analyzer.clock;

/**
 * Two-sided CUSUM on standardised residuals or innovations: g⁺ = max(0, g⁺ + z − k), g⁻ = max(0, g⁻ − z − k), alarm
 * when either exceeds h (SCIENCE.md §3 suggests k = 0.5σ, h = 4–5σ). Allocation-free.
 */
public final class Cusum
{
    private final double drift;
    private final double threshold;
    private double upper;
    private double lower;

    /**
     * @param drift     k, in standard deviations.
     * @param threshold h, in standard deviations.
     */
    public Cusum(final double drift, final double threshold)
    {
        this.drift = drift;
        this.threshold = threshold;
    }

    /**
     * Clears both sums.
     */
    public void reset()
    {
        upper = 0;
        lower = 0;
    }

    /**
     * @param z the next standardised value.
     * @return true when this value raises an alarm; the sums are then cleared.
     */
    public boolean update(final double z)
    {
        final double v = Double.isFinite(z) ? z : 0;
        upper = Math.max(0, upper + v - drift);
        lower = Math.max(0, lower - v - drift);
        if (upper > threshold || lower > threshold)
        {
            reset();
            return true;
        }
        return false;
    }

    /**
     * @return the larger of the two sums.
     */
    public double statistic()
    {
        return Math.max(upper, lower);
    }
}
