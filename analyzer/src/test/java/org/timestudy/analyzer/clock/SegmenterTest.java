package org.timestudy.analyzer.clock;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final long T = 1_760_000_000L * SECOND;

    private final Segmenter segmenter = new Segmenter(6, 3, 0.5, 5, 1.5);
    private final RobustLineFitter robust = new RobustLineFitter();
    private final LineFit global = new LineFit();

    @Test
    void shouldTakeTheFastPathWhenOneCleanLine()
    {
        final PointSet points = load(100, 0, i -> 2 * SECOND + i * 1_000_000L);

        assertThat(segment(points)).isEqualTo(1);
        assertThat(segmenter.fastPath()).isTrue();
    }

    @Test
    void shouldFindOneSegmentWhenOneNoisyLine()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            final PointSet points = load(100, seed, i -> 2 * SECOND + i * 1_000_000L);

            assertThat(segment(points)).isEqualTo(1);
        }
    }

    @Test
    void shouldFindEachResetOfASawtooth()
    {
        final PointSet points = load(120, 5, i -> (i % 30) * 100_000_000L);

        assertThat(segment(points)).isEqualTo(4);
        assertThat(segmenter.start(1)).isEqualTo(30);
        assertThat(segmenter.start(2)).isEqualTo(60);
        assertThat(segmenter.start(3)).isEqualTo(90);
    }

    @Test
    void shouldFindAKinkWhenDriftStarts()
    {
        final PointSet points = load(120, 5, i -> i < 70 ? 0 : (i - 70) * 50_000_000L);

        assertThat(segment(points)).isEqualTo(2);
        assertThat(segmenter.start(1)).isBetween(68, 72);
    }

    @Test
    void shouldSplitALongSeriesWithOneStepByCertifiedBinarySegmentation()
    {
        final PointSet points = load(600, 7, i -> i < 400 ? 0 : 3 * SECOND);

        assertThat(segment(points)).isEqualTo(2);
        assertThat(segmenter.fastPath()).isFalse();
        assertThat(segmenter.binarySegmentation()).isTrue();
        assertThat(segmenter.start(1)).isEqualTo(400);
    }

    @Test
    void shouldFindBothEndsOfAShortExcursionBySplittingTwice()
    {
        final PointSet points = load(200, 9, i -> i >= 100 && i < 103 ? 50_000_000L : 0);

        assertThat(segment(points)).isEqualTo(3);
        assertThat(segmenter.binarySegmentation()).isTrue();
        assertThat(segmenter.start(1)).isEqualTo(100);
        assertThat(segmenter.start(2)).isEqualTo(103);
    }

    @Test
    void shouldLeaveItToPeltWhenTheSplitsGoTooDeep()
    {
        // 80 blocks of 5 points alternating between 0 and 1 s: more segments than six levels of splits can give.
        final PointSet points = load(400, 11, i -> (i / 5) % 2 == 0 ? 0 : SECOND);

        assertThat(segment(points)).isEqualTo(80);
        assertThat(segmenter.binarySegmentation()).isFalse();
        for (int k = 1; k < 80; k++)
        {
            assertThat(segmenter.start(k)).isEqualTo(5 * k);
        }
    }

    private int segment(final PointSet points)
    {
        robust.fit(points, 0, points.size(), global);
        final double noise = segmenter.noiseScaleS(points, 0, points.size());
        return segmenter.segment(points, global, Math.max(noise, 1e-6));
    }

    private static PointSet load(final int n, final long seed, final java.util.function.IntToLongFunction offset)
    {
        final Random random = new Random(seed);
        final SeriesBuffer buffer = new SeriesBuffer(n);
        for (int i = 0; i < n; i++)
        {
            final long noise = seed == 0 ? 0 : (long)(random.nextGaussian() * 1_000_000);
            buffer.addNtp(T + i * HOUR, offset.applyAsLong(i) + noise, 20_000_000L, -20, 0);
        }
        return new PointSet().load(buffer, 0);
    }
}
