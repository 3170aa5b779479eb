package org.timestudy.analyzer.clock;

import java.util.Arrays;

/**
 * The points a series' fits run on: the fitted samples of a {@link SeriesBuffer} in time order, one per burst
 * (minimum-delay selection for NTP, interval intersection for HTTP Date, falling back to minimum delay when the
 * intervals disagree). Large values are subtracted as longs before they become doubles: x is seconds since the
 * first point, y is seconds from a reference offset (the median), so offsets near ±68 years lose nothing.
 * <p>
 * The arrays returned by the accessors are the internal ones, valid up to {@link #size()} until the next load. Not
 * thread-safe.
 */
public final class PointSet
{
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int NTP = Method.NTP.ordinal();
    private static final int NAIVE = Method.HTTP_NAIVE.ordinal();
    private static final int BOUNDARY = Method.HTTP_BOUNDARY.ordinal();
    private static final int INVALID_SHIFT = Integer.numberOfTrailingZeros(SampleStatus.INVALID);

    private int size;
    private double medianUncertaintyS;
    private long originNs;
    private long referenceOffsetNs;
    private long[] trueNs = new long[0];
    private long[] offsetNs = new long[0];
    private long[] uncertaintyNs = new long[0];
    private long[] toleranceNs = new long[0];
    private double[] x = new double[0];
    private double[] y = new double[0];
    private double[] u = new double[0];
    private double[] lowS = new double[0];
    private double[] highS = new double[0];
    private double[] priorWeight = new double[0];
    /** {@link #priorWeight} holds the loaded points' weights (taken on first use; naive HTTP seldom needs them). */
    private boolean priorWeightsTaken;
    private double[] scratch = new double[0];
    private long[] longScratch = new long[0];
    private int[] order = new int[0];
    private int[] orderScratch = new int[0];
    private SeriesBuffer sorted;

    private int samples;
    private int measurements;
    private int invalid;
    private int cached;
    private int statusUnion;
    private int lastKodCode;
    private long firstSampleNs;
    private long lastSampleNs;
    /** Points per method, by ordinal. */
    private final int[] methodCounts = new int[Method.values().length];
    private Method sampleMethod = Method.NTP;

    /**
     * Loads the fitted samples of a buffer.
     *
     * @param buffer        the series.
     * @param burstWindowNs samples closer than this to the first sample of their burst form one burst.
     * @return this.
     */
    public PointSet load(final SeriesBuffer buffer, final long burstWindowNs)
    {
        final int n = buffer.count();
        ensureCapacity(n);
        clearCounters();
        if (!loadInOrder(buffer, n, burstWindowNs))
        {
            clearCounters();
            loadInOrder(sortByTime(buffer, n), n, burstWindowNs);
        }
        finishReferences();
        return this;
    }

    /**
     * One pass over the buffer's arrays, samples in time order: bursts built as the samples stream by, naive HTTP
     * intervals intersected only while the burst is all naive HTTP, status counters kept only for the samples left
     * out of the fits (the only ones with bits that count).
     *
     * @return false, with the set half-filled, as soon as a sample is earlier than the one before it.
     */
    private boolean loadInOrder(final SeriesBuffer buffer, final int n, final long burstWindowNs)
    {
        final long[] t = buffer.trueNsArray();
        final long[] o = buffer.offsetNsArray();
        final long[] uNs = buffer.uncertaintyNsArray();
        final byte[] m = buffer.methodArray();
        final int[] status = buffer.statusArray();
        long previousNs = Long.MIN_VALUE;
        long burstStartNs = 0;
        final int[] kod = buffer.kodCodeArray();
        int union = 0;
        int unmeasured = 0;
        int invalidCount = 0;
        int cachedCount = 0;
        int kodCode = 0;
        int points = 0;
        int best = -1;
        long bestUNs = 0;
        int burstSize = 0;
        boolean http = false;
        long lowNs = 0;
        long highNs = 0;
        for (int i = 0; i < n; i++)
        {
            final long ti = t[i];
            if (ti < previousNs)
            {
                return false;
            }
            previousNs = ti;
            final int bits = status[i];
            union |= bits;
            if ((bits & SampleStatus.NOT_FITTED) != 0)
            {
                // The only samples with bits that count: NOT_FITTED is NO_MEASUREMENT | CACHED.
                if ((bits & SampleStatus.NO_MEASUREMENT) != 0)
                {
                    unmeasured++;
                    invalidCount += (bits & SampleStatus.INVALID) >>> INVALID_SHIFT;
                    if ((bits & SampleStatus.KOD) != 0 && kod[i] != 0)
                    {
                        kodCode = kod[i];
                    }
                }
                else
                {
                    cachedCount++;
                }
                continue;
            }
            final long ui = uNs[i];
            if (best >= 0 && ti - burstStartNs <= burstWindowNs)
            {
                if (ui < bestUNs)
                {
                    best = i;
                    bestUNs = ui;
                }
                burstSize++;
                if (http)
                {
                    // Only a burst of naive HTTP samples intersects their intervals.
                    http = m[i] == NAIVE;
                    lowNs = Math.max(lowNs, o[i] - ui);
                    highNs = Math.min(highNs, o[i] + ui);
                }
                continue;
            }
            if (best >= 0)
            {
                points = addPoint(buffer, points, best, http && burstSize > 1 && lowNs <= highNs, lowNs, highNs);
            }
            burstStartNs = ti;
            best = i;
            bestUNs = ui;
            burstSize = 1;
            http = m[i] == NAIVE;
            lowNs = o[i] - ui;
            highNs = o[i] + ui;
        }
        if (best >= 0)
        {
            points = addPoint(buffer, points, best, http && burstSize > 1 && lowNs <= highNs, lowNs, highNs);
        }
        size = points;
        samples = n;
        measurements = n - unmeasured;
        invalid = invalidCount;
        cached = cachedCount;
        statusUnion = union;
        lastKodCode = kodCode;
        if (n > 0)
        {
            firstSampleNs = t[0];
            lastSampleNs = t[n - 1];
            sampleMethod = Method.of(m[n - 1]);
        }
        return true;
    }

    /**
     * Adds the point of one burst: its best sample, or for naive HTTP the middle of the intersected intervals.
     *
     * @return the number of points now.
     */
    private int addPoint(
        final SeriesBuffer buffer,
        final int p,
        final int best,
        final boolean intersect,
        final long lowNs,
        final long highNs)
    {
        trueNs[p] = buffer.trueNs(best);
        if (intersect)
        {
            final long halfNs = (highNs - lowNs) >> 1;
            offsetNs[p] = lowNs + halfNs;
            uncertaintyNs[p] = halfNs;
        }
        else
        {
            offsetNs[p] = buffer.offsetNs(best);
            uncertaintyNs[p] = buffer.uncertaintyNs(best);
        }
        final int method = buffer.methodOrdinal(best);
        toleranceNs[p] = Method.of(method).toleranceNs();
        methodCounts[method]++;
        return p + 1;
    }

    private void finishReferences()
    {
        priorWeightsTaken = false;
        if (size == 0)
        {
            originNs = firstSampleNs;
            referenceOffsetNs = 0;
            medianUncertaintyS = 0;
            return;
        }
        originNs = trueNs[0];
        System.arraycopy(offsetNs, 0, longScratch, 0, size);
        referenceOffsetNs = OrderStatistics.median(longScratch, 0, size);
        final int n = size;
        seconds(trueNs, originNs, x, n);
        seconds(offsetNs, referenceOffsetNs, y, n);
        seconds(uncertaintyNs, 0, u, n);
        final double[] yS = y;
        final double[] uS = u;
        final double[] low = lowS;
        final double[] high = highS;
        for (int i = 0; i < n; i++)
        {
            low[i] = yS[i] - uS[i];
        }
        for (int i = 0; i < n; i++)
        {
            high[i] = yS[i] + uS[i];
        }
        System.arraycopy(u, 0, scratch, 0, size);
        medianUncertaintyS = OrderStatistics.median(scratch, 0, size);
    }

    /**
     * out = (ns − zeroNs) / 1e9 in two simple loops, which the JIT compiles to vector code (the division stays a
     * division: a multiplication by 1e-9 would round differently); the same result as the one expression.
     */
    private static void seconds(final long[] ns, final long zeroNs, final double[] out, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            out[i] = ns[i] - zeroNs;
        }
        for (int i = 0; i < n; i++)
        {
            out[i] = out[i] / NANOS_PER_SECOND;
        }
    }

    /**
     * Loads a subset of another point set (one component of a mixture), keeping its order.
     *
     * @param source  the full set.
     * @param labels  a label per point of the source.
     * @param label   the label to keep.
     * @return this.
     */
    public PointSet loadSubset(final PointSet source, final int[] labels, final int label)
    {
        ensureCapacity(source.size);
        clearCounters();
        for (int i = 0; i < source.size; i++)
        {
            if (labels[i] == label)
            {
                final int p = size++;
                trueNs[p] = source.trueNs[i];
                offsetNs[p] = source.offsetNs[i];
                uncertaintyNs[p] = source.uncertaintyNs[i];
                toleranceNs[p] = source.toleranceNs[i];
            }
        }
        samples = size;
        measurements = size;
        System.arraycopy(source.methodCounts, 0, methodCounts, 0, methodCounts.length);
        sampleMethod = source.sampleMethod;
        firstSampleNs = size > 0 ? trueNs[0] : source.firstSampleNs;
        lastSampleNs = size > 0 ? trueNs[size - 1] : source.lastSampleNs;
        finishReferences();
        return this;
    }

    private void clearCounters()
    {
        size = 0;
        samples = 0;
        measurements = 0;
        invalid = 0;
        cached = 0;
        statusUnion = 0;
        lastKodCode = 0;
        firstSampleNs = 0;
        lastSampleNs = 0;
        Arrays.fill(methodCounts, 0);
        sampleMethod = Method.NTP;
    }

    /**
     * The buffer's samples in time order, ties in buffer order (a stable sort), copied into {@link #sorted}:
     * insertion sort for the usual few samples out of place (a burst's sample whose round trip outlasted the next
     * one's), merge sort when that would take long.
     */
    private SeriesBuffer sortByTime(final SeriesBuffer buffer, final int n)
    {
        final long[] t = buffer.trueNsArray();
        final int[] index = order;
        final long[] keys = longScratch;
        long moves = 0;
        final long maxMoves = 8L * n + 64;
        for (int i = 0; i < n && moves <= maxMoves; i++)
        {
            final long ti = t[i];
            int k = i;
            while (k > 0 && keys[k - 1] > ti)
            {
                keys[k] = keys[k - 1];
                index[k] = index[k - 1];
                k--;
            }
            moves += i - k;
            keys[k] = ti;
            index[k] = i;
        }
        if (moves > maxMoves)
        {
            for (int i = 0; i < n; i++)
            {
                index[i] = i;
            }
            mergeSort(buffer, n);
        }
        if (sorted == null)
        {
            sorted = new SeriesBuffer(n);
        }
        sorted.copyInOrder(buffer, index, n);
        return sorted;
    }

    private void mergeSort(final SeriesBuffer buffer, final int n)
    {
        int[] src = order;
        int[] dst = orderScratch;
        for (int width = 1; width < n; width <<= 1)
        {
            for (int lo = 0; lo < n; lo += width << 1)
            {
                final int mid = Math.min(lo + width, n);
                final int hi = Math.min(lo + (width << 1), n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi)
                {
                    dst[k++] = buffer.trueNs(src[j]) < buffer.trueNs(src[i]) ? src[j++] : src[i++];
                }
                while (i < mid)
                {
                    dst[k++] = src[i++];
                }
                while (j < hi)
                {
                    dst[k++] = src[j++];
                }
            }
            final int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order)
        {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    private void ensureCapacity(final int n)
    {
        if (trueNs.length < n)
        {
            final int capacity = Math.max(n, trueNs.length * 2);
            trueNs = new long[capacity];
            offsetNs = new long[capacity];
            uncertaintyNs = new long[capacity];
            toleranceNs = new long[capacity];
            x = new double[capacity];
            y = new double[capacity];
            u = new double[capacity];
            lowS = new double[capacity];
            highS = new double[capacity];
            priorWeight = new double[capacity];
            scratch = new double[capacity];
            longScratch = new long[capacity];
            order = new int[capacity];
            orderScratch = new int[capacity];
        }
    }

    /**
     * @return number of points (bursts with a fitted sample).
     */
    public int size()
    {
        return size;
    }

    /**
     * @return samples in the buffer, of any status.
     */
    public int samples()
    {
        return samples;
    }

    /**
     * @return samples that carried an offset (including cached ones).
     */
    public int measurements()
    {
        return measurements;
    }

    /**
     * @return samples rejected as invalid.
     */
    public int invalid()
    {
        return invalid;
    }

    /**
     * @return samples with a cached Date.
     */
    public int cached()
    {
        return cached;
    }

    /**
     * @return OR of every sample's status bits.
     */
    public int statusUnion()
    {
        return statusUnion;
    }

    /**
     * @return the last Kiss-o'-Death code seen, or 0.
     */
    public int lastKodCode()
    {
        return lastKodCode;
    }

    /**
     * @return time of the first sample of any status, ns since 1970 (0 when empty).
     */
    public long firstSampleNs()
    {
        return firstSampleNs;
    }

    /**
     * @return time of the last sample of any status, ns since 1970 (0 when empty).
     */
    public long lastSampleNs()
    {
        return lastSampleNs;
    }

    /**
     * @return the method most of the points were taken with (with no points, the last sample's method).
     */
    public Method dominantMethod()
    {
        if (size == 0)
        {
            return sampleMethod;
        }
        final int ntp = methodCounts[NTP];
        final int naive = methodCounts[NAIVE];
        final int boundary = methodCounts[BOUNDARY];
        if (naive > ntp && naive >= boundary)
        {
            return Method.HTTP_NAIVE;
        }
        if (boundary > ntp && boundary > naive)
        {
            return Method.HTTP_BOUNDARY;
        }
        return Method.NTP;
    }

    /**
     * @return true time of the first point, the origin of x, ns since 1970.
     */
    public long originNs()
    {
        return originNs;
    }

    /**
     * @return the offset y is measured from (the median point offset), ns.
     */
    public long referenceOffsetNs()
    {
        return referenceOffsetNs;
    }

    /**
     * @return true times of the points, ns since 1970.
     */
    public long[] trueNs()
    {
        return trueNs;
    }

    /**
     * @return offsets of the points, ns.
     */
    public long[] offsetNs()
    {
        return offsetNs;
    }

    /**
     * @return uncertainties u of the points, ns.
     */
    public long[] uncertaintyNs()
    {
        return uncertaintyNs;
    }

    /**
     * @return tolerance τ of each point's method, ns.
     */
    public long[] toleranceNs()
    {
        return toleranceNs;
    }

    /**
     * @return seconds since {@link #originNs()}.
     */
    public double[] x()
    {
        return x;
    }

    /**
     * @return seconds from {@link #referenceOffsetNs()}.
     */
    public double[] y()
    {
        return y;
    }

    /**
     * @return uncertainties in seconds.
     */
    public double[] u()
    {
        return u;
    }

    /**
     * @return lower ends y − u of the offset intervals, seconds.
     */
    public double[] lowS()
    {
        return lowS;
    }

    /**
     * @return upper ends y + u of the offset intervals, seconds.
     */
    public double[] highS()
    {
        return highS;
    }

    /**
     * @return each point's prior weight for the fits, (median u / u)² clamped to [0.01, 100], as
     * {@link RobustLineFitter} and {@link MixtureFitter} weigh points; taken on the first call after a load.
     */
    public double[] priorWeights()
    {
        if (!priorWeightsTaken)
        {
            RobustLineFitter.priorWeights(u, medianUncertaintyS, 0, size, priorWeight, 0);
            priorWeightsTaken = true;
        }
        return priorWeight;
    }

    /**
     * @return a scratch array of at least {@link #size()} doubles for callers' order statistics.
     */
    public double[] scratch()
    {
        return scratch;
    }

    /**
     * Converts seconds from the reference offset back to an absolute offset in ns, saturating far out of range.
     *
     * @param yS seconds from {@link #referenceOffsetNs()}.
     * @return offset in ns.
     */
    public long offsetNsOf(final double yS)
    {
        final double ns = yS * NANOS_PER_SECOND;
        final double clamped = Math.max(-4e18, Math.min(4e18, Double.isNaN(ns) ? 0 : ns));
        return referenceOffsetNs + (long)clamped;
    }

    /**
     * Converts seconds since the origin to an absolute time in ns since 1970, saturating far out of range.
     *
     * @param xS seconds since {@link #originNs()}.
     * @return time in ns since 1970.
     */
    public long timeNsOf(final double xS)
    {
        final double ns = xS * NANOS_PER_SECOND;
        final double clamped = Math.max(-4e18, Math.min(4e18, Double.isNaN(ns) ? 0 : ns));
        return originNs + (long)clamped;
    }

    /**
     * @param from first point, inclusive.
     * @param to   last point, exclusive.
     * @return median uncertainty of the points in the range, seconds (0 when empty).
     */
    public double medianUncertaintyS(final int from, final int to)
    {
        if (to <= from)
        {
            return 0;
        }
        if (from == 0 && to == size)
        {
            return medianUncertaintyS;
        }
        System.arraycopy(u, from, scratch, 0, to - from);
        return OrderStatistics.median(scratch, 0, to - from);
    }
}
