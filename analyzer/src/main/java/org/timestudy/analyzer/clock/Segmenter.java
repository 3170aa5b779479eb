package org.timestudy.analyzer.clock;

/**
 * Splits a series into segments, each one clock line, by PELT (Killick, Fearnhead and Eckley 2012) with a linear
 * cost: a segment costs the weighted residual sum of squares of its least-squares line, in units of the noise
 * variance, computed in O(1) from prefix sums; each change costs a penalty β = penaltyFactor · ln n. Segments have at
 * least minSegmentPoints points, except the first and the last, which may have one: a change in the first or the
 * latest samples must not be absorbed by the segment next to it. Before PELT a
 * fast path fits one robust line and runs a two-sided CUSUM over its standardised residuals: with no alarm and no
 * excess residual scale the series is one segment, which is the common case and costs O(n). When it fails, binary
 * segmentation with the same cost and penalty is tried first, and kept only if every segment it ends with passes
 * the same test (O(n) per level); otherwise PELT, exact but O(n²) on long stretches without a change, decides.
 * <p>
 * Reuses its arrays; not thread-safe.
 */
public final class Segmenter
{
    private static final double MIN_RATIO = 1e-6;
    private static final double MAX_RATIO = 10;
    private static final double SQRT3 = Math.sqrt(3);
    private static final double TINY = 1e-300;
    /** Deepest binary split before PELT decides: up to 2^6 segments. */
    private static final int MAX_SPLIT_DEPTH = 6;

    private final double penaltyFactor;
    private final int minSegmentPoints;
    private final Cusum cusum;
    private final double excessScale;

    private double[] weight = new double[0];
    /** √weight / noise of each point: what standardises its residual. */
    private double[] scaled = new double[0];
    private double[] s1 = new double[0];
    private double[] sx = new double[0];
    private double[] sy = new double[0];
    private double[] sxx = new double[0];
    private double[] sxy = new double[0];
    private double[] syy = new double[0];
    private double[] best = new double[0];
    private int[] previous = new int[0];
    private int[] candidates = new int[0];
    private double[] candidateCost = new double[0];
    private int[] boundaries = new int[0];
    private int[] path = new int[0];
    private double[] scratch = new double[0];
    private double[] residual = new double[0];
    private double[] centredX = new double[0];
    private int[] splits = new int[0];
    private final int[] stackFrom = new int[2 * MAX_SPLIT_DEPTH + 2];
    private final int[] stackTo = new int[2 * MAX_SPLIT_DEPTH + 2];
    private final int[] stackDepth = new int[2 * MAX_SPLIT_DEPTH + 2];
    private int segments;
    private boolean fastPath;
    private boolean binarySegmentation;
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
        binarySegmentation = false;
        if (n == 0)
        {
            return 0;
        }
        boundaries[segments++] = 0;
        final double noise = Math.max(noiseS, 1e-12);
        computeWeights(points, n, noise);
        if (n < 2 * minSegmentPoints || isOneSegment(points, global, noise, n))
        {
            fastPath = true;
            return segments;
        }
        prefixSums(points, global, noise, n);
        binarySegmentation = certifiedBinarySegmentation(n);
        if (!binarySegmentation)
        {
            pelt(n);
        }
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

    /**
     * @return true when the last call's segments came from certified binary segmentation rather than PELT.
     */
    public boolean binarySegmentation()
    {
        return binarySegmentation;
    }

    /**
     * A point's weight is (noise / σ_i)². Points as good as the median or better: σ_i = noise · u_i / median(u)
     * (at most 10 times smaller). Worse ones may err by anything up to their own bound u_i, so σ_i is at least the
     * noise plus their excess bound as a uniform error, (u_i − median(u)) / √3: one reply delayed 40 ms on a path of
     * 50 µs is then a point that fits any line within its 20 ms, not a change point.
     */
    private void computeWeights(final PointSet points, final int n, final double noise)
    {
        final double uMedian = points.medianUncertaintyS(0, n);
        final double[] u = points.u();
        final double invNoise = 1 / noise;
        for (int i = 0; i < n; i++)
        {
            // Kept as σ-ratios (noise / σ_i), so the CUSUM's standardised residuals need no square root.
            double ratio = u[i] > 0 && uMedian > 0 ? uMedian / u[i] : 1;
            if (u[i] > uMedian)
            {
                final double sigma = noise + (u[i] - uMedian) / SQRT3;
                ratio = Math.min(ratio, noise / sigma);
            }
            ratio = Math.max(MIN_RATIO, Math.min(MAX_RATIO, ratio));
            weight[i] = ratio * ratio;
            scaled[i] = ratio * invNoise;
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
            final double z = (y[i] - global.valueAt(x[i])) * scaled[i];
            if (cusum.update(z))
            {
                return false;
            }
        }
        return true;
    }

    private void prefixSums(final PointSet points, final LineFit global, final double noise, final int n)
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
            residual[i] = yi;
            centredX[i] = xi;
            s1[i + 1] = s1[i] + w;
            sx[i + 1] = sx[i] + w * xi;
            sy[i + 1] = sy[i] + w * yi;
            sxx[i + 1] = sxx[i] + w * xi * xi;
            sxy[i + 1] = sxy[i] + w * xi * yi;
            syy[i + 1] = syy[i] + w * yi * yi;
        }
    }

    /**
     * Binary segmentation whose every segment is certified: split [s, t) at the single change that lowers the cost
     * most, while that gain exceeds the penalty; a segment that no split improves must then pass the fast path's
     * own test (no CUSUM alarm on its least-squares residuals, mean squared standardised residual at most
     * excessScale²). Where one segment fails, or the splits go deeper than {@link #MAX_SPLIT_DEPTH}, the answer is
     * left to PELT. Each level costs O(n), so a series with a change or two costs O(n) instead of PELT's O(n²) on
     * long stretches without one; what it accepts, the whole-series fast path would have accepted segment by
     * segment.
     *
     * @return true when every segment was certified (boundaries set), false to fall back to PELT.
     */
    private boolean certifiedBinarySegmentation(final int n)
    {
        final double penalty = penaltyFactor * Math.log(n);
        int stack = 0;
        stackFrom[stack] = 0;
        stackTo[stack] = n;
        stackDepth[stack] = 0;
        stack++;
        int found = 0;
        while (stack > 0)
        {
            stack--;
            final int from = stackFrom[stack];
            final int to = stackTo[stack];
            final int depth = stackDepth[stack];
            final double whole = cost(from, to);
            int bestSplit = -1;
            double bestGain = penalty;
            for (int k = from + need(from, from, n, minSegmentPoints); k <= to - need(k, to, n, minSegmentPoints);
                k++)
            {
                if (k - from < need(from, k, n, minSegmentPoints))
                {
                    continue;
                }
                final double gain = whole - cost(from, k) - cost(k, to);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestSplit = k;
                }
            }
            if (bestSplit < 0)
            {
                if (!certified(from, to))
                {
                    return false;
                }
                splits[found++] = from;
                continue;
            }
            if (depth >= MAX_SPLIT_DEPTH || stack + 2 > stackFrom.length)
            {
                return false;
            }
            // Right first, so the left half comes off the stack next: boundaries come out in order.
            stackFrom[stack] = bestSplit;
            stackTo[stack] = to;
            stackDepth[stack] = depth + 1;
            stack++;
            stackFrom[stack] = from;
            stackTo[stack] = bestSplit;
            stackDepth[stack] = depth + 1;
            stack++;
        }
        segments = 0;
        for (int i = 0; i < found; i++)
        {
            boundaries[segments++] = splits[i];
        }
        return true;
    }

    private boolean certified(final int from, final int to)
    {
        final int m = to - from;
        if (m <= 2)
        {
            return true;
        }
        if (cost(from, to) > excessScale * excessScale * m)
        {
            return false;
        }
        final double w = s1[to] - s1[from];
        final double x = sx[to] - sx[from];
        final double y = sy[to] - sy[from];
        final double mx = x / w;
        final double my = y / w;
        final double cxx = (sxx[to] - sxx[from]) - x * mx;
        final double cxy = (sxy[to] - sxy[from]) - x * my;
        final double b = cxx > TINY ? cxy / cxx : 0;
        cusum.reset();
        for (int i = from; i < to; i++)
        {
            final double r = residual[i] - (my + b * (centredX[i] - mx));
            if (cusum.update(r * scaled[i]))
            {
                return false;
            }
        }
        return true;
    }

    private void pelt(final int n)
    {
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
                    candidateCost[c] = Double.NaN;
                    continue;
                }
                final double cost = best[s] + cost(s, t);
                candidateCost[c] = cost;
                if (cost + penalty < bestCost)
                {
                    bestCost = cost + penalty;
                    bestStart = s;
                }
            }
            best[t] = bestCost;
            previous[t] = bestStart;

            // PELT's pruning (K = 0 for a least-squares cost): a start whose cost alone already exceeds the best
            // can never be optimal later. Starts still too close to t for a segment are kept.
            int kept = 0;
            for (int c = 0; c < candidateCount; c++)
            {
                final double cost = candidateCost[c];
                if (Double.isNaN(cost) || cost <= bestCost)
                {
                    candidates[kept++] = candidates[c];
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
            scaled = new double[capacity];
            s1 = new double[capacity];
            sx = new double[capacity];
            sy = new double[capacity];
            sxx = new double[capacity];
            sxy = new double[capacity];
            syy = new double[capacity];
            best = new double[capacity];
            previous = new int[capacity];
            candidates = new int[capacity];
            candidateCost = new double[capacity];
            boundaries = new int[capacity];
            path = new int[capacity];
            scratch = new double[capacity];
            residual = new double[capacity];
            centredX = new double[capacity];
            splits = new int[capacity];
        }
    }
}
