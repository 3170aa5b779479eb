package org.timestudy.analyzer.clock;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatisticsTest
{
    @Property
    void shouldMatchSortedMedianWhenDoubles(@ForAll @Size(min = 1, max = 60) final List<Double> values)
    {
        assertMedianOfSorted(values.stream().mapToDouble(d -> d.isNaN() ? 0 : d).toArray(), 0, values.size());
    }

    @Property
    void shouldMatchSortedLowerMedianWhenLongs(@ForAll @Size(min = 1, max = 60) final List<Long> values)
    {
        final long[] a = values.stream().mapToLong(Long::longValue).toArray();
        final long[] sorted = a.clone();
        Arrays.sort(sorted);

        assertThat(OrderStatistics.median(a, 0, a.length)).isEqualTo(sorted[(a.length - 1) / 2]);
    }

    @Property
    void shouldComputeMadAboutCentre(@ForAll @Size(min = 1, max = 40) final List<Integer> values)
    {
        final double[] a = values.stream().mapToDouble(Integer::doubleValue).toArray();
        final double[] deviations = Arrays.stream(a).map(v -> Math.abs(v - 3)).sorted().toArray();
        final int n = a.length;
        final double expected = (n & 1) == 1 ? deviations[n / 2] :
            deviations[n / 2 - 1] + (deviations[n / 2] - deviations[n / 2 - 1]) * 0.5;

        assertThat(OrderStatistics.medianAbsoluteDeviation(a, 0, n, 3)).isEqualTo(expected);
    }

    @Property
    void shouldMatchSortedMedianWhenManyDuplicates(
        @ForAll @Size(min = 1, max = 600) final List<@IntRange(min = -3, max = 3) Integer> values,
        @ForAll @IntRange(min = 0, max = 5) final int from)
    {
        final int n = values.size();
        final double[] a = new double[from + n + 2];
        for (int i = 0; i < n; i++)
        {
            a[from + i] = values.get(i) * 0.25;
        }
        assertMedianOfSorted(a, from, from + n);
    }

    @Property
    void shouldMatchSortedMedianWhenHundredsOfDoubles(
        @ForAll @Size(min = 1, max = 600) final List<@LongRange(min = -1_000_000, max = 1_000_000) Long> values)
    {
        assertMedianOfSorted(values.stream().mapToDouble(v -> v * 1e-7).toArray(), 0, values.size());
    }

    @Property
    void shouldMatchSortedLowerMedianWhenHundredsOfLongs(
        @ForAll @Size(min = 1, max = 600) final List<Long> values,
        @ForAll @IntRange(min = 1, max = 1000) final int distinct)
    {
        // Extremes (overflowing differences) and few distinct values (duplicates) both.
        final long[] a = values.stream().mapToLong(v -> distinct < 500 ? v % distinct : v).toArray();
        final long[] sorted = a.clone();
        Arrays.sort(sorted);

        assertThat(OrderStatistics.median(a, 0, a.length)).isEqualTo(sorted[(a.length - 1) / 2]);
    }

    @Property
    void shouldMatchSortedMedianWhenSortedOrReversed(
        @ForAll @IntRange(min = 1, max = 1000) final int n, @ForAll final boolean reversed)
    {
        final double[] a = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = reversed ? n - i : i;
        }
        assertMedianOfSorted(a, 0, n);
    }

    @Property
    void shouldMatchSortedMedianWhenRandomSizesUpToFiveHundred(
        @ForAll @IntRange(min = 1, max = 500) final int n, @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 3) final int shape)
    {
        // shape 0: continuous; 1: quantised to a few dozen values; 2: two values; 3: all equal.
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] a = new double[n];
        for (int i = 0; i < n; i++)
        {
            final double g = random.nextDouble(-1, 1);
            a[i] = shape == 0 ? g : shape == 1 ? Math.rint(g * 20) : shape == 2 ? (g < 0.3 ? 1.5 : -2) : 7;
        }
        assertMedianOfSorted(a, 0, n);
    }

    @Property
    void shouldMatchSortedLowerMedianWhenRandomLongsUpToFiveHundred(
        @ForAll @IntRange(min = 1, max = 500) final int n, @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 3) final int shape)
    {
        // shape 0: any long (differences overflow); 1: a few dozen values; 2: Long.MIN_VALUE and MAX_VALUE only;
        // 3: all equal.
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] a = new long[n];
        for (int i = 0; i < n; i++)
        {
            final long v = random.nextLong();
            a[i] = shape == 0 ? v : shape == 1 ? v % 25 : shape == 2 ? (v < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : -3;
        }
        assertLowerMedianOfSorted(a);
    }

    @Property
    void shouldMatchSortedMedianWhenExtremeDoubles(
        @ForAll @Size(min = 1, max = 300) final List<@IntRange(min = 0, max = 8) Integer> picks)
    {
        final double[] extremes = {
            -Double.MAX_VALUE, -1e300, -1, -Double.MIN_VALUE, 0, Double.MIN_VALUE, 1e-300, 1e300, Double.MAX_VALUE};
        assertMedianOfSorted(picks.stream().mapToDouble(i -> extremes[i]).toArray(), 0, picks.size());
    }

    @Property
    void shouldMatchSortedMedianWhenZerosOfBothSigns(
        @ForAll @Size(min = 1, max = 300) final List<@IntRange(min = 0, max = 3) Integer> picks)
    {
        // Equal values of either sign of zero: the pass that sets aside values equal to the pivot compares by sign.
        final double[] values = {-0.0, 0.0, -1, 1};
        assertMedianOfSorted(picks.stream().mapToDouble(i -> values[i]).toArray(), 0, picks.size());
    }

    @Property
    void shouldMatchSortedMedianWhenInfinitiesAmongDoubles(
        @ForAll @Size(min = 1, max = 300) final List<@IntRange(min = -1_000, max = 1_000) Integer> values)
    {
        // Values past ±900 become infinite: pivots may be infinite, which the branch-free passes cannot compare.
        assertMedianOfSorted(values.stream()
            .mapToDouble(v -> v > 900 ? Double.POSITIVE_INFINITY : v < -900 ? Double.NEGATIVE_INFINITY : v)
            .toArray(), 0, values.size());
    }

    @Property
    void shouldMatchSortedLowerMedianWhenLongsSortedOrReversed(
        @ForAll @IntRange(min = 1, max = 1000) final int n, @ForAll final boolean reversed)
    {
        final long[] a = new long[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (reversed ? n - i : i) * 1_000_003L;
        }
        assertLowerMedianOfSorted(a);
    }

    @Property
    void shouldMatchSortedMedianWhenOrganPipeOrSawtooth(
        @ForAll @IntRange(min = 1, max = 500) final int n, @ForAll @IntRange(min = 1, max = 40) final int period)
    {
        final double[] pipe = new double[n];
        final double[] saw = new double[n];
        for (int i = 0; i < n; i++)
        {
            pipe[i] = Math.min(i, n - 1 - i);
            saw[i] = i % period;
        }
        assertMedianOfSorted(pipe, 0, n);
        assertMedianOfSorted(saw, 0, n);
    }

    @Property
    void shouldMatchSortedMadWhenRandomSizes(
        @ForAll @IntRange(min = 1, max = 500) final int n, @ForAll final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] a = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = random.nextGaussian();
        }
        final double[] copy = a.clone();
        final double centre = OrderStatistics.median(copy, 0, n);
        final double[] deviations = Arrays.stream(a).map(v -> Math.abs(v - centre)).sorted().toArray();
        final double expected = (n & 1) == 1 ? deviations[n / 2] :
            deviations[n / 2 - 1] + (deviations[n / 2] - deviations[n / 2 - 1]) * 0.5;

        assertThat(OrderStatistics.medianAbsoluteDeviation(copy, 0, n, centre)).isEqualTo(expected);
    }

    @Property
    void shouldKeepTheValuesWhenReordering(@ForAll @IntRange(min = 1, max = 500) final int n, @ForAll final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] a = new double[n];
        final long[] b = new long[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = Math.rint(random.nextGaussian() * 10);
            b[i] = random.nextLong(-20, 20);
        }
        final double[] sortedA = a.clone();
        final long[] sortedB = b.clone();
        Arrays.sort(sortedA);
        Arrays.sort(sortedB);
        OrderStatistics.median(a, 0, n);
        OrderStatistics.median(b, 0, n);
        Arrays.sort(a);
        Arrays.sort(b);

        assertThat(a).isEqualTo(sortedA);
        assertThat(b).isEqualTo(sortedB);
    }

    /**
     * Checks the median of a range against sorting: the middle value, or the mean of the two middle ones taken as
     * the code under test takes it.
     */
    private static void assertMedianOfSorted(final double[] a, final int from, final int to)
    {
        final double[] sorted = Arrays.copyOfRange(a, from, to);
        Arrays.sort(sorted);
        final int n = sorted.length;
        final double expected = (n & 1) == 1 ? sorted[n / 2] :
            sorted[n / 2 - 1] + (sorted[n / 2] - sorted[n / 2 - 1]) * 0.5;

        // Zeros of either sign compare equal, so which one a median is is unspecified: + 0.0 makes -0.0 into 0.0.
        // Boxed, so that the NaN of the mean of two opposite infinities equals itself.
        assertThat(Double.valueOf(OrderStatistics.median(a, from, to) + 0.0)).isEqualTo(Double.valueOf(expected + 0.0));
    }

    private static void assertLowerMedianOfSorted(final long[] a)
    {
        final long[] sorted = a.clone();
        Arrays.sort(sorted);

        assertThat(OrderStatistics.median(a, 0, a.length)).isEqualTo(sorted[(a.length - 1) / 2]);
    }
}
