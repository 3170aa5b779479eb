package org.timestudy.analyzer.clock;

/**
 * Medians and median absolute deviations by quickselect, in place on caller-owned scratch arrays: O(n), no
 * allocation. Each method reorders the range it is given.
 */
public final class OrderStatistics
{
    /** 1.4826: the factor that makes a MAD a consistent estimate of a normal standard deviation. */
    public static final double MAD_TO_SIGMA = 1.4826;
    /** Ranges this short are finished by insertion sort, cheaper than more partitioning. */
    private static final int INSERTION_SORT_MAX = 16;
    /** Ranges longer than this are partitioned without branches; shorter ones finish by insertion sort. */
    private static final int BRANCH_FREE_MIN = 4;
    /** Partition passes before a range that will not shrink is handed to the Hoare quickselect. */
    private static final int MAX_PASSES = 64;

    private OrderStatistics()
    {
    }

    /**
     * @param a    values; the range is reordered.
     * @param from first index, inclusive.
     * @param to   last index, exclusive; must be greater than from.
     * @return the median (mean of the two middle values for an even count).
     */
    public static double median(final double[] a, final int from, final int to)
    {
        final int n = to - from;
        final int found = select(a, from, to - 1, from + (n >> 1));
        if (found < 0)
        {
            return finishAfterFallback(a, from, to, ~found);
        }
        final double upper = a[found];
        if ((n & 1) == 1)
        {
            return upper;
        }
        final double lower = a[found - 1];
        return lower + (upper - lower) * 0.5;
    }

    /**
     * @param a    values; the range is reordered.
     * @param from first index, inclusive.
     * @param to   last index, exclusive; must be greater than from.
     * @return the median, the lower of the two middle values for an even count (exact for integers).
     */
    public static long median(final long[] a, final int from, final int to)
    {
        return select(a, from, to - 1, from + ((to - from - 1) >> 1));
    }

    /**
     * Median absolute deviation about a centre; overwrites the range with the absolute deviations.
     *
     * @param a      values; overwritten.
     * @param from   first index, inclusive.
     * @param to     last index, exclusive; must be greater than from.
     * @param centre the centre.
     * @return median of |a − centre|.
     */
    public static double medianAbsoluteDeviation(final double[] a, final int from, final int to, final double centre)
    {
        for (int i = from; i < to; i++)
        {
            a[i] = Math.abs(a[i] - centre);
        }
        return median(a, from, to);
    }

    /**
     * The median once the Hoare fallback has put the upper middle value at its index; for an even count the lower
     * middle is the largest value of the range before it (all no greater).
     */
    private static double finishAfterFallback(final double[] a, final int from, final int to, final int at)
    {
        final double upper = a[at];
        if (((to - from) & 1) == 1)
        {
            return upper;
        }
        double lower = a[from];
        for (int i = from + 1; i < at; i++)
        {
            lower = Math.max(lower, a[i]);
        }
        return lower + (upper - lower) * 0.5;
    }

    /**
     * Quickselect with a branchless Lomuto partition about the median of three: each pass costs about three cycles
     * per element instead of a misprediction every few elements. A pivot that leaves more than three quarters on
     * its right (many equal values) is followed by a pass that sets the values equal to it aside, so duplicates
     * cannot make it quadratic; ranges of {@link #BRANCH_FREE_MIN} or fewer are finished by insertion sort and, as a
     * guard, a range that has not been narrowed down after {@link #MAX_PASSES} passes by the Hoare quickselect.
     * <p>
     * Every pass keeps ranks in place (values left of the range are its lower ranks, right of it its higher ones)
     * and leaves the largest value left of the range just before it: the pivot, or the last of a run of values equal
     * to it. So the value of rank k − 1 ends up at k − 1 too, and an even-count median needs no further scan.
     *
     * @return k, with the value of that rank at k and the one of the rank below at k − 1 (k &gt; first); or ~k when
     * the Hoare fallback found it, which leaves no order left of k beyond all values there being no greater.
     */
    private static int select(final double[] a, final int first, final int last, final int k)
    {
        int lo = first;
        int hi = last;
        int passes = 0;
        while (hi - lo > BRANCH_FREE_MIN && passes++ < MAX_PASSES)
        {
            final int size = hi - lo + 1;
            final int mid = lo + ((hi - lo) >> 1);
            final double pivot = pivotToEnd(a, lo, mid, hi);
            int m = lo;
            for (int i = lo; i < hi; i++)
            {
                final double v = a[i];
                a[i] = a[m];
                a[m] = v;
                m += lessBit(v, pivot);
            }
            a[hi] = a[m];
            a[m] = pivot;
            if (k == m)
            {
                moveLargestLast(a, lo, m - 1);
                return k;
            }
            if (k < m)
            {
                hi = m - 1;
                continue;
            }
            lo = m + 1;
            if (4 * (hi - m) > 3 * size)
            {
                int e = lo;
                for (int i = lo; i <= hi; i++)
                {
                    final double v = a[i];
                    a[i] = a[e];
                    a[e] = v;
                    e += (int)(~Double.doubleToRawLongBits(pivot - v) >>> 63);
                }
                if (k < e)
                {
                    return k;
                }
                lo = e;
            }
        }
        if (hi - lo > BRANCH_FREE_MIN)
        {
            hoareSelect(a, lo, hi, k);
            return ~k;
        }
        insertionSort(a, lo, hi);
        return k;
    }

    /**
     * Swaps the largest value of a range (empty when hi &lt; lo) to its end.
     */
    private static void moveLargestLast(final double[] a, final int lo, final int hi)
    {
        int largest = hi;
        for (int i = lo; i < hi; i++)
        {
            if (a[i] > a[largest])
            {
                largest = i;
            }
        }
        if (hi >= lo)
        {
            swap(a, largest, hi);
        }
    }

    private static long select(final long[] a, final int first, final int last, final int k)
    {
        int lo = first;
        int hi = last;
        int passes = 0;
        while (hi - lo > BRANCH_FREE_MIN && passes++ < MAX_PASSES)
        {
            final int size = hi - lo + 1;
            final int mid = lo + ((hi - lo) >> 1);
            sort3(a, lo, mid, hi);
            final long pivot = a[mid];
            a[mid] = a[hi];
            a[hi] = pivot;
            int m = lo;
            for (int i = lo; i < hi; i++)
            {
                final long v = a[i];
                a[i] = a[m];
                a[m] = v;
                m += lessBit(v, pivot);
            }
            a[hi] = a[m];
            a[m] = pivot;
            if (k == m)
            {
                return pivot;
            }
            if (k < m)
            {
                hi = m - 1;
                continue;
            }
            lo = m + 1;
            if (4 * (hi - m) > 3 * size)
            {
                int e = lo;
                for (int i = lo; i <= hi; i++)
                {
                    final long v = a[i];
                    a[i] = a[e];
                    a[e] = v;
                    e += v == pivot ? 1 : 0;
                }
                if (k < e)
                {
                    return pivot;
                }
                lo = e;
            }
        }
        return hoareSelect(a, lo, hi, k);
    }

    /**
     * Puts the median of a[lo], a[mid], a[hi] at hi (the pivot), the smallest at lo and the largest at mid, with
     * minima and maxima rather than branches, which would be taken at random; values that are not all finite (whose
     * minima could differ from every one of them) take the branching way.
     *
     * @return the pivot.
     */
    private static double pivotToEnd(final double[] a, final int lo, final int mid, final int hi)
    {
        final double x = a[lo];
        final double y = a[mid];
        final double z = a[hi];
        final double sum = x + y + z;
        if (sum - sum == 0)
        {
            final double low = Math.min(x, y);
            final double high = Math.max(x, y);
            final double pivot = Math.max(low, Math.min(high, z));
            a[lo] = Math.min(low, z);
            a[mid] = Math.max(high, z);
            a[hi] = pivot;
            return pivot;
        }
        sort3(a, lo, mid, hi);
        final double pivot = a[mid];
        a[mid] = a[hi];
        a[hi] = pivot;
        return pivot;
    }

    /**
     * 1 when v − pivot is negative, else 0, as arithmetic: a branch here would be taken at random, and the JIT
     * compiles a conditional to a branch when its profile looks predictable. For equal values of either sign of
     * zero or infinity it may say 1; the partition stays valid (left ≤ pivot ≤ right).
     */
    private static int lessBit(final double v, final double pivot)
    {
        return (int)(Double.doubleToRawLongBits(v - pivot) >>> 63);
    }

    /**
     * 1 when v &lt; pivot, else 0, without a branch or overflow.
     */
    private static int lessBit(final long v, final long pivot)
    {
        final long d = v - pivot;
        return (int)((d ^ ((v ^ pivot) & (d ^ v))) >>> 63);
    }

    private static double hoareSelect(final double[] a, final int first, final int last, final int k)
    {
        int lo = first;
        int hi = last;
        while (hi - lo > INSERTION_SORT_MAX)
        {
            final int mid = lo + ((hi - lo) >> 1);
            sort3(a, lo, mid, hi);
            final double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    final double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }
        insertionSort(a, lo, hi);
        return a[k];
    }

    private static long hoareSelect(final long[] a, final int first, final int last, final int k)
    {
        int lo = first;
        int hi = last;
        while (hi - lo > INSERTION_SORT_MAX)
        {
            final int mid = lo + ((hi - lo) >> 1);
            sort3(a, lo, mid, hi);
            final long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    final long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }
        insertionSort(a, lo, hi);
        return a[k];
    }

    private static void insertionSort(final double[] a, final int lo, final int hi)
    {
        for (int i = lo + 1; i <= hi; i++)
        {
            final double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void insertionSort(final long[] a, final int lo, final int hi)
    {
        for (int i = lo + 1; i <= hi; i++)
        {
            final long v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void sort3(final double[] a, final int i, final int j, final int k)
    {
        if (a[j] < a[i])
        {
            swap(a, i, j);
        }
        if (a[k] < a[j])
        {
            swap(a, j, k);
            if (a[j] < a[i])
            {
                swap(a, i, j);
            }
        }
    }

    private static void sort3(final long[] a, final int i, final int j, final int k)
    {
        if (a[j] < a[i])
        {
            final long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        if (a[k] < a[j])
        {
            long t = a[j];
            a[j] = a[k];
            a[k] = t;
            if (a[j] < a[i])
            {
                t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }

    private static void swap(final double[] a, final int i, final int j)
    {
        final double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
