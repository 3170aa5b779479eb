package org.timestudy.testbed.clock;

import org.junit.jupiter.api.Test;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.classify.SubTag;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PopulationTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final long DAY = 24 * HOUR;
    private static final int BASE = 0xC612_0000;

    private final Population population = Population.of(42, new PopulationMix());
    private final long epoch = population.mix().epochNs();

    @Test
    void shouldBeAPureFunctionOfSeedAndAddress()
    {
        final Population again = Population.of(42, new PopulationMix());
        final Population other = Population.of(43, new PopulationMix());
        int differ = 0;
        for (int a = 0; a < 1000; a++)
        {
            final int address = BASE + a;
            assertThat(again.offsetNs(address, epoch + DAY, 7)).isEqualTo(population.offsetNs(address, epoch + DAY, 7));
            assertThat(again.truth(address)).isEqualTo(population.truth(address));
            if (other.clockClass(address) != population.clockClass(address))
            {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(100);
    }

    @Test
    void shouldFollowTheMixShares()
    {
        final Map<ClockClass, Integer> counts = new EnumMap<>(ClockClass.class);
        final int n = 100_000;
        int within10s = 0;
        for (int a = 0; a < n; a++)
        {
            counts.merge(population.clockClass(BASE + a), 1, Integer::sum);
            if (Math.abs(population.offsetNs(BASE + a, epoch, 0)) <= 10 * SECOND)
            {
                within10s++;
            }
        }
        assertThat(counts.get(ClockClass.SYNCED) / (double)n).isCloseTo(0.70, within(0.02));
        assertThat(counts.get(ClockClass.OFFSET) / (double)n).isCloseTo(0.13, within(0.02));
        assertThat(counts.get(ClockClass.STUCK) / (double)n).isCloseTo(0.02, within(0.005));
        assertThat(counts).doesNotContainKey(ClockClass.INSUFFICIENT);
        // Buchholz and Tjaden 2007: about 74% of web servers within 10 s of UTC.
        assertThat(within10s / (double)n).isBetween(0.70, 0.80);
    }

    @Test
    void shouldKeepSyncedClocksWithinOneMillisecond()
    {
        for (final int address : addressesOf(ClockClass.SYNCED, 50))
        {
            for (long seq = 0; seq < 20; seq++)
            {
                assertThat(Math.abs(population.offsetNs(address, epoch + seq * HOUR, seq))).isLessThan(1_000_000L);
            }
        }
    }

    @Test
    void shouldHoldOffsetsConstantAndTagTimeZones()
    {
        int tz = 0;
        for (final int address : addressesOf(ClockClass.OFFSET, 200))
        {
            final ClockTruth truth = population.truth(address);
            final long a = population.offsetNs(address, epoch, 1);
            final long b = population.offsetNs(address, epoch + 9 * DAY, 2);
            assertThat(Math.abs(a - b)).isLessThan(1_000_000L);
            assertThat(Math.abs(a)).isGreaterThanOrEqualTo(2 * SECOND - 1_000_000L);
            assertThat(truth.model().offsetS()).isCloseTo(a / 1e9, within(1e-3));
            if ((truth.model().subTags() & SubTag.TZ.bit()) != 0)
            {
                tz++;
                assertThat(Math.floorMod(a + 900 * SECOND, 1800 * SECOND) - 900 * SECOND).isBetween(-SECOND, SECOND);
            }
        }
        assertThat(tz).isBetween(40, 100);
    }

    @Test
    void shouldDriftAtTheTruthRateAndCrossZeroAtTheLastReset()
    {
        for (final int address : addressesOf(ClockClass.DRIFT, 50))
        {
            final ClockTruth truth = population.truth(address);
            if (truth.changes())
            {
                continue;
            }
            final long a = population.offsetNs(address, epoch, 0);
            final long b = population.offsetNs(address, epoch + 10 * DAY, 0);
            final double ppm = (b - a) / (10.0 * DAY) * 1e6;
            assertThat(ppm).isCloseTo(truth.model().ratePpm(), within(1e-3));
            assertThat(Math.abs(ppm)).isBetween(5.0, 200.0);
            assertThat(Math.abs(population.offsetNs(address, truth.model().lastResetNs(), 0))).isLessThan(1_000L);
        }
    }

    @Test
    void shouldResetSawtoothsBackToTheirBaseline()
    {
        for (final int address : addressesOf(ClockClass.RESET_DRIFT, 30))
        {
            final ClockTruth truth = population.truth(address);
            final long baseline = (long)(truth.model().offsetS() * 1e9);
            final long reset = truth.model().lastResetNs();
            assertThat(Math.abs(population.offsetNs(address, reset + 1_000_000, 0) - baseline)).isLessThan(1_000_000L);
            assertThat(Math.abs(population.offsetNs(address, reset - HOUR, 0) - baseline)).isGreaterThan(
                Math.abs(population.offsetNs(address, reset + HOUR, 0) - baseline));
            assertThat(population.classOver(address, reset - HOUR, reset + HOUR)).isEqualTo(ClockClass.RESET_DRIFT);
            assertThat(population.classOver(address, reset + HOUR, reset + 2 * HOUR)).isEqualTo(ClockClass.DRIFT);
        }
    }

    @Test
    void shouldFreezeStuckClocks()
    {
        for (final int address : addressesOf(ClockClass.STUCK, 20))
        {
            final long frozen = population.truth(address).model().frozenAtNs();
            assertThat(population.remoteTimeNs(address, epoch, 0)).isEqualTo(frozen);
            assertThat(population.remoteTimeNs(address, epoch + 5 * DAY, 9)).isEqualTo(frozen);
            assertThat(population.ratePpm(address, epoch)).isEqualTo(-1e6);
        }
    }

    @Test
    void shouldAlternateClocksOfAMultiClockAddressPerRequest()
    {
        for (final int address : addressesOf(ClockClass.MULTI_CLOCK, 20))
        {
            final ClockTruth truth = population.truth(address);
            final Set<Long> seen = new HashSet<>();
            for (long seq = 0; seq < 200; seq++)
            {
                seen.add(Math.round(population.offsetNs(address, epoch, seq) / 1e9));
            }
            assertThat(seen).hasSize(truth.components().size());
            for (int i = 0; i < truth.components().size(); i++)
            {
                for (int j = 0; j < i; j++)
                {
                    assertThat(Math.abs(truth.components().get(i).offsetS() - truth.components().get(j).offsetS()))
                        .isGreaterThanOrEqualTo(10 - 1e-3);
                }
            }
        }
    }

    @Test
    void shouldScatterErraticClocksWithinTheirRange()
    {
        for (final int address : addressesOf(ClockClass.ERRATIC, 20))
        {
            final double range = population.truth(address).model().spreadS();
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (long seq = 0; seq < 100; seq++)
            {
                final double o = population.offsetNs(address, epoch, seq) / 1e9;
                min = Math.min(min, o);
                max = Math.max(max, o);
            }
            assertThat(max - min).isBetween(range, 2 * range);
        }
    }

    @Test
    void shouldChangeBehaviourOnceAtTheTruthTime()
    {
        final Population changing = Population.of(7, new PopulationMix().changeShare(1));
        for (int a = 0; a < 50; a++)
        {
            final ClockTruth truth = changing.truth(BASE + a);
            assertThat(truth.changes()).isTrue();
            final long at = truth.changeAtNs();
            assertThat(at).isBetween(epoch + DAY, epoch + 3 * DAY);
            assertThat(truth.classAt(at - 1)).isEqualTo(truth.before().clockClass());
            assertThat(changing.classOver(BASE + a, epoch, at - 1)).isEqualTo(truth.before().clockClass());
            assertThat(changing.classOver(BASE + a, epoch, at + 1)).isEqualTo(truth.clockClass());
            final long jump = Math.abs(changing.expectedOffsetNs(BASE + a, at) -
                changing.expectedOffsetNs(BASE + a, at - 1));
            if (truth.before().clockClass() == ClockClass.SYNCED && truth.clockClass() == ClockClass.DRIFT)
            {
                assertThat(jump).isLessThan(1_000_000L);
            }
        }
    }

    @Test
    void shouldAccelerateRatesWithTheTimescale()
    {
        final Population lab = Population.of(42, new PopulationMix().timescale(1440));
        final int address = addressesOf(ClockClass.DRIFT, 1)[0];

        assertThat(lab.ratePpm(address, epoch)).isCloseTo(1440 * population.ratePpm(address, epoch), within(1e-6));
        assertThat(lab.offsetNs(address, epoch + 60 * SECOND, 0) - lab.offsetNs(address, epoch, 0)).isCloseTo(
            population.offsetNs(address, epoch + DAY, 0) - population.offsetNs(address, epoch, 0),
            within(1_000L));
    }

    @Test
    void shouldNotAllocateOnTheHotPath()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sink += population.remoteTimeNs(BASE + (i & 0xFFFF), epoch + i * SECOND, i);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200_000; i++)
        {
            sink += population.remoteTimeNs(BASE + (i & 0xFFFF), epoch + i * SECOND, i);
            sink += population.ntpResponse(BASE + (i & 0xFFFF)).ordinal();
            sink += population.kissOfDeath(BASE + (i & 0xFFFF), i);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink).isNotZero();
        assertThat(allocated).isLessThan(10_000L);
    }

    @Test
    void shouldDescribeTruthAsOneJsonLine()
    {
        final int address = addressesOf(ClockClass.RESET_DRIFT, 1)[0];
        final String json = population.truth(address).toJson();

        assertThat(json).startsWith("{\"address\":\"198.18.").contains("\"class\":\"RESET+DRIFT\"")
            .contains("\"periodSeconds\":").doesNotContain("\n");
        final StringBuilder dump = new StringBuilder();
        TruthDump.writeJsonLines(population, BASE, 10, dump);
        assertThat(dump.toString().split("\n")).hasSize(10);
    }

    private int[] addressesOf(final ClockClass clockClass, final int count)
    {
        final int[] out = new int[count];
        int found = 0;
        for (int a = 0; found < count; a++)
        {
            if (population.clockClass(BASE + a) == clockClass && !population.truth(BASE + a).changes())
            {
                out[found++] = BASE + a;
            }
        }
        return out;
    }
}
