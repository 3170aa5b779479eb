package org.timestudy.engine.send;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limiter against a simulated clock: exact token accounting, no burst after a stall, no unthrottled state.
 */
class RateLimiterTest
{
    @ParameterizedTest
    @ValueSource(doubles = {1, 3.5, 10, 1_000, 99_999, 250_000, 1_000_000, 5_000_000})
    void shouldSendWithinOnePercentOfTheRateInEveryTenSecondWindow(final double rate)
    {
        final long step = Math.max(1_000, (long)(1e9 / rate / 3));
        long now = 1_000_000_000L;
        final RateLimiter limiter = new RateLimiter(rate, 64, now);
        final long windowNs = 10_000_000_000L;
        for (int window = 0; window < 3; window++)
        {
            final long end = now + windowNs;
            long sent = 0;
            while (now < end)
            {
                final int n = limiter.available(now);
                limiter.sent(n);
                sent += n;
                now += step;
            }
            final double expected = rate * 10;
            assertThat((double)sent).as("window %d at %.1f pps", window, rate)
                .isBetween(expected * 0.99 - 1, expected * 1.01 + 1);
        }
    }

    @Test
    void shouldMakeUpForAShortStallButNotForALongOne()
    {
        long now = 0;
        final RateLimiter limiter = new RateLimiter(1_000, 64, 1_000_000_000L, now);
        // A 200 ms stall: the 200 frames missed are sent in batches of 64.
        now += 200_000_000L;
        long caughtUp = 0;
        for (int n; (n = limiter.available(now)) > 0; )
        {
            assertThat(n).isLessThanOrEqualTo(64);
            limiter.sent(n);
            caughtUp += n;
        }
        assertThat(caughtUp).isEqualTo(200);
        // A 60 s stall: at most one second (1000 frames) is made up for.
        now += 60_000_000_000L;
        long burst = 0;
        for (int n; (n = limiter.available(now)) > 0; )
        {
            limiter.sent(n);
            burst += n;
        }
        assertThat(burst).isEqualTo(1_000);
        assertThat(limiter.available(now + 1_000_000)).isEqualTo(1);
    }

    @Test
    void shouldPauseRatherThanRunUnthrottledWhenTheRateIsZeroOrNegative()
    {
        final RateLimiter limiter = new RateLimiter(0, 64, 0);
        assertThat(limiter.available(1_000_000_000_000L)).isZero();
        assertThat(limiter.nanosUntilNext(0)).isPositive();
        limiter.rate(-5, 0);
        assertThat(limiter.available(1_000_000_000_000L)).isZero();
        assertThatThrownBy(() -> limiter.rate(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldApplyARateChangeFromNowOn()
    {
        long now = 0;
        final RateLimiter limiter = new RateLimiter(100, 64, now);
        now += 1_000_000_000L;
        limiter.sent(limiter.available(now));
        limiter.rate(105, now);
        long sent = 0;
        for (int i = 0; i < 10_000; i++)
        {
            now += 1_000_000;
            final int n = limiter.available(now);
            limiter.sent(n);
            sent += n;
        }
        assertThat(sent).isBetween(1049L, 1050L);
    }

    @Test
    void shouldSayWhenTheNextFrameIsDue()
    {
        final RateLimiter limiter = new RateLimiter(10, 64, 0);
        assertThat(limiter.nanosUntilNext(0)).isEqualTo(100_000_000L);
        assertThat(new RateLimiter(RateLimiter.UNLIMITED, 64, 0).available(0)).isEqualTo(64);
    }
}
