package org.timestudy.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HttpOffsetTest
{
    private static final long D = 1_764_244_800L;
    private static final long NANOS = 1_000_000_000L;

    @Test
    void shouldBracketTheOffsetBetweenDateMinusT4AndDatePlusOneMinusT1()
    {
        final long t1 = (D - 10) * NANOS + 200_000_000L;
        final long t4 = t1 + 40_000_000L;
        assertThat(HttpOffset.lowNs(D, t4)).isEqualTo(10 * NANOS - 240_000_000L);
        assertThat(HttpOffset.highNs(D, t1)).isEqualTo(11 * NANOS - 200_000_000L);
        assertThat(HttpOffset.naiveSeconds(D, t1, t4)).isCloseTo(10.5 - 0.22, within(1e-12));
        assertThat(HttpOffset.naiveErrorSeconds(t1, t4)).isCloseTo(0.52, within(1e-12));
        assertThat(HttpOffset.middleSeconds(HttpOffset.lowNs(D, t4), HttpOffset.highNs(D, t1)))
            .isCloseTo(HttpOffset.naiveSeconds(D, t1, t4), within(1e-12));
        assertThat(HttpOffset.halfWidthSeconds(HttpOffset.lowNs(D, t4), HttpOffset.highNs(D, t1)))
            .isCloseTo(0.52, within(1e-12));
    }

    @Test
    void shouldHandleNegativeOffsetsAndTimesBefore1970()
    {
        final long t = -5 * NANOS - 1;
        assertThat(HttpOffset.lowNs(-10, t)).isEqualTo(-5 * NANOS + 1);
        assertThat(HttpOffset.naiveSeconds(D - 3600, D * NANOS, D * NANOS)).isCloseTo(-3599.5, within(1e-9));
    }

    @Test
    void shouldSaturateBeyondTheRangeOfNanoseconds()
    {
        final long year9999 = 253_402_300_799L;
        assertThat(HttpOffset.lowNs(year9999, D * NANOS)).isEqualTo(HttpOffset.NONE_HIGH);
        assertThat(HttpOffset.highNs(-year9999, D * NANOS)).isEqualTo(HttpOffset.NONE_LOW);
        assertThat(HttpOffset.known(HttpOffset.NONE_LOW, 5)).isFalse();
        assertThat(HttpOffset.known(6, 5)).isFalse();
        assertThat(HttpOffset.known(4, 5)).isTrue();
        assertThat(HttpOffset.naiveSeconds(year9999, D * NANOS, D * NANOS)).isCloseTo(year9999 - D + 0.5, within(1e-3));
        assertThat(HttpOffset.highNs(Long.MAX_VALUE, 0)).isEqualTo(HttpOffset.NONE_HIGH);
        assertThat(HttpOffset.lowNs(Long.MIN_VALUE, 0)).isEqualTo(HttpOffset.NONE_LOW);
    }
}
