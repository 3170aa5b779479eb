package org.timestudy.testbed.truth;

import org.junit.jupiter.api.Test;
import org.timestudy.analyzer.classify.ClockClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfusionMatrixTest
{
    @Test
    void shouldComputePerClassAndMacroF1FromCounts()
    {
        final ConfusionMatrix m = new ConfusionMatrix();
        add(m, ClockClass.SYNCED, ClockClass.SYNCED, 8);
        add(m, ClockClass.SYNCED, ClockClass.INSUFFICIENT, 2);
        add(m, ClockClass.DRIFT, ClockClass.DRIFT, 3);
        add(m, ClockClass.DRIFT, ClockClass.SYNCED, 1);

        // SYNCED: precision 8/9, recall 8/10; DRIFT: precision 1, recall 3/4; INSUFFICIENT has no support.
        final double f1Synced = 2 * (8 / 9.0) * 0.8 / (8 / 9.0 + 0.8);
        final double f1Drift = 2 * 0.75 / 1.75;
        assertThat(m.f1(ClockClass.SYNCED)).isCloseTo(f1Synced, within(1e-12));
        assertThat(m.f1(ClockClass.DRIFT)).isCloseTo(f1Drift, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((f1Synced + f1Drift) / 2, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(11 / 14.0, within(1e-12));
        assertThat(m.total()).isEqualTo(14);

        final ConfusionMatrix pooled = new ConfusionMatrix();
        pooled.addAll(m);
        pooled.addAll(m);
        assertThat(pooled.count(ClockClass.SYNCED, ClockClass.INSUFFICIENT)).isEqualTo(4);
        assertThat(pooled.macroF1()).isCloseTo(m.macroF1(), within(1e-12));
    }

    private static void add(final ConfusionMatrix m, final ClockClass truth, final ClockClass predicted, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            m.add(truth, predicted);
        }
    }
}
