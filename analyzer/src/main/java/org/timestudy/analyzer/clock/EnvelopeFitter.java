package org.timestudy.analyzer.clock;

/**
 * Fits a clock line to interval constraints rather than to points: every point says the true offset lies in
 * [y − u, y + u] (for HTTP Date exactly [D − t4, D + 1 − t1]), and the lines that pass through every interval form a
 * convex region. Its extreme slopes are the least and greatest ratios over pairs of a lower and an upper end (the
 * lower/upper envelope of Moon, Skelly and Towsley, generalised to two-sided intervals), found by Dinkelbach's
 * iteration for least ratios with the hulls of the ends as a fallback; the fit is the centre of that region. With
 * one-second quantisation this converges as 1/N rather than the 1/√N of a point fit.
 * <p>
 * The 99% interval on the slope is the feasible slope range itself, so σ_R = range / (2 · 2.576). When no line
 * passes through every interval (a change inside the range, a mixture, a bad sample) the fit reports infeasible and
 * the caller falls back to a robust point fit. Reuses its arrays; not thread-safe.
 */
public final class EnvelopeFitter
{
    private static final double EPSILON_S = 1e-12;
    private static final double SQRT3 = Math.sqrt(3);
    /** Dinkelbach passes before the hull takes over (on the classifier's series it takes 2.2 on average). */
    private static final int MAX_PASSES = 8;

    private double[] hullX = new double[0];
    private double[] hullY = new double[0];
    private double[] scratch = new double[0];

    private final int maxPasses;
    private double slopeLow;
    private double slopeHigh;
    private int pairI;
    private int pairJ;

    /**
     * A fitter.
     */
    public EnvelopeFitter()
    {
        this(MAX_PASSES);
    }

    /**
     * @param maxPasses Dinkelbach passes before the hull takes over; 0 for the hull alone (tests).
     */
    EnvelopeFitter(final int maxPasses)
    {
        this.maxPasses = maxPasses;
    }

    /**
     * Fits points [from, to) of a set when the fit would pin the slope down at least as well as another one.
     *
     * @param points        the points; their intervals are {@link PointSet#lowS()} and {@link PointSet#highS()}.
     * @param from          first point, inclusive.
     * @param to            last point, exclusive.
     * @param maxSigmaSlope the slope's standard error to beat (or equal): a wider feasible range stops the fit before
     *                      its intercept and residual scale are taken.
     * @param out           receives the fit when one exists and is good enough.
     * @return true when a line passes through every interval, the slope is bounded, and σ_slope ≤ maxSigmaSlope.
     */
    public boolean fit(
        final PointSet points, final int from, final int to, final double maxSigmaSlope, final LineFit out)
    {
        return fit(points.x(), points.y(), points.lowS(), points.highS(), from, to, maxSigmaSlope, out);
    }

    /**
     * Fits arrays directly; x must be non-decreasing.
     *
     * @param x    seconds.
     * @param y    interval centres in seconds (for the residual scale).
     * @param low  lower ends of the intervals.
     * @param high upper ends of the intervals.
     * @param from first index, inclusive.
     * @param to   last index, exclusive.
     * @param out  receives the fit when one exists.
     * @return true when a line passes through every interval and the slope is bounded.
     */
    public boolean fit(
        final double[] x,
        final double[] y,
        final double[] low,
        final double[] high,
        final int from,
        final int to,
        final LineFit out)
    {
        return fit(x, y, low, high, from, to, Double.POSITIVE_INFINITY, out);
    }

    private boolean fit(
        final double[] x,
        final double[] y,
        final double[] low,
        final double[] high,
        final int from,
        final int to,
        final double maxSigmaSlope,
        final LineFit out)
    {
        final int n = to - from;
        if (n < 2 || !(x[to - 1] > x[from]))
        {
            return false;
        }
        ensureCapacity(n);
        final boolean increasing = strictlyIncreasing(x, from, to);
        final double upper = minimumSlope(x, low, high, 1, from, to, increasing, Double.NEGATIVE_INFINITY);
        // Mirrored (y → −y: the ends swap and change sign), the least slope is minus the lowest feasible one; once
        // that passes the highest, no line fits.
        final double lower = -minimumSlope(x, high, low, -1, from, to, increasing, -(upper + EPSILON_S));
        if (!(lower <= upper + EPSILON_S) || Double.isInfinite(lower) || Double.isInfinite(upper))
        {
            return false;
        }
        final double rangeLow = Math.min(lower, upper);
        final double rangeHigh = Math.max(lower, upper);
        final double sigmaSlope = (rangeHigh - rangeLow) / (2 * LineFit.Z99);
        if (!(sigmaSlope <= maxSigmaSlope))
        {
            return false;
        }
        slopeLow = rangeLow;
        slopeHigh = rangeHigh;
        final double slope = 0.5 * (slopeLow + slopeHigh);

        final double pivot = 0.5 * (x[from] + x[to - 1]);
        double aLow = Double.NEGATIVE_INFINITY;
        double aHigh = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++)
        {
            final double dx = x[i] - pivot;
            aLow = Math.max(aLow, low[i] - slope * dx);
            aHigh = Math.min(aHigh, high[i] - slope * dx);
        }
        if (aLow > aHigh + EPSILON_S * (1 + Math.abs(aLow)))
        {
            return false;
        }
        final double intercept = 0.5 * (aLow + aHigh);

        for (int i = from; i < to; i++)
        {
            scratch[i - from] = y[i] - (intercept + slope * (x[i] - pivot));
        }
        final double centre = OrderStatistics.median(scratch, 0, n);
        final double sigmaResidual = OrderStatistics.MAD_TO_SIGMA *
            OrderStatistics.medianAbsoluteDeviation(scratch, 0, n, centre);
        final double sigmaIntercept = Math.max(0, aHigh - aLow) / (2 * SQRT3);
        out.set(from, to, pivot, intercept, slope, sigmaIntercept, sigmaSlope, sigmaResidual, true)
            .slopeRange(slopeLow, slopeHigh);
        return true;
    }

    /**
     * Half the range of values that lines through every interval take at a time at or after the last point of an
     * envelope fit. There every distance x_i − x is ≤ 0, so the highest value comes with the highest feasible slope
     * and the lowest with the lowest: the range is exact, in O(n).
     *
     * @param fit  an envelope fit ({@link LineFit#envelope()}).
     * @param x    seconds.
     * @param low  lower ends of the intervals.
     * @param high upper ends of the intervals.
     * @param atS  a time at or after the fit's last point.
     * @return half-width of the feasible range of y at atS, seconds.
     */
    public static double halfRangeAtOrAfter(
        final LineFit fit, final double[] x, final double[] low, final double[] high, final double atS)
    {
        double highest = Double.POSITIVE_INFINITY;
        double lowest = Double.NEGATIVE_INFINITY;
        for (int i = fit.from(); i < fit.to(); i++)
        {
            final double d = atS - x[i];
            highest = Math.min(highest, high[i] + fit.slopeHigh() * d);
            lowest = Math.max(lowest, low[i] + fit.slopeLow() * d);
        }
        return highest >= lowest ? 0.5 * (highest - lowest) : 0;
    }

    /**
     * @return lower end of the feasible slope range of the last successful fit.
     */
    public double slopeLow()
    {
        return slopeLow;
    }

    /**
     * @return upper end of the feasible slope range of the last successful fit.
     */
    public double slopeHigh()
    {
        return slopeHigh;
    }

    /**
     * min over pairs i before j (x_i &lt; x_j) of (high_j − low_i) / (x_j − x_i), the steepest a feasible line may
     * be, by Dinkelbach's iteration for least ratios: with b the ratio of some pair, one pass finds the pair with
     * the least (high_j − b·x_j) − (low_i − b·x_i), the prefix maximum of low − b·x standing in for i; when that is
     * negative, its ratio is less than b and becomes the next b. No pass divides or branches at random, and two or
     * three passes settle it. The hull does it instead ({@link #minimumSlopeByHull}) after the fitter's pass limit
     * ({@link #MAX_PASSES} by default), and when two points share a time (never with one point per burst), which
     * the straight pass does not handle.
     *
     * @param sign       1, or −1 for the mirrored problem: its ends are −high and −low (passed as low = high and
     *                   high = low, each value multiplied by the sign as it is read, which is exact).
     * @param increasing no two x in the range are equal.
     * @param stopBelow  once the minimum is known to be below this, a value below it is returned (the caller needs
     *                   no more).
     */
    private double minimumSlope(
        final double[] x,
        final double[] low,
        final double[] high,
        final double sign,
        final int from,
        final int to,
        final boolean increasing,
        final double stopBelow)
    {
        if (!increasing)
        {
            return minimumSlopeByHull(x, low, high, sign, from, to, stopBelow);
        }
        double b = (sign * high[to - 1] - sign * low[from]) / (x[to - 1] - x[from]);
        for (int pass = 0; pass < maxPasses && !(b < stopBelow); pass++)
        {
            if (!leastPair(x, low, high, sign, from, to, b))
            {
                return b;
            }
            final double s = (sign * high[pairJ] - sign * low[pairI]) / (x[pairJ] - x[pairI]);
            if (!(s < b))
            {
                return b;
            }
            b = s;
        }
        if (b < stopBelow)
        {
            return b;
        }
        return minimumSlopeByHull(x, low, high, sign, from, to, stopBelow);
    }

    /**
     * One Dinkelbach pass, for x strictly increasing: the pair i before j with the least
     * (high_j − b·x_j) − (low_i − b·x_i), into {@link #pairI} and {@link #pairJ}, when that is negative. Every
     * earlier point counts, so the prefix maximum of low − b·x takes each point right after its own term, in one
     * straight loop.
     *
     * @return false when no pair's value is negative (b is the least ratio).
     */
    private boolean leastPair(
        final double[] x,
        final double[] low,
        final double[] high,
        final double sign,
        final int from,
        final int to,
        final double b)
    {
        double prefix = sign * low[from] - b * x[from];
        int prefixAt = from;
        double least = 0;
        int leastI = -1;
        int leastJ = -1;
        for (int j = from + 1; j < to; j++)
        {
            final double xj = x[j];
            final double d = (sign * high[j] - b * xj) - prefix;
            if (d < least)
            {
                least = d;
                leastI = prefixAt;
                leastJ = j;
            }
            final double v = sign * low[j] - b * xj;
            if (v > prefix)
            {
                prefix = v;
                prefixAt = j;
            }
        }
        pairI = leastI;
        pairJ = leastJ;
        return leastJ >= 0;
    }

    private static boolean strictlyIncreasing(final double[] x, final int from, final int to)
    {
        int notIncreasing = 0;
        for (int i = from + 1; i < to; i++)
        {
            notIncreasing |= x[i] > x[i - 1] ? 0 : 1;
        }
        return notIncreasing == 0;
    }

    /**
     * min over pairs i before j (x_i < x_j) of (high_j − low_i) / (x_j − x_i): the steepest a feasible line may be.
     * The minimising low point lies on the upper hull of the low points seen so far.
     *
     * @param sign      1, or −1 for the mirrored problem (as in {@link #minimumSlope}).
     * @param stopBelow once the minimum is below this, it is returned as it is (the caller needs no more).
     */
    private double minimumSlopeByHull(
        final double[] x,
        final double[] low,
        final double[] high,
        final double sign,
        final int from,
        final int to,
        final double stopBelow)
    {
        int hullSize = 0;
        int tangent = 0;
        int next = from;
        double best = Double.POSITIVE_INFINITY;
        for (int j = from; j < to; j++)
        {
            final double xj = x[j];
            while (next < to && x[next] < xj)
            {
                final double px = x[next];
                final double py = sign * low[next];
                next++;
                if (hullSize > 0 && hullX[hullSize - 1] == px)
                {
                    if (py <= hullY[hullSize - 1])
                    {
                        continue;
                    }
                    hullSize--;
                }
                while (hullSize >= 2 && cross(hullX[hullSize - 2], hullY[hullSize - 2],
                    hullX[hullSize - 1], hullY[hullSize - 1], px, py) >= 0)
                {
                    hullSize--;
                }
                hullX[hullSize] = px;
                hullY[hullSize] = py;
                hullSize++;
            }
            if (hullSize > 0)
            {
                tangent = tangent(xj, sign * high[j], hullSize, Math.min(tangent, hullSize - 1));
                final double s = (sign * high[j] - hullY[tangent]) / (xj - hullX[tangent]);
                if (s < best)
                {
                    best = s;
                    if (best < stopBelow)
                    {
                        return best;
                    }
                }
            }
        }
        return best;
    }

    /**
     * The hull vertex with the least slope from a point right of every vertex. Along the upper hull (edge slopes
     * falling) the slope to the point falls while an edge is steeper than the slope to its left vertex and rises
     * after: unimodal, so a walk from any vertex reaches the minimum, the first vertex whose right neighbour is no
     * lower. Starting from the last point's tangent, which the next point's is usually at or next to, the walk takes
     * a step or two where a binary search took log h. Slopes are compared by cross-multiplying (every dx is
     * positive), so the walk divides nothing.
     */
    private int tangent(final double px, final double py, final int hullSize, final int start)
    {
        int t = start;
        double dy = py - hullY[t];
        double dx = px - hullX[t];
        while (t + 1 < hullSize)
        {
            final double rightDy = py - hullY[t + 1];
            final double rightDx = px - hullX[t + 1];
            if (!(rightDy * dx < dy * rightDx))
            {
                break;
            }
            t++;
            dy = rightDy;
            dx = rightDx;
        }
        while (t > 0)
        {
            final double leftDy = py - hullY[t - 1];
            final double leftDx = px - hullX[t - 1];
            if (!(dy * leftDx >= leftDy * dx))
            {
                break;
            }
            t--;
            dy = leftDy;
            dx = leftDx;
        }
        return t;
    }

    private static double cross(
        final double ax, final double ay, final double bx, final double by, final double cx, final double cy)
    {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }

    private void ensureCapacity(final int n)
    {
        if (scratch.length < n)
        {
            final int capacity = Math.max(n, scratch.length * 2);
            hullX = new double[capacity];
            hullY = new double[capacity];
            scratch = new double[capacity];
        }
    }
}
