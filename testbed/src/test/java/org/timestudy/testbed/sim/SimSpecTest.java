package org.timestudy.testbed.sim;

import org.junit.jupiter.api.Test;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimSpecTest
{
    private static final int BASE = 0xC612_0000;
    private static final long NOW_NS = 1_795_000_000_000_000_000L;

    @Test
    void shouldAnswerEveryRequestNormallyWithClocksIndependentOfTheRequestWhenBench()
    {
        final SimSpec spec = SimSpec.bench(9, "198.18.0.0/16", NOW_NS);
        final Population population = spec.population();
        int offsets = 0;
        for (int a = 0; a < 65536; a++)
        {
            final int address = BASE + a;
            assertThat(population.ntpResponse(address)).isEqualTo(Response.NORMAL);
            assertThat(population.clockClass(address)).isNotIn(ClockClass.MULTI_CLOCK, ClockClass.ERRATIC);
            offsets += population.clockClass(address) == ClockClass.OFFSET ? 1 : 0;
            if (a % 64 == 0)
            {
                assertThat(Math.abs(population.remoteTimeNs(address, NOW_NS, 1) -
                    population.remoteTimeNs(address, NOW_NS, 2))).as("jitter between two requests").isLessThan(1_000_000);
            }
        }
        assertThat(offsets).as("clocks off by a constant, so decoding errors show").isGreaterThan(1000);
        assertThat(spec.timescale()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownMix()
    {
        assertThatThrownBy(() -> new SimSpec(1, "nope", "198.18.0.0/16", NOW_NS, 1).population())
            .hasMessageContaining("bench");
    }
}
