package org.timestudy.engine.validate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeCookieTest
{
    private final ProbeCookie cookie = new ProbeCookie(0x1234L, 0x5678L, 99);

    @Test
    void shouldGiveBackTheSequenceNumberOfAnEchoedCookie()
    {
        for (final int seq : new int[] {0, 1, 12345, -1, Integer.MIN_VALUE})
        {
            final long c = cookie.make(0xC6120001, 123, 40000, seq);
            assertThat(cookie.sequenceOf(c, 0xC6120001, 123, 40000)).isEqualTo(seq & 0xFFFF_FFFFL);
        }
    }

    @Test
    void shouldRefuseACookieEchoedFromAnotherAddressOrPort()
    {
        final long c = cookie.make(0xC6120001, 123, 40000, 7);
        assertThat(cookie.sequenceOf(c, 0xC6120002, 123, 40000)).isEqualTo(ProbeCookie.INVALID);
        assertThat(cookie.sequenceOf(c, 0xC6120001, 124, 40000)).isEqualTo(ProbeCookie.INVALID);
        assertThat(cookie.sequenceOf(c, 0xC6120001, 123, 40001)).isEqualTo(ProbeCookie.INVALID);
        assertThat(new ProbeCookie(0x1234L, 0x5679L, 99).sequenceOf(c, 0xC6120001, 123, 40000))
            .isEqualTo(ProbeCookie.INVALID);
    }

    @Test
    void shouldRefuseGuessedCookies()
    {
        final SplittableRandom r = new SplittableRandom(7);
        int accepted = 0;
        for (int i = 0; i < 1_000_000; i++)
        {
            if (cookie.sequenceOf(r.nextLong(), 0xC6120001, 123, 40000) != ProbeCookie.INVALID)
            {
                accepted++;
            }
        }
        // Each guess passes with probability 2^-32: a million guesses almost surely all fail.
        assertThat(accepted).isZero();
    }

    @Test
    void shouldLookRandomOnTheWire()
    {
        // Consecutive sequence numbers to one target must not give consecutive high words.
        final long a = cookie.make(0xC6120001, 123, 40000, 1) >>> 32;
        final long b = cookie.make(0xC6120001, 123, 40001, 2) >>> 32;
        assertThat(Math.abs(a - b)).isGreaterThan(2);
    }
}
