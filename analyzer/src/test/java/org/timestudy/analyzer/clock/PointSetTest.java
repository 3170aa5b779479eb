package org.timestudy.analyzer.clock;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

    @Test
    void shouldLoadNothingFromAnEmptyBuffer()
    {
        final PointSet points = new PointSet().load(new SeriesBuffer(4), 30 * SECOND);

        assertThat(points.size()).isZero();
        assertThat(points.samples()).isZero();
        assertThat(points.firstSampleNs()).isZero();
        assertThat(points.dominantMethod()).isEqualTo(Method.NTP);
        assertThat(points.medianUncertaintyS(0, 0)).isZero();
    }

    @Test
    void shouldLoadOneSample()
    {
        final SeriesBuffer buffer = new SeriesBuffer(4).addHttpBoundary(T, 250_000_000L, 5_000_000L, 8_000_000L, 0);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.size()).isEqualTo(1);
        assertThat(points.originNs()).isEqualTo(T);
        assertThat(points.referenceOffsetNs()).isEqualTo(250_000_000L);
        assertThat(points.y()[0]).isZero();
        assertThat(points.toleranceNs()[0]).isEqualTo(Method.HTTP_BOUNDARY.toleranceNs());
        assertThat(points.dominantMethod()).isEqualTo(Method.HTTP_BOUNDARY);
        assertThat(points.medianUncertaintyS(0, 1)).isEqualTo(0.005);
    }

    @Test
    void shouldKeepTheFirstOfTiedSamplesInBufferOrderWhenSorting()
    {
        // The last sample is out of order; the two tied samples of the first burst have equal delays.
        final SeriesBuffer buffer = new SeriesBuffer(4)
            .addNtp(T + SECOND, 1_000_000L, 20_000_000L, -20, 0)
            .addNtp(T + SECOND, 2_000_000L, 20_000_000L, -20, 0)
            .addNtp(T + 3600 * SECOND, 3_000_000L, 20_000_000L, -20, 0)
            .addNtp(T, 4_000_000L, 30_000_000L, -20, 0);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.size()).isEqualTo(2);
        assertThat(points.trueNs()[0]).isEqualTo(T + SECOND);
        assertThat(points.offsetNs()[0]).isEqualTo(1_000_000L);
        assertThat(points.firstSampleNs()).isEqualTo(T);
    }

    @Test
    void shouldStartABurstAtTheFirstFittedSample()
    {
        // A silent probe opens the hour; the burst's window counts from the first sample that is fitted.
        final SeriesBuffer buffer = new SeriesBuffer(4)
            .addNoMeasurement(T, Method.NTP, SampleStatus.SILENT, 0)
            .addNtp(T + 20 * SECOND, 1_000_000L, 40_000_000L, -20, 0)
            .addNtp(T + 45 * SECOND, 2_000_000L, 10_000_000L, -20, 0)
            .addNtp(T + 51 * SECOND, 3_000_000L, 30_000_000L, -20, 0);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.size()).isEqualTo(2);
        assertThat(points.offsetNs()[0]).isEqualTo(2_000_000L);
        assertThat(points.offsetNs()[1]).isEqualTo(3_000_000L);
        assertThat(points.measurements()).isEqualTo(3);
    }

    @Test
    void shouldNotIntersectABurstThatMixesMethods()
    {
        final SeriesBuffer buffer = new SeriesBuffer(4)
            .addHttpDate(T + 100_000_000L, T + 120_000_000L, T / SECOND, 0)
            .addHttpBoundary(T + 2 * SECOND, 300_000_000L, 900_000_000L, 20_000_000L, 0);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.size()).isEqualTo(1);
        assertThat(points.uncertaintyNs()[0]).isEqualTo(510_000_000L);
        assertThat(points.toleranceNs()[0]).isEqualTo(Method.HTTP_NAIVE.toleranceNs());
    }

    @Test
    void shouldCountEveryStatus()
    {
        final SeriesBuffer buffer = new SeriesBuffer(4)
            .addNoMeasurement(T, Method.NTP, SampleStatus.KOD, SampleStatus.kodCode("RATE"))
            .addNoMeasurement(T + SECOND, Method.NTP, SampleStatus.KOD, 0)
            .addNoMeasurement(T + 2 * SECOND, Method.HTTP_NAIVE, SampleStatus.NO_DATE, 0)
            .addNoMeasurement(T + 3 * SECOND, Method.HTTP_NAIVE, SampleStatus.UNREACHABLE, 0)
            .addNoMeasurement(T + 4 * SECOND, Method.NTP, 0, 0)
            .addHttpDate(T + 5 * SECOND + 10, T + 5 * SECOND, 0, 0)
            .addHttpDate(T + 6 * SECOND, T + 6 * SECOND + 10, T / SECOND, SampleStatus.CACHED)
            .addNtp(T + 7 * SECOND, 1_000L, 20_000_000L, -20, SampleStatus.UNSYNC);
        final PointSet points = new PointSet().load(buffer, 30 * SECOND);

        assertThat(points.samples()).isEqualTo(8);
        assertThat(points.measurements()).isEqualTo(2);
        assertThat(points.invalid()).isEqualTo(1);
        assertThat(points.cached()).isEqualTo(1);
        assertThat(points.size()).isEqualTo(1);
        assertThat(SampleStatus.kodName(points.lastKodCode())).isEqualTo("RATE");
        assertThat(points.statusUnion()).isEqualTo(SampleStatus.KOD | SampleStatus.NO_DATE |
            SampleStatus.UNREACHABLE | SampleStatus.SILENT | SampleStatus.INVALID | SampleStatus.CACHED |
            SampleStatus.UNSYNC);
        assertThat(points.lastSampleNs()).isEqualTo(T + 7 * SECOND);
    }

    @Property(tries = 500)
    void shouldLoadWhatAPlainStableSortAndScanGive(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 400) final int count,
        @ForAll @IntRange(min = 0, max = 4) final int disorder,
        @ForAll @LongRange(min = 0, max = 10) final long windowS)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] times = new long[count];
        final long[] kinds = random.longs(count).toArray();
        long t = T;
        for (int i = 0; i < count; i++)
        {
            final int gap = random.nextInt(8);
            t += gap == 0 ? 3600 * SECOND + random.nextInt(1000) : gap == 1 ? 0 : random.nextLong(6 * SECOND);
            times[i] = t;
        }
        final int[] order = arrange(random, count, disorder);
        final SeriesBuffer buffer = new SeriesBuffer(4);
        for (int i = 0; i < count; i++)
        {
            add(buffer, times[order[i]], kinds[order[i]]);
        }
        final long windowNs = windowS * SECOND;

        final PointSet points = new PointSet();
        // Twice into the same set: a load must not depend on the one before.
        points.load(new SeriesBuffer(4).addNtp(T, 1, 1, -20, 0), windowNs);
        points.load(buffer, windowNs);

        assertSame(points, Reference.of(buffer, windowNs));
    }

    /**
     * The samples' order in the buffer: 0 in time order, 1 a few neighbours swapped, 2 a few moved a little,
     * 3 shuffled, 4 reversed.
     */
    private static int[] arrange(final SplittableRandom random, final int count, final int disorder)
    {
        final int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = disorder == 4 ? count - 1 - i : i;
        }
        if (count < 2)
        {
            return order;
        }
        if (disorder == 1 || disorder == 2)
        {
            final int moves = 1 + random.nextInt(3);
            for (int m = 0; m < moves; m++)
            {
                final int from = random.nextInt(count);
                final int to = Math.max(0, Math.min(count - 1, from + (disorder == 1 ? 1 : random.nextInt(-5, 6))));
                final int moved = order[from];
                if (from < to)
                {
                    System.arraycopy(order, from + 1, order, from, to - from);
                }
                else
                {
                    System.arraycopy(order, to, order, to + 1, from - to);
                }
                order[to] = moved;
            }
        }
        else if (disorder == 3)
        {
            for (int i = count - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    private static void assertSame(final PointSet actual, final Reference expected)
    {
        final int n = expected.trueNs.length;
        assertThat(actual.size()).isEqualTo(n);
        assertThat(actual.samples()).isEqualTo(expected.samples);
        assertThat(actual.measurements()).isEqualTo(expected.measurements);
        assertThat(actual.invalid()).isEqualTo(expected.invalid);
        assertThat(actual.cached()).isEqualTo(expected.cached);
        assertThat(actual.statusUnion()).isEqualTo(expected.statusUnion);
        assertThat(actual.lastKodCode()).isEqualTo(expected.lastKodCode);
        assertThat(actual.firstSampleNs()).isEqualTo(expected.firstSampleNs);
        assertThat(actual.lastSampleNs()).isEqualTo(expected.lastSampleNs);
        assertThat(actual.dominantMethod()).isEqualTo(expected.dominantMethod);
        assertThat(actual.originNs()).isEqualTo(expected.originNs);
        assertThat(actual.referenceOffsetNs()).isEqualTo(expected.referenceOffsetNs);
        assertThat(Double.doubleToRawLongBits(actual.medianUncertaintyS(0, n)))
            .isEqualTo(Double.doubleToRawLongBits(expected.medianUncertaintyS));
        assertThat(Arrays.copyOf(actual.trueNs(), n)).isEqualTo(expected.trueNs);
        assertThat(Arrays.copyOf(actual.offsetNs(), n)).isEqualTo(expected.offsetNs);
        assertThat(Arrays.copyOf(actual.uncertaintyNs(), n)).isEqualTo(expected.uncertaintyNs);
        assertThat(Arrays.copyOf(actual.toleranceNs(), n)).isEqualTo(expected.toleranceNs);
        for (int i = 0; i < n; i++)
        {
            final double x = (expected.trueNs[i] - expected.originNs) / 1e9;
            final double y = (expected.offsetNs[i] - expected.referenceOffsetNs) / 1e9;
            final double u = expected.uncertaintyNs[i] / 1e9;
            assertThat(actual.x()[i]).isEqualTo(x);
            assertThat(actual.y()[i]).isEqualTo(y);
            assertThat(actual.u()[i]).isEqualTo(u);
            assertThat(actual.lowS()[i]).isEqualTo(y - u);
            assertThat(actual.highS()[i]).isEqualTo(y + u);
        }
    }

    /** The points as the definition reads, by the plainest means: a stable sort, then a scan. */
    private static final class Reference
    {
        int samples;
        int measurements;
        int invalid;
        int cached;
        int statusUnion;
        int lastKodCode;
        long firstSampleNs;
        long lastSampleNs;
        Method dominantMethod;
        long originNs;
        long referenceOffsetNs;
        double medianUncertaintyS;
        long[] trueNs;
        long[] offsetNs;
        long[] uncertaintyNs;
        long[] toleranceNs;

        static Reference of(final SeriesBuffer buffer, final long windowNs)
        {
            final Reference r = new Reference();
            final int n = buffer.count();
            final Integer[] byTime = new Integer[n];
            for (int i = 0; i < n; i++)
            {
                byTime[i] = i;
            }
            Arrays.sort(byTime, Comparator.comparingLong(buffer::trueNs));
            final List<Integer> fitted = new ArrayList<>();
            for (final int i : byTime)
            {
                final int bits = buffer.status(i);
                r.statusUnion |= bits;
                r.invalid += (bits & SampleStatus.INVALID) != 0 ? 1 : 0;
                final boolean measured = (bits & SampleStatus.NO_MEASUREMENT) == 0;
                r.measurements += measured ? 1 : 0;
                r.cached += measured && (bits & SampleStatus.CACHED) != 0 ? 1 : 0;
                if ((bits & SampleStatus.KOD) != 0 && buffer.kodCode(i) != 0)
                {
                    r.lastKodCode = buffer.kodCode(i);
                }
                if ((bits & SampleStatus.NOT_FITTED) == 0)
                {
                    fitted.add(i);
                }
            }
            r.samples = n;
            r.firstSampleNs = n > 0 ? buffer.trueNs(byTime[0]) : 0;
            r.lastSampleNs = n > 0 ? buffer.trueNs(byTime[n - 1]) : 0;
            final List<long[]> points = new ArrayList<>();
            final int[] perMethod = new int[3];
            for (int k = 0; k < fitted.size(); )
            {
                final long startNs = buffer.trueNs(fitted.get(k));
                int end = k;
                int best = fitted.get(k);
                boolean allNaive = true;
                long lowNs = Long.MIN_VALUE;
                long highNs = Long.MAX_VALUE;
                while (end < fitted.size() && buffer.trueNs(fitted.get(end)) - startNs <= windowNs)
                {
                    final int i = fitted.get(end++);
                    allNaive &= buffer.method(i) == Method.HTTP_NAIVE;
                    lowNs = Math.max(lowNs, buffer.offsetNs(i) - buffer.uncertaintyNs(i));
                    highNs = Math.min(highNs, buffer.offsetNs(i) + buffer.uncertaintyNs(i));
                    best = buffer.uncertaintyNs(i) < buffer.uncertaintyNs(best) ? i : best;
                }
                final boolean intersect = allNaive && end - k > 1 && lowNs <= highNs;
                final long halfNs = (highNs - lowNs) >> 1;
                points.add(new long[] {buffer.trueNs(best), intersect ? lowNs + halfNs : buffer.offsetNs(best),
                    intersect ? halfNs : buffer.uncertaintyNs(best), buffer.method(best).toleranceNs()});
                perMethod[buffer.method(best).ordinal()]++;
                k = end;
            }
            final int size = points.size();
            r.trueNs = points.stream().mapToLong(p -> p[0]).toArray();
            r.offsetNs = points.stream().mapToLong(p -> p[1]).toArray();
            r.uncertaintyNs = points.stream().mapToLong(p -> p[2]).toArray();
            r.toleranceNs = points.stream().mapToLong(p -> p[3]).toArray();
            if (size == 0)
            {
                r.dominantMethod = n > 0 ? buffer.method(byTime[n - 1]) : Method.NTP;
                r.originNs = r.firstSampleNs;
                return r;
            }
            final int ntp = perMethod[0];
            final int naive = perMethod[1];
            final int boundary = perMethod[2];
            r.dominantMethod = naive > ntp && naive >= boundary ? Method.HTTP_NAIVE :
                boundary > ntp && boundary > naive ? Method.HTTP_BOUNDARY : Method.NTP;
            r.originNs = r.trueNs[0];
            final long[] offsets = r.offsetNs.clone();
            Arrays.sort(offsets);
            r.referenceOffsetNs = offsets[(size - 1) / 2];
            final double[] u = Arrays.stream(r.uncertaintyNs).mapToDouble(v -> v / 1e9).sorted().toArray();
            r.medianUncertaintyS = (size & 1) == 1 ? u[size / 2] : u[size / 2 - 1] + (u[size / 2] - u[size / 2 - 1]) * 0.5;
            return r;
        }
    }

    private static void add(final SeriesBuffer buffer, final long timeNs, final long kind)
    {
        final int k = (int)Math.floorMod(kind, 20);
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
            case 9 -> buffer.addNoMeasurement(timeNs, Method.NTP, SampleStatus.KOD, (int)(kind >>> 48) & 0x7F7F);
            case 10 -> buffer.addNoMeasurement(timeNs, Method.HTTP_BOUNDARY, SampleStatus.UNREACHABLE, 0);
            case 11 -> buffer.addNoMeasurement(timeNs, Method.HTTP_NAIVE, SampleStatus.NO_DATE, 0);
            // Equal delays: ties for the best sample of a burst.
            case 12 -> buffer.addNtp(timeNs, offsetNs, 20_000_000L, -20, 0);
            // Naive HTTP agreeing on one offset, so their intervals intersect.
            case 13, 14 -> buffer.addHttpDate(timeNs, timeNs + delayNs, (timeNs + 300_000_000L) / SECOND, 0);
            default -> buffer.addNtp(timeNs, offsetNs, delayNs, -20, 0);
        }
    }
}
