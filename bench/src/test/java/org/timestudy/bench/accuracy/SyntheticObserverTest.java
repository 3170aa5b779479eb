package org.timestudy.bench.accuracy;

import org.junit.jupiter.api.Test;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.SampleStatus;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.PopulationMix;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticObserverTest
{
    private final Population population = Population.of(5, new PopulationMix().balancedClasses().changeShare(0));
    private final SyntheticObserver observer = SyntheticObserver.survey(population, 9);

    @Test
    void shouldKeepTheTrueOffsetInsideEverySamplesInterval()
    {
        final SeriesBuffer buffer = new SeriesBuffer(256);
        final Observation observation = new Observation();
        int checked = 0;
        for (final Method method : Method.values())
        {
            for (int a = 0; a < 300; a++)
            {
                final int address = AccuracyBenchmark.FIRST_ADDRESS + a;
                final ClockClass c = population.clockClass(address);
                if (c != ClockClass.SYNCED && c != ClockClass.OFFSET && c != ClockClass.DRIFT)
                {
                    continue;
                }
                observer.observe(address, method, buffer, observation);
                for (int i = 0; i < buffer.count(); i++)
                {
                    if ((buffer.status(i) & SampleStatus.NOT_FITTED) != 0)
                    {
                        continue;
                    }
                    // The model's own jitter (±0.5 ms) is not part of the expected offset.
                    final long truth = population.expectedOffsetNs(address, buffer.trueNs(i));
                    assertThat(Math.abs(buffer.offsetNs(i) - truth))
                        .isLessThanOrEqualTo(buffer.uncertaintyNs(i) + 1_000_000L);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void shouldScheduleDaysToWeeksHourlyToDaily()
    {
        final SeriesBuffer buffer = new SeriesBuffer(256);
        final Observation o = new Observation();
        for (int a = 0; a < 200; a++)
        {
            observer.observe(AccuracyBenchmark.FIRST_ADDRESS + a, Method.NTP, buffer, o);
            assertThat(o.intervalNs()).isBetween(3_600_000_000_000L, 86_400_000_000_000L);
            assertThat(o.spanNs()).isBetween(4 * 86_400_000_000_000L, 28 * 86_400_000_000_000L);
            assertThat(o.missing()).isBetween(0.0, 0.3);
            assertThat(o.lastNs() - o.firstNs()).isLessThanOrEqualTo(o.spanNs() + o.intervalNs());
        }
    }
}
