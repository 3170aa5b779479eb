package org.timestudy.analyzer.clock;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

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

        assertThat(OrderStatistics.median(a, from, to)).isEqualTo(expected);
    }
}
