package org.timestudy.analyzer.clock;

/**
 * Splits a series into segments, each one clock line, by PELT (Killick, Fearnhead and Eckley 2012) with a linear
 * cost: a segment costs the weighted residual sum of squares of its least-squares line, in units of the noise
 * variance, computed in O(1) from prefix sums; each change costs a penalty β = penaltyFactor · ln n. Segments have at
 * least minSegmentPoints points, except the first and the last, which may have one: a change in the first or the
 * latest samples must not be absorbed by the segment next to it. Before PELT a
 * fast path fits one robust line and runs a two-sided CUSUM over its standardised residuals: with no alarm and no
 * excess residual scale the series is one segment, which is the common case and costs O(n).
 * <p>
 * Reuses its arrays; not thread-safe.
 */
public final class Segmenter
{
    private static final double MIN_WEIGHT = 0.01;
    private static final double MAX_WEIGHT = 100;
    private static final double TINY = 1e-300;

    private final double penaltyFactor;
    private final int minSegmentPoints;
    private final Cusum cusum;
    private final double excessScale;

    private double[] weight = new double[0];
    private double[] s1 = new double[0];
    private double[] sx = new double[0];
    private double[] sy = new double[0];
    private double[] sxx = new double[0];
    private double[] sxy = new double[0];
    private double[] syy = new double[0];
    private double[] best = new double[0];
    private int[] previous = new int[0];
    private int[] candidates = new int[0];
    private int[] boundaries = new int[0];
    private int[] path = new int[0];
    private double[] scratch = new double[0];
    private int segments;
    private boolean fastPath;
    private double pairSlope;

    /**
     * @param penaltyFactor    β / ln n.
     * @param minSegmentPoints fewest points in a segment (at least 2).
     * @param cusumDrift       fast-path CUSUM k, standard deviations.
     * @param cusumThreshold   fast-path CUSUM h, standard deviations.
     * @param excessScale      the fast path also needs σ_r ≤ excessScale · noise.
     */
    public Segmenter(
        final double penaltyFactor,
        final int minSegmentPoints,
        final double cusumDrift,
        final double cusumThreshold,
        final double excessScale)
    {
        this.penaltyFactor = penaltyFactor;
        this.minSegmentPoints = Math.max(2, minSegmentPoints);
        this.cusum = new Cusum(cusumDrift, cusumThreshold);
        this.excessScale = excessScale;
    }

    /**
     * The noise scale of a series from its consecutive differences, robust to a trend, to steps and to outliers:
     * remove the median slope of consecutive pairs, then 1.4826 · MAD of the differences / √2.
     *
     * @param points the points.
     * @param from   first point, inclusive.
     * @param to     last point, exclusive.
     * @return noise standard deviation in seconds (0 with fewer than three points).
     */
    public double noiseScaleS(final PointSet points, final int from, final int to)
    {
        final int n = to - from;
        if (n < 3)
        {
            return 0;
        }
        ensureCapacity(n);
        final double[] x = points.x();
        final double[] y = points.y();
        int m = 0;
        for (int i = from + 1; i < to; i++)
        {
            final double dx = x[i] - x[i - 1];
            if (dx > 0)
            {
                scratch[m++] = (y[i] - y[i - 1]) / dx;
            }
        }
        final double slope = m > 0 ? OrderStatistics.median(scratch, 0, m) : 0;
        pairSlope = slope;
        // With the median slope removed the differences centre on zero: their MAD is taken about 0.
        for (int i = from + 1; i < to; i++)
        {
            scratch[i - from - 1] = (y[i] - y[i - 1]) - slope * (x[i] - x[i - 1]);
        }
        return OrderStatistics.MAD_TO_SIGMA * OrderStatistics.medianAbsoluteDeviation(scratch, 0, n - 1, 0) /
            Math.sqrt(2);
    }

    /**
     * @return the median slope of consecutive pairs found by the last {@link #noiseScaleS} (R − 1).
     */
    public double pairSlope()
    {
        return pairSlope;
    }

    /**
     * Segments points [0, size).
     *
     * @param points the points.
     * @param global a robust fit of all points (the fast path's line; PELT works on its residuals).
     * @param noiseS the noise scale in seconds, e.g. from {@link #noiseScaleS}; floored by the caller.
     * @return the number of segments (at least 1 when there are points).
     */
    public int segment(final PointSet points, final LineFit global, final double noiseS)
    {
        final int n = points.size();
        ensureCapacity(n + 1);
        segments = 0;
        fastPath = false;
        if (n == 0)
        {
            return 0;
        }
        boundaries[segments++] = 0;
        final double noise = Math.max(noiseS, 1e-12);
        computeWeights(points, n);
        if (n < 2 * minSegmentPoints || isOneSegment(points, global, noise, n))
        {
            fastPath = true;
            return segments;
        }
        pelt(points, global, noise, n);
        return segments;
    }

    /**
     * @return number of segments found by the last call.
     */
    public int segments()
    {
        return segments;
    }

    /**
     * @param k segment index.
     * @return first point of segment k; segment k ends where segment k + 1 starts, the last at the size.
     */
    public int start(final int k)
    {
        return boundaries[k];
    }

    /**
     * @return true when the last call took the one-segment fast path.
     */
    public boolean fastPath()
    {
        return fastPath;
    }

    private void computeWeights(final PointSet points, final int n)
    {
        final double uMedian = points.medianUncertaintyS(0, n);
        final double[] u = points.u();
        for (int i = 0; i < n; i++)
        {
            final double w = u[i] > 0 && uMedian > 0 ? (uMedian / u[i]) * (uMedian / u[i]) : 1;
            weight[i] = Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, w));
        }
    }

    private boolean isOneSegment(final PointSet points, final LineFit global, final double noise, final int n)
    {
        if (global.sigmaResidualS() > excessScale * noise)
        {
            return false;
        }
        final double[] x = points.x();
        final double[] y = points.y();
        cusum.reset();
        for (int i = 0; i < n; i++)
        {
            final double z = (y[i] - global.valueAt(x[i])) * Math.sqrt(weight[i]) / noise;
            if (cusum.update(z))
            {
                return false;
            }
        }
        return true;
    }

    private void pelt(final PointSet points, final LineFit global, final double noise, final int n)
    {
        final double[] x = points.x();
        final double[] y = points.y();
        final double invVariance = 1 / (noise * noise);
        final double xCentre = global.pivotS();
        s1[0] = 0;
        sx[0] = 0;
        sy[0] = 0;
        sxx[0] = 0;
        sxy[0] = 0;
        syy[0] = 0;
        for (int i = 0; i < n; i++)
        {
            final double w = weight[i] * invVariance;
            final double xi = x[i] - xCentre;
            final double yi = y[i] - global.valueAt(x[i]);
            s1[i + 1] = s1[i] + w;
            sx[i + 1] = sx[i] + w * xi;
            sy[i + 1] = sy[i] + w * yi;
            sxx[i + 1] = sxx[i] + w * xi * xi;
            sxy[i + 1] = sxy[i] + w * xi * yi;
            syy[i + 1] = syy[i] + w * yi * yi;
        }

        final double penalty = penaltyFactor * Math.log(n);
        final int minLength = minSegmentPoints;
        best[0] = -penalty;
        int candidateCount = 0;
        candidates[candidateCount++] = 0;
        for (int t = 1; t <= n; t++)
        {
            double bestCost = Double.POSITIVE_INFINITY;
            int bestStart = 0;
            for (int c = 0; c < candidateCount; c++)
            {
                final int s = candidates[c];
                if (t - s < need(s, t, n, minLength))
                {
                    continue;
                }
                final double cost = best[s] + cost(s, t) + penalty;
                if (cost < bestCost)
                {
                    bestCost = cost;
                    bestStart = s;
                }
            }
            best[t] = bestCost;
            previous[t] = bestStart;

            int kept = 0;
            for (int c = 0; c < candidateCount; c++)
            {
                final int s = candidates[c];
                if (t - s < need(s, t, n, minLength) || best[s] + cost(s, t) <= bestCost)
                {
                    candidates[kept++] = s;
                }
            }
            candidateCount = kept;
            if (t < n && Double.isFinite(bestCost))
            {
                candidates[candidateCount++] = t;
            }
        }

        int count = 0;
        int t = n;
        while (t > 0)
        {
            final int s = previous[t];
            path[count++] = s;
            t = s;
        }
        segments = 0;
        for (int k = count - 1; k >= 0; k--)
        {
            boundaries[segments++] = path[k];
        }
    }

    /**
     * The first and the last segment may have a single point: a change right after the first sample or right
     * before the last must not bleed into its neighbour. Segments between have at least minLength points.
     */
    private static int need(final int s, final int t, final int n, final int minLength)
    {
        return s == 0 || t == n ? 1 : minLength;
    }

    private double cost(final int s, final int t)
    {
        final double w = s1[t] - s1[s];
        if (w <= TINY)
        {
            return 0;
        }
        final double x = sx[t] - sx[s];
        final double y = sy[t] - sy[s];
        final double mx = x / w;
        final double my = y / w;
        final double cxx = (sxx[t] - sxx[s]) - x * mx;
        final double cxy = (sxy[t] - sxy[s]) - x * my;
        final double cyy = (syy[t] - syy[s]) - y * my;
        final double c = cxx > TINY ? cyy - cxy * cxy / cxx : cyy;
        return c > 0 ? c : 0;
    }

    private void ensureCapacity(final int n)
    {
        if (s1.length < n + 1)
        {
            final int capacity = Math.max(n + 1, s1.length * 2);
            weight = new double[capacity];
            s1 = new double[capacity];
            sx = new double[capacity];
            sy = new double[capacity];
            sxx = new double[capacity];
            sxy = new double[capacity];
            syy = new double[capacity];
            best = new double[capacity];
            previous = new int[capacity];
            candidates = new int[capacity];
            boundaries = new int[capacity];
            path = new int[capacity];
            scratch = new double[capacity];
        }
    }
}
