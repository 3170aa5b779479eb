package org.timestudy.targets.permute;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CyclicGroupTest
{
    @Test
    void shouldTabulateTheSmallestPrimeAboveEachPowerOfTwoWithTheFactorsOfItsOrder()
    {
        for (int k = 1; k <= CyclicGroup.MAX_EXPONENT; k++)
        {
            final CyclicGroup g = CyclicGroup.ofExponent(k);
            final BigInteger p = BigInteger.valueOf(g.prime());
            assertThat(p.isProbablePrime(64)).as("p for k=%d", k).isTrue();
            assertThat(BigInteger.ONE.shiftLeft(k).nextProbablePrime()).as("smallest prime above 2^%d", k)
                .isEqualTo(p);
            BigInteger rest = p.subtract(BigInteger.ONE);
            for (final long q : g.orderFactors())
            {
                final BigInteger bq = BigInteger.valueOf(q);
                assertThat(bq.isProbablePrime(64)).as("factor %d of p-1 for k=%d", q, k).isTrue();
                assertThat(rest.mod(bq)).as("%d divides p-1 for k=%d", q, k).isEqualTo(BigInteger.ZERO);
                while (rest.mod(bq).signum() == 0)
                {
                    rest = rest.divide(bq);
                }
            }
            assertThat(rest).as("p-1 fully factored for k=%d", k).isEqualTo(BigInteger.ONE);
        }
    }

    @Test
    void shouldUseTwoToThe32Plus15ForTheIpv4Space()
    {
        assertThat(CyclicGroup.forTargets(3_702_258_432L).prime()).isEqualTo(4_294_967_311L);
        assertThat(CyclicGroup.forTargets(1L << 32).prime()).isEqualTo(4_294_967_311L);
        assertThat(CyclicGroup.forTargets((1L << 32) + 1).prime()).isEqualTo((1L << 33) + 17);
        assertThat(CyclicGroup.forTargets(1).prime()).isEqualTo(3);
        assertThat(CyclicGroup.forTargets(1000).prime()).isEqualTo(1031);
        assertThatThrownBy(() -> CyclicGroup.forTargets(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CyclicGroup.forTargets(CyclicGroup.MAX_TARGETS + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRecognisePrimitiveRootsAsABruteForceOrderCountDoes()
    {
        for (int k = 1; k <= 12; k++)
        {
            final CyclicGroup group = CyclicGroup.ofExponent(k);
            final long p = group.prime();
            for (long g = 1; g < p; g++)
            {
                long x = g;
                long order = 1;
                while (x != 1)
                {
                    x = x * g % p;
                    order++;
                }
                assertThat(group.isPrimitiveRoot(g)).as("g=%d mod %d", g, p).isEqualTo(order == p - 1);
            }
        }
    }

    @Test
    void shouldDrawTheSamePrimitiveRootFromTheSameSeed()
    {
        final CyclicGroup group = CyclicGroup.ofExponent(32);
        final long a = group.randomPrimitiveRoot(new SeedStream(42));
        final long b = group.randomPrimitiveRoot(new SeedStream(42));
        final long c = group.randomPrimitiveRoot(new SeedStream(43));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(group.isPrimitiveRoot(a)).isTrue();
    }
}
