package org.timestudy.analyzer.clock;

/**
 * Huber M-estimate of a clock line by iteratively reweighted least squares. Prior weights come from each point's
 * uncertainty, (median u / u)², clamped to [0.01, 100], so an NTP sample with half the delay counts four times as
 * much. The Huber scale is 1.4826 · MAD of the first pass's residuals, then held; σ_r is 1.4826 · MAD of the final
 * residuals. Reuses its arrays; not thread-safe.
 */
public final class RobustLineFitter
{
    private static final double HUBER_K = 1.345;
    /**
     * Most fits stop after five passes; with up to a third of the points far out they can need twenty. On
     * RobustLineFitterTest's random lines, the old cap of ten left 2.4% of fits over 0.05 σ from the Huber minimum
     * (up to 2.9 σ); thirty leaves 0.4% (up to 1.3 σ).
     */
    private static final int MAX_ITERATIONS = 30;
    /**
     * Passes stop once the line moves by less than this share of the scale (over the range's span). The line's own
     * standard error is scale/√n or more, so what is left of the convergence (a few times the last move) stays a
     * few per cent of it for the hundreds of points a series has (n = 168: about 4%); 10⁻⁶ took eight passes where
     * this takes five, with the same classes.
     */
    private static final double TOLERANCE = 1e-3;
    private static final int SCALE_ITERATIONS = 1;
    private static final double MIN_SCALE_S = 1e-9;
    private static final double MIN_WEIGHT = 0.01;
    /** Weighted spread of x below this share of its raw second moment about the centre: x is flat, slope 0. */
    private static final double FLAT_X = 1e-12;
    private static final double MAX_WEIGHT = 100;

    private double scaleHintS;
    private double[] prior = new double[0];
    private double[] scratch = new double[0];

    /**
     * Sets the Huber scale for the following fits, e.g. a noise estimate the caller already has; 0 (the default)
     * takes it from the first pass's residuals instead, at the cost of two selections.
     *
     * @param scaleS scale in seconds, or 0.
     * @return this.
     */
    public RobustLineFitter scaleHintS(final double scaleS)
    {
        this.scaleHintS = scaleS > 0 ? scaleS : 0;
        return this;
    }

    /**
     * Fits points [from, to) of a set.
     *
     * @param points the points.
     * @param from   first point, inclusive.
     * @param to     last point, exclusive; at least one point.
     * @param out    receives the fit.
     * @return out.
     */
    public LineFit fit(final PointSet points, final int from, final int to, final LineFit out)
    {
        return fit(points.x(), points.y(), points.u(), points.priorWeights(), from,
            points.medianUncertaintyS(0, points.size()), from, to, out);
    }

    /**
     * Fits arrays directly.
     *
     * @param x    seconds.
     * @param y    seconds.
     * @param u    uncertainties in seconds (prior weights).
     * @param from first index, inclusive.
     * @param to   last index, exclusive; at least one point.
     * @param out  receives the fit.
     * @return out.
     */
    public LineFit fit(
        final double[] x, final double[] y, final double[] u, final int from, final int to, final LineFit out)
    {
        final int n = to - from;
        ensureCapacity(n);
        for (int i = 0; i < n; i++)
        {
            scratch[i] = u[from + i];
        }
        return fit(x, y, u, n > 0 ? OrderStatistics.median(scratch, 0, n) : 0, from, to, out);
    }

    /**
     * Fits arrays with a given normalising uncertainty for the prior weights.
     *
     * @param x        seconds.
     * @param y        seconds.
     * @param u        uncertainties in seconds (prior weights).
     * @param uMedian  the uncertainty that gets weight 1, seconds (e.g. the median u of the series).
     * @param from     first index, inclusive.
     * @param to       last index, exclusive; at least one point.
     * @param out      receives the fit.
     * @return out.
     */
    public LineFit fit(
        final double[] x,
        final double[] y,
        final double[] u,
        final double uMedian,
        final int from,
        final int to,
        final LineFit out)
    {
        ensureCapacity(to - from);
        priorWeights(u, uMedian, from, to, prior, 0);
        return fit(x, y, u, prior, 0, uMedian, from, to, out);
    }

    /**
     * Prior weights, (uMedian / u)² clamped to [0.01, 100], 1 where u or uMedian is not positive.
     *
     * @param u       uncertainties in seconds.
     * @param uMedian the uncertainty that gets weight 1.
     * @param from    first index of u, inclusive.
     * @param to      last index of u, exclusive.
     * @param out     receives the weights.
     * @param outFrom index of out for u[from].
     */
    static void priorWeights(
        final double[] u, final double uMedian, final int from, final int to, final double[] out, final int outFrom)
    {
        for (int i = from; i < to; i++)
        {
            final double ui = u[i];
            final double w = ui > 0 && uMedian > 0 ? (uMedian / ui) * (uMedian / ui) : 1;
            out[outFrom + i - from] = Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, w));
        }
    }

    /**
     * The fit, with the prior weights of points [from, to) at priors[priorFrom..].
     */
    private LineFit fit(
        final double[] x,
        final double[] y,
        final double[] u,
        final double[] priors,
        final int priorFrom,
        final double uMedian,
        final int from,
        final int to,
        final LineFit out)
    {
        final int n = to - from;
        ensureCapacity(n);
        // One pass per iteration: the loop that sets the weights also takes every weighted sum the next line needs,
        // about a fixed centre (the middle of the range), so the line's own centre costs no second pass.
        final double centre = 0.5 * (x[from] + x[to - 1]);
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double swxx = 0;
        double swxy = 0;
        for (int i = 0; i < n; i++)
        {
            final double p = priors[priorFrom + i];
            final double dx = x[from + i] - centre;
            final double yi = y[from + i];
            sw += p;
            swx += p * dx;
            swy += p * yi;
            swxx += p * dx * dx;
            swxy += p * dx * yi;
        }
        if (n == 1)
        {
            return out.set(from, to, x[from], y[from], 0, Math.max(u[from], MIN_SCALE_S), 0, 0, false);
        }

        double pivot = 0;
        double intercept = 0;
        double slope = 0;
        double sxx = 0;
        double weightSum = 0;
        double scale = MIN_SCALE_S;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++)
        {
            weightSum = sw;
            final double meanDx = swx / sw;
            final double meanY = swy / sw;
            pivot = centre + meanDx;
            final double centredSxx = swxx - swx * meanDx;
            // All x equal (or as good as): no slope to fit.
            sxx = centredSxx > FLAT_X * swxx ? centredSxx : 0;
            final double newSlope = sxx > 0 ? (swxy - swx * meanY) / sxx : 0;
            final double newIntercept = meanY;
            if (iteration == 0 && scaleHintS > 0)
            {
                scale = Math.max(MIN_SCALE_S, scaleHintS);
            }
            else if (iteration < SCALE_ITERATIONS)
            {
                // The scale from the first pass's residuals is held: IRLS then costs O(n) per pass.
                for (int i = 0; i < n; i++)
                {
                    scratch[i] = y[from + i] - (newIntercept + newSlope * (x[from + i] - pivot));
                }
                scale = Math.max(MIN_SCALE_S, OrderStatistics.MAD_TO_SIGMA * madAboutMedian(n));
            }
            final double change = Math.abs(newIntercept - intercept) +
                Math.abs(newSlope - slope) * (x[to - 1] - x[from]);
            intercept = newIntercept;
            slope = newSlope;
            if (iteration > 0 && change <= TOLERANCE * scale || iteration == MAX_ITERATIONS - 1)
            {
                break;
            }
            // Huber: weight 1 within k·scale, k·scale / |r| beyond (min() rather than a branch taken at random: a
            // branch that skips the division where the weight is 1 was 4-6% slower on NTP series under JMH).
            final double limit = HUBER_K * scale;
            final double lineAtCentre = intercept - slope * meanDx;
            sw = 0;
            swx = 0;
            swy = 0;
            swxx = 0;
            swxy = 0;
            for (int i = 0; i < n; i++)
            {
                final double dx = x[from + i] - centre;
                final double yi = y[from + i];
                final double r = Math.abs(yi - (lineAtCentre + slope * dx));
                final double p = priors[priorFrom + i];
                final double w = p * Math.min(1, limit / r);
                sw += w;
                swx += w * dx;
                swy += w * yi;
                swxx += w * dx * dx;
                swxy += w * dx * yi;
            }
        }

        for (int i = 0; i < n; i++)
        {
            scratch[i] = y[from + i] - (intercept + slope * (x[from + i] - pivot));
        }
        final double sigmaResidual = OrderStatistics.MAD_TO_SIGMA * madAboutMedian(n);
        final double s = n > 2 ? Math.max(sigmaResidual, MIN_SCALE_S) : Math.max(uMedian, MIN_SCALE_S);
        final double sigmaSlope = sxx > 0 ? s / Math.sqrt(sxx) : 0;
        final double sigmaIntercept = s / Math.sqrt(weightSum);
        return out.set(from, to, pivot, intercept, slope, sigmaIntercept, sigmaSlope, sigmaResidual, false);
    }

    private double madAboutMedian(final int n)
    {
        final double centre = OrderStatistics.median(scratch, 0, n);
        return OrderStatistics.medianAbsoluteDeviation(scratch, 0, n, centre);
    }

    private void ensureCapacity(final int n)
    {
        if (prior.length < n)
        {
            final int capacity = Math.max(n, prior.length * 2);
            prior = new double[capacity];
            scratch = new double[capacity];
        }
    }
}
