package org.timestudy.bench.classify;

/**
 * The analyzer's medians as they were at commit 1785b28: a branch-free Lomuto quickselect about a branching median of
 * three, an even count's lower middle found by scanning half the range; kept verbatim as the baseline of
 * {@link OrderStatisticsBench}.
 */
final class MedianOfThreeQuickselect
{
    /** Ranges this short are finished by insertion sort, cheaper than more partitioning. */
    private static final int INSERTION_SORT_MAX = 16;
    /** Ranges longer than this are partitioned without branches; shorter ones finish by insertion sort. */
    private static final int BRANCH_FREE_MIN = 4;
    /** Partition passes before a range that will not shrink is handed to the Hoare quickselect. */
    private static final int MAX_PASSES = 64;

    private MedianOfThreeQuickselect()
    {
    }

    /**
     * @param a    values; the range is reordered.
     * @param from first index, inclusive.
     * @param to   last index, exclusive; must be greater than from.
     * @return the median (mean of the two middle values for an even count).
     */
    static double median(final double[] a, final int from, final int to)
    {
        final int n = to - from;
        final int mid = from + (n >> 1);
        final double upper = select(a, from, to - 1, mid);
        if ((n & 1) == 1)
        {
            return upper;
        }
        double lower = a[from];
        for (int i = from + 1; i < mid; i++)
        {
            lower = Math.max(lower, a[i]);
        }
        return lower + (upper - lower) * 0.5;
    }

    /**
     * @param a    values; the range is reordered.
     * @param from first index, inclusive.
     * @param to   last index, exclusive; must be greater than from.
     * @return the median, the lower of the two middle values for an even count (exact for integers).
     */
    static long median(final long[] a, final int from, final int to)
    {
        return select(a, from, to - 1, from + ((to - from - 1) >> 1));
    }

    /**
     * Quickselect with a branchless Lomuto partition about the median of three: each pass costs about three cycles
     * per element instead of a misprediction every few elements. A pivot that leaves more than three quarters on
     * its right (many equal values) is followed by a pass that sets the values equal to it aside, so duplicates
     * cannot make it quadratic; ranges of {@link #BRANCH_FREE_MIN} or fewer (by insertion sort) and, as a guard, a
     * range that has not been narrowed down after {@link #MAX_PASSES} passes are finished by the Hoare quickselect.
     */
    private static double select(final double[] a, final int first, final int last, final int k)
    {
        int lo = first;
        int hi = last;
        int passes = 0;
        while (hi - lo > BRANCH_FREE_MIN && passes++ < MAX_PASSES)
        {
            final int size = hi - lo + 1;
            final int mid = lo + ((hi - lo) >> 1);
            sort3(a, lo, mid, hi);
            final double pivot = a[mid];
            a[mid] = a[hi];
            a[hi] = pivot;
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
                    final double v = a[i];
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
