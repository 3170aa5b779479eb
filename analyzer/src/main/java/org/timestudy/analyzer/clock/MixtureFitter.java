package org.timestudy.analyzer.clock;

import java.util.Arrays;

/**
 * Tests whether several clocks answer behind one address: a mixture of k clock lines (k-lines, a hard-assignment
 * EM) for k = 2..maxComponents against one line, scored by BIC with per-component variances floored at the
 * measurement resolution. Initial labels split the sorted offsets at their k − 1 widest gaps. The caller applies
 * the remaining criteria of SCIENCE.md §3 (shares, separation, alternation) through the accessors. Reuses its
 * arrays; not thread-safe.
 */
public final class MixtureFitter
{
    private static final int MAX_ITERATIONS = 12;
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final int MAX_COMPONENTS = 4;

    private int[] labels = new int[0];
    private int[] bestLabels = new int[0];
    private double[] sorted = new double[0];
    /** The points' prior weights ({@link PointSet#priorWeights()}) during a fit. */
    private double[] prior;
    private final double[] gapAt = new double[MAX_COMPONENTS];
    private final double[] gapSize = new double[MAX_COMPONENTS];
    private final double[] intercept = new double[MAX_COMPONENTS];
    private final double[] slope = new double[MAX_COMPONENTS];
    private final double[] rss = new double[MAX_COMPONENTS];
    private final double[] sw = new double[MAX_COMPONENTS];
    private final double[] swx = new double[MAX_COMPONENTS];
    private final double[] swy = new double[MAX_COMPONENTS];
    private final double[] meanX = new double[MAX_COMPONENTS];
    private final double[] meanY = new double[MAX_COMPONENTS];
    private final double[] cxx = new double[MAX_COMPONENTS];
    private final double[] cxy = new double[MAX_COMPONENTS];
    private final int[] count = new int[MAX_COMPONENTS];
    private final double[] bestIntercept = new double[MAX_COMPONENTS];
    private final double[] bestSlope = new double[MAX_COMPONENTS];
    private final double[] bestSigma = new double[MAX_COMPONENTS];
    private final int[] bestCount = new int[MAX_COMPONENTS];
    private int bestK;
    private double bicGain;
    private double pivotS;

    /**
     * Fits mixtures of 1..maxComponents lines to points [0, size).
     *
     * @param points        the points.
     * @param maxComponents largest k tried (2..4).
     * @param sigmaFloorS   smallest per-component σ used in the likelihood, seconds.
     * @param minPoints     fewest points a component may hold; mixtures with a smaller one are not considered.
     * @return the k with the lowest BIC.
     */
    public int fit(final PointSet points, final int maxComponents, final double sigmaFloorS, final int minPoints)
    {
        final int n = points.size();
        ensureCapacity(n);
        final double[] x = points.x();
        final double[] y = points.y();
        prior = points.priorWeights();
        double sx = 0;
        for (int i = 0; i < n; i++)
        {
            sx += x[i];
        }
        pivotS = n > 0 ? sx / n : 0;
        final double floor = Math.max(sigmaFloorS, 1e-12);
        Arrays.fill(labels, 0, n, 0);
        fitLines(x, y, n, 1);
        double bestBic = bic(n, 1, floor);
        final double bic1 = bestBic;
        keep(n, 1);
        final int kMax = Math.min(Math.min(maxComponents, MAX_COMPONENTS), n / 2);
        if (kMax >= 2)
        {
            System.arraycopy(y, 0, sorted, 0, n);
            Arrays.sort(sorted, 0, n);
        }
        for (int k = 2; k <= kMax; k++)
        {
            if (!initialise(y, n, k))
            {
                break;
            }
            // Each iteration: the lines of the current labels, then new labels, summed for the next lines in the
            // same pass. The residual sums only matter to the BIC, so only the final fitLines takes them.
            sum(x, y, n, k);
            boolean ok = true;
            for (int iteration = 0; iteration < MAX_ITERATIONS && ok; iteration++)
            {
                ok = solveLines(x, y, n, k);
                if (ok && !reassign(x, y, n, k))
                {
                    break;
                }
            }
            if (!ok || !fitLines(x, y, n, k) || smallest(k) < minPoints)
            {
                continue;
            }
            final double bic = bic(n, k, floor);
            if (bic < bestBic)
            {
                bestBic = bic;
                keep(n, k);
            }
        }
        bicGain = bic1 - bestBic;
        return bestK;
    }

    /**
     * @return components of the best mixture.
     */
    public int components()
    {
        return bestK;
    }

    /**
     * @return BIC(1) − BIC(best k); 0 when one line is best.
     */
    public double bicGain()
    {
        return bicGain;
    }

    /**
     * @return labels of the best mixture, one per point, valid up to the point count.
     */
    public int[] labels()
    {
        return bestLabels;
    }

    /**
     * @param j component.
     * @return points in component j.
     */
    public int count(final int j)
    {
        return bestCount[j];
    }

    /**
     * @param j component.
     * @return component j's line at the mean x of all points (its centre), seconds from the reference offset.
     */
    public double centreS(final int j)
    {
        return bestIntercept[j];
    }

    /**
     * @param j component.
     * @return component j's slope, R − 1.
     */
    public double slope(final int j)
    {
        return bestSlope[j];
    }

    /**
     * @param j component.
     * @return component j's residual standard deviation (unfloored), seconds.
     */
    public double sigmaS(final int j)
    {
        return bestSigma[j];
    }

    /**
     * @param n points.
     * @return how often the best labels change between consecutive points in time order.
     */
    public int alternations(final int n)
    {
        int switches = 0;
        for (int i = 1; i < n; i++)
        {
            if (bestLabels[i] != bestLabels[i - 1])
            {
                switches++;
            }
        }
        return switches;
    }

    private int smallest(final int k)
    {
        int smallest = Integer.MAX_VALUE;
        for (int j = 0; j < k; j++)
        {
            smallest = Math.min(smallest, count[j]);
        }
        return smallest;
    }

    private boolean initialise(final double[] y, final int n, final int k)
    {
        int gaps = 0;
        for (int i = 1; i < n; i++)
        {
            final double gap = sorted[i] - sorted[i - 1];
            if (gaps < k - 1)
            {
                gapSize[gaps] = gap;
                gapAt[gaps] = 0.5 * (sorted[i] + sorted[i - 1]);
                gaps++;
            }
            else
            {
                int smallest = 0;
                for (int g = 1; g < gaps; g++)
                {
                    if (gapSize[g] < gapSize[smallest])
                    {
                        smallest = g;
                    }
                }
                if (gap > gapSize[smallest])
                {
                    gapSize[smallest] = gap;
                    gapAt[smallest] = 0.5 * (sorted[i] + sorted[i - 1]);
                }
            }
        }
        if (gaps < k - 1)
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            int label = 0;
            for (int g = 0; g < k - 1; g++)
            {
                if (y[i] > gapAt[g])
                {
                    label++;
                }
            }
            labels[i] = label;
        }
        return true;
    }

    private boolean fitLines(final double[] x, final double[] y, final int n, final int k)
    {
        sum(x, y, n, k);
        if (!solveLines(x, y, n, k))
        {
            return false;
        }
        for (int j = 0; j < k; j++)
        {
            rss[j] = 0;
        }
        for (int i = 0; i < n; i++)
        {
            final int j = labels[i];
            if (j < k)
            {
                final double e = y[i] - (intercept[j] + slope[j] * (x[i] - pivotS));
                rss[j] += e * e;
            }
        }
        return true;
    }

    /**
     * The weighted sums of each label's points, in point order (the order every path adds them in, so the lines
     * are the same to the bit however the sums were taken).
     */
    private void sum(final double[] x, final double[] y, final int n, final int k)
    {
        clearSums(k);
        for (int i = 0; i < n; i++)
        {
            final int j = labels[i];
            if (j < k)
            {
                sw[j] += prior[i];
                swx[j] += prior[i] * (x[i] - pivotS);
                swy[j] += prior[i] * y[i];
                count[j]++;
            }
        }
    }

    private void clearSums(final int k)
    {
        for (int j = 0; j < k; j++)
        {
            sw[j] = 0;
            swx[j] = 0;
            swy[j] = 0;
            count[j] = 0;
        }
    }

    /**
     * Each label's weighted least-squares line from the sums {@link #sum} took.
     *
     * @return false when a label has fewer than two points.
     */
    private boolean solveLines(final double[] x, final double[] y, final int n, final int k)
    {
        for (int j = 0; j < k; j++)
        {
            if (count[j] < 2)
            {
                return false;
            }
            meanX[j] = swx[j] / sw[j];
            meanY[j] = swy[j] / sw[j];
            cxx[j] = 0;
            cxy[j] = 0;
        }
        for (int i = 0; i < n; i++)
        {
            final int j = labels[i];
            if (j < k)
            {
                final double dx = x[i] - pivotS - meanX[j];
                cxx[j] += prior[i] * dx * dx;
                cxy[j] += prior[i] * dx * (y[i] - meanY[j]);
            }
        }
        for (int j = 0; j < k; j++)
        {
            final double b = cxx[j] > 0 ? cxy[j] / cxx[j] : 0;
            slope[j] = b;
            intercept[j] = meanY[j] - b * meanX[j];
        }
        return true;
    }

    /**
     * Gives each point the label of its nearest line, and sums the new labels' points as {@link #sum} does.
     *
     * @return true when a label changed.
     */
    private boolean reassign(final double[] x, final double[] y, final int n, final int k)
    {
        clearSums(k);
        boolean changed = false;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++)
            {
                final double d = Math.abs(y[i] - (intercept[j] + slope[j] * (x[i] - pivotS)));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = j;
                }
            }
            if (best != labels[i])
            {
                labels[i] = best;
                changed = true;
            }
            sw[best] += prior[i];
            swx[best] += prior[i] * (x[i] - pivotS);
            swy[best] += prior[i] * y[i];
            count[best]++;
        }
        return changed;
    }

    private double bic(final int n, final int k, final double floor)
    {
        double logLikelihood = 0;
        for (int j = 0; j < k; j++)
        {
            final int c = count[j];
            final double variance = Math.max(rss[j] / c, floor * floor);
            logLikelihood += c * Math.log((double)c / n) - 0.5 * c * (LOG_2PI + Math.log(variance)) -
                rss[j] / (2 * variance);
        }
        return -2 * logLikelihood + (4 * k - 1) * Math.log(n);
    }

    private void keep(final int n, final int k)
    {
        bestK = k;
        System.arraycopy(labels, 0, bestLabels, 0, n);
        for (int j = 0; j < k; j++)
        {
            bestIntercept[j] = intercept[j];
            bestSlope[j] = slope[j];
            bestSigma[j] = Math.sqrt(rss[j] / count[j]);
            bestCount[j] = count[j];
        }
    }

    private void ensureCapacity(final int n)
    {
        if (labels.length < n)
        {
            final int capacity = Math.max(n, labels.length * 2);
            labels = new int[capacity];
            bestLabels = new int[capacity];
            sorted = new double[capacity];
        }
    }
}
