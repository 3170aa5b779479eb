package org.timestudy.analyzer.clock;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KalmanClockTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final long T = 1_760_000_000L * SECOND;

    @Test
    void shouldConvergeOnOffsetAndFrequencyOfADriftingClock()
    {
        final KalmanClock filter = new KalmanClock(1e-20, 1e-4);
        final Random random = new Random(3);
        for (int i = 0; i < 96; i++)
        {
            final long t = T + i * HOUR;
            final long offset = 5 * SECOND + (long)(i * HOUR * 30e-6) + (long)(random.nextGaussian() * 2e6);
            filter.update(t, offset, 10_000_000L);
        }
        final long truth = 5 * SECOND + (long)(95 * HOUR * 30e-6);

        assertThat(filter.frequency()).isCloseTo(30e-6, within(0.05e-6));
        assertThat(Math.abs(filter.offsetNs() - truth)).isLessThan(3_000_000L);
        assertThat(filter.frequencySigma()).isLessThan(0.1e-6);
    }

    @Test
    void shouldAlarmOnAStepAndNotOnNoise()
    {
        final OnlineChangeDetector detector = new OnlineChangeDetector(1e-20, 1e-4, 0.5, 5);
        final Random random = new Random(4);
        int alarmsBefore = 0;
        long alarmAt = 0;
        for (int i = 0; i < 200; i++)
        {
            final long t = T + i * HOUR;
            final long offset = (i < 150 ? 0 : 2 * SECOND) + (long)((random.nextDouble() - 0.5) * 20e6);
            if (detector.update(t, offset, 20_000_000L))
            {
                if (i < 150)
                {
                    alarmsBefore++;
                }
                else if (alarmAt == 0)
                {
                    alarmAt = i;
                }
            }
        }

        assertThat(alarmsBefore).isZero();
        assertThat(alarmAt).isBetween(150L, 152L);
        assertThat(detector.filter().offsetNs()).isCloseTo(2 * SECOND, within(20_000_000L));
    }
}
