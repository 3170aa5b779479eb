package org.timestudy.analyzer.clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PointSetTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long T = 1_760_000_000L * SECOND;

    @Test
    void shouldKeepTheMinimumDelaySampleOfAnNtpBurst()
    {
        final SeriesBuffer buffer = new SeriesBuffer(4)
            .addNtp(T, 30_000_000L, 80_000_000L, -20, 0)
            .addNtp(T + SECOND, 2_000_000L, 12_000_000L, -20, 0)
            .addNtp(T + 2 * SECOND, -25_000_000L, 60_000_000L, -20, 0)
            .addNtp(T + 3600 * SECOND, 1_000_000L, 20_000_000L, -20, 0);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.size()).isEqualTo(2);
        assertThat(points.offsetNs()[0]).isEqualTo(2_000_000L);
        assertThat(points.trueNs()[0]).isEqualTo(T + SECOND);
    }

    @Test
    void shouldIntersectHttpIntervalsOfABurst()
    {
        // Remote = true + 0.3 s. Requests at phases that put the Date second boundary in different places.
        final SeriesBuffer buffer = new SeriesBuffer(4)
            .addHttpDate(T + 100_000_000L, T + 120_000_000L, T / SECOND, 0)
            .addHttpDate(T + 800_000_000L, T + 820_000_000L, T / SECOND + 1, 0);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.size()).isEqualTo(1);
        final long low = points.offsetNs()[0] - points.uncertaintyNs()[0];
        final long high = points.offsetNs()[0] + points.uncertaintyNs()[0];
        assertThat(low).isLessThanOrEqualTo(300_000_000L);
        assertThat(high).isGreaterThanOrEqualTo(300_000_000L);
        // [−0.12, 0.90] ∩ [0.18, 1.20] = [0.18, 0.90]: u 0.36 s instead of 0.51 s.
        assertThat(points.uncertaintyNs()[0]).isEqualTo(360_000_000L);
    }

    @Test
    void shouldSortByTimeAndCountStatusesWhenOutOfOrder()
    {
        final SeriesBuffer buffer = new SeriesBuffer(2)
            .addNtp(T + 7200 * SECOND, 3, 20_000_000L, -20, 0)
            .addNoMeasurement(T + 3600 * SECOND, Method.NTP, SampleStatus.KOD, SampleStatus.kodCode("RATE"))
            .addNtp(T, 1, 20_000_000L, -20, SampleStatus.UNSYNC)
            .addHttpDate(T + 10, T, 0, 0);
        final PointSet points = new PointSet().load(buffer, 0);

        assertThat(points.size()).isEqualTo(2);
        assertThat(points.trueNs()[0]).isLessThan(points.trueNs()[1]);
        assertThat(points.samples()).isEqualTo(4);
        assertThat(points.invalid()).isEqualTo(1);
        assertThat(SampleStatus.kodName(points.lastKodCode())).isEqualTo("RATE");
        assertThat(points.statusUnion() & SampleStatus.UNSYNC).isNotZero();
        assertThat(points.firstSampleNs()).isEqualTo(T);
    }
}
