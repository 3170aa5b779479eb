package org.timestudy.analyzer.clock;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

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

    @Property(tries = 300)
    void shouldLoadTheSameWhenInOrderAsWhenSorted(
        @ForAll final long seed, @ForAll @IntRange(min = 0, max = 300) final int count)
    {
        // Distinct times in order: bursts of 1 to 4 within seconds, hours apart; every method and status.
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] times = new long[count];
        long t = T;
        for (int i = 0; i < count; i++)
        {
            t += random.nextInt(4) == 0 ? 3600 * SECOND + random.nextInt(1000) : 1 + random.nextLong(5 * SECOND);
            times[i] = t;
        }
        final int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        final SeriesBuffer inOrder = new SeriesBuffer(4);
        final SeriesBuffer shuffled = new SeriesBuffer(4);
        final long[] kinds = random.longs(count).toArray();
        for (int i = 0; i < count; i++)
        {
            add(inOrder, times[i], kinds[i]);
        }
        for (int i = 0; i < count; i++)
        {
            add(shuffled, times[order[i]], kinds[order[i]]);
        }

        final PointSet a = new PointSet().load(inOrder, 30 * SECOND);
        final PointSet b = new PointSet().load(shuffled, 30 * SECOND);

        assertThat(a.size()).isEqualTo(b.size());
        assertThat(a.samples()).isEqualTo(b.samples());
        assertThat(a.measurements()).isEqualTo(b.measurements());
        assertThat(a.invalid()).isEqualTo(b.invalid());
        assertThat(a.cached()).isEqualTo(b.cached());
        assertThat(a.statusUnion()).isEqualTo(b.statusUnion());
        assertThat(a.lastKodCode()).isEqualTo(b.lastKodCode());
        assertThat(a.firstSampleNs()).isEqualTo(b.firstSampleNs());
        assertThat(a.lastSampleNs()).isEqualTo(b.lastSampleNs());
        assertThat(a.dominantMethod()).isEqualTo(b.dominantMethod());
        assertThat(a.referenceOffsetNs()).isEqualTo(b.referenceOffsetNs());
        for (int i = 0; i < a.size(); i++)
        {
            assertThat(a.trueNs()[i]).isEqualTo(b.trueNs()[i]);
            assertThat(a.offsetNs()[i]).isEqualTo(b.offsetNs()[i]);
            assertThat(a.uncertaintyNs()[i]).isEqualTo(b.uncertaintyNs()[i]);
            assertThat(a.toleranceNs()[i]).isEqualTo(b.toleranceNs()[i]);
            assertThat(a.y()[i]).isEqualTo(b.y()[i]);
        }
    }

    private static void add(final SeriesBuffer buffer, final long timeNs, final long kind)
    {
        final int k = (int)Math.floorMod(kind, 16);
        final long offsetNs = (kind >> 8) % (10 * SECOND);
        final long delayNs = Math.floorMod(kind >> 40, 50_000_000L) + 1_000;
        switch (k)
        {
            case 0 -> buffer.addNoMeasurement(timeNs, Method.NTP, SampleStatus.KOD, SampleStatus.kodCode("RATE"));
            case 1 -> buffer.addNoMeasurement(timeNs, Method.HTTP_NAIVE, SampleStatus.SILENT, 0);
            case 2 -> buffer.addNtp(timeNs, offsetNs, delayNs, -20, SampleStatus.UNSYNC);
            case 3 -> buffer.addHttpDate(timeNs, timeNs + delayNs, (timeNs + offsetNs) / SECOND, SampleStatus.CACHED);
            case 4, 5, 6 -> buffer.addHttpDate(timeNs, timeNs + delayNs, (timeNs + offsetNs) / SECOND, 0);
            case 7 -> buffer.addHttpBoundary(timeNs, offsetNs, delayNs, 2 * delayNs, 0);
            case 8 -> buffer.addHttpDate(timeNs + delayNs, timeNs, 0, 0);
            default -> buffer.addNtp(timeNs, offsetNs, delayNs, -20, 0);
        }
    }
}
