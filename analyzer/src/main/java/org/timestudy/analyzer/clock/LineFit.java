package org.timestudy.analyzer.clock;

/**
 * A fitted clock line y = intercept + slope·(x − pivot) over a range of points, with uncertainty: the slope is
 * R − 1 (s/s), x and y in seconds as in {@link PointSet}. Mutable and reused by the fitters; copy what you keep.
 */
public final class LineFit
{
    /** z for a two-sided 99% interval of a normal variable. */
    public static final double Z99 = 2.5758;

    private int from;
    private int to;
    private double pivotS;
    private double interceptS;
    private double slope;
    private double sigmaInterceptS;
    private double sigmaSlope;
    private double sigmaResidualS;
    private boolean envelope;
    private double slopeLow;
    private double slopeHigh;

    /**
     * Sets every field; fitters call this.
     *
     * @param from            first point, inclusive.
     * @param to              last point, exclusive.
     * @param pivotS          x where the intercept is given.
     * @param interceptS      y of the line at the pivot.
     * @param slope           R − 1.
     * @param sigmaInterceptS standard uncertainty of the intercept.
     * @param sigmaSlope      standard uncertainty of the slope.
     * @param sigmaResidualS  1.4826 · MAD of the residuals.
     * @param envelope        true when the line came from the interval envelope, false for a robust fit.
     * @return this.
     */
    public LineFit set(
        final int from,
        final int to,
        final double pivotS,
        final double interceptS,
        final double slope,
        final double sigmaInterceptS,
        final double sigmaSlope,
        final double sigmaResidualS,
        final boolean envelope)
    {
        this.from = from;
        this.to = to;
        this.pivotS = finite(pivotS);
        this.interceptS = finite(interceptS);
        this.slope = finite(slope);
        this.sigmaInterceptS = finite(sigmaInterceptS);
        this.sigmaSlope = finite(sigmaSlope);
        this.sigmaResidualS = finite(sigmaResidualS);
        this.envelope = envelope;
        this.slopeLow = this.slope;
        this.slopeHigh = this.slope;
        return this;
    }

    /**
     * Sets the feasible slope range of an envelope fit.
     *
     * @param slopeLow  lowest slope of a line through every interval.
     * @param slopeHigh highest.
     * @return this.
     */
    public LineFit slopeRange(final double slopeLow, final double slopeHigh)
    {
        this.slopeLow = finite(slopeLow);
        this.slopeHigh = finite(slopeHigh);
        return this;
    }

    /**
     * @param other a fit to copy.
     * @return this.
     */
    public LineFit copyFrom(final LineFit other)
    {
        return set(other.from, other.to, other.pivotS, other.interceptS, other.slope, other.sigmaInterceptS,
            other.sigmaSlope, other.sigmaResidualS, other.envelope).slopeRange(other.slopeLow, other.slopeHigh);
    }

    /**
     * @return lowest feasible slope of an envelope fit (the slope itself otherwise).
     */
    public double slopeLow()
    {
        return slopeLow;
    }

    /**
     * @return highest feasible slope of an envelope fit (the slope itself otherwise).
     */
    public double slopeHigh()
    {
        return slopeHigh;
    }

    /**
     * @param xS seconds since the point set's origin.
     * @return the line's y there.
     */
    public double valueAt(final double xS)
    {
        return interceptS + slope * (xS - pivotS);
    }

    /**
     * @param xS seconds since the point set's origin.
     * @return standard uncertainty of the line's y there.
     */
    public double sigmaAt(final double xS)
    {
        final double d = xS - pivotS;
        return Math.sqrt(sigmaInterceptS * sigmaInterceptS + d * d * sigmaSlope * sigmaSlope);
    }

    /**
     * @return true when the 99% interval on the slope excludes 0.
     */
    public boolean slopeExcludesZero()
    {
        return Math.abs(slope) > Z99 * sigmaSlope;
    }

    /**
     * @return first point, inclusive.
     */
    public int from()
    {
        return from;
    }

    /**
     * @return last point, exclusive.
     */
    public int to()
    {
        return to;
    }

    /**
     * @return number of points fitted.
     */
    public int count()
    {
        return to - from;
    }

    /**
     * @return x where the intercept is given.
     */
    public double pivotS()
    {
        return pivotS;
    }

    /**
     * @return y at the pivot.
     */
    public double interceptS()
    {
        return interceptS;
    }

    /**
     * @return R − 1 (s/s).
     */
    public double slope()
    {
        return slope;
    }

    /**
     * @return standard uncertainty of the intercept.
     */
    public double sigmaInterceptS()
    {
        return sigmaInterceptS;
    }

    /**
     * @return standard uncertainty σ_R of the slope.
     */
    public double sigmaSlope()
    {
        return sigmaSlope;
    }

    /**
     * @return σ_r = 1.4826 · MAD of the residuals.
     */
    public double sigmaResidualS()
    {
        return sigmaResidualS;
    }

    /**
     * @return true when the line came from the interval envelope.
     */
    public boolean envelope()
    {
        return envelope;
    }

    static double finite(final double v)
    {
        if (Double.isNaN(v))
        {
            return 0;
        }
        if (Double.isInfinite(v))
        {
            return v > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        return v;
    }
}
