package org.timestudy.analyzer.clock;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatisticsTest
{
    @Property
    void shouldMatchSortedMedianWhenDoubles(@ForAll @Size(min = 1, max = 60) final List<Double> values)
    {
        final double[] a = values.stream().mapToDouble(d -> d.isNaN() ? 0 : d).toArray();
        final double[] sorted = a.clone();
        Arrays.sort(sorted);
        final int n = a.length;
        final double expected = (n & 1) == 1 ? sorted[n / 2] :
            sorted[n / 2 - 1] + (sorted[n / 2] - sorted[n / 2 - 1]) * 0.5;

        assertThat(OrderStatistics.median(a, 0, n)).isEqualTo(expected);
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
}
