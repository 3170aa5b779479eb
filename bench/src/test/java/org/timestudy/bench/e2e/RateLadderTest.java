package org.timestudy.bench.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLadderTest
{
    @Test
    void shouldParseRatesWithKSuffixAndMax()
    {
        assertThat(RateLadder.parse("50k, 100000,max")).containsExactly(50_000.0, 100_000.0,
            Double.POSITIVE_INFINITY);
        assertThat(RateLadder.parse(RateLadder.DEFAULT)).hasSize(5);
    }

    @Test
    void shouldRefuseWhatIsNotARate()
    {
        assertThatThrownBy(() -> RateLadder.parse("fast")).hasMessageContaining("not a rate");
        assertThatThrownBy(() -> RateLadder.parse("0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RateLadder.parse("-5k")).hasMessageContaining("at least 1");
    }

    @Test
    void shouldLabelRatesAsTheLadderNamesThem()
    {
        assertThat(RateLadder.label(50_000)).isEqualTo("50k");
        assertThat(RateLadder.label(1500)).isEqualTo("1500");
        assertThat(RateLadder.label(Double.POSITIVE_INFINITY)).isEqualTo("max");
    }
}
