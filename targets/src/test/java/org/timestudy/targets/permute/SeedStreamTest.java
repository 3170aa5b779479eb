package org.timestudy.targets.permute;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedStreamTest
{
    @Test
    void shouldProduceTheSplitMix64ReferenceSequence()
    {
        final SeedStream s = new SeedStream(0);
        assertThat(s.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(s.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(s.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void shouldStayWithinBoundAndHitEveryValueOfASmallBound()
    {
        final SeedStream s = new SeedStream(7);
        final int[] hits = new int[7];
        for (int i = 0; i < 7000; i++)
        {
            final long v = s.nextLong(7);
            assertThat(v).isBetween(0L, 6L);
            hits[(int)v]++;
        }
        for (final int h : hits)
        {
            assertThat(h).isBetween(800, 1200);
        }
    }
}
