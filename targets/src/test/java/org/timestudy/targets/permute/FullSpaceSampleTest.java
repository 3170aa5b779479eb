package org.timestudy.targets.permute;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.blocklist.DefaultBlocklist;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once over the whole IPv4 space with the default blocklist, checked on samples: the walk cannot be run to
 * its end in a unit test, but the discrete logarithm of a target's group element (Pohlig-Hellman: 2^32 + 14 =
 * 2 * 3^2 * 5 * 131 * 364289) says at which step of the whole scan it comes, hence the one shard, thread and
 * position that must produce it.
 */
class FullSpaceSampleTest
{
    private static final int SHARDS = 5;
    private static final int[] THREADS = {3, 1, 4, 2, 3};
    private static final int SAMPLES = 3000;

    private final TargetSpace space = TargetSpace.of(
        AddressSet.of(AddressRange.ALL).minus(DefaultBlocklist.list().ipv4()), 123);
    private final ScanOrder[] orders = new ScanOrder[SHARDS];
    private DiscreteLog log;

    @Test
    void shouldProduceEachSampledTargetAtTheOneShardThreadAndPositionItsStepGives()
    {
        assertThat(space.size()).isEqualTo(DefaultBlocklist.ALLOWED_IPV4);
        for (int s = 0; s < SHARDS; s++)
        {
            orders[s] = ScanOrder.of(space, 0x5EED, SHARDS, s, 0);
        }
        final long p = orders[0].group().prime();
        assertThat(p).isEqualTo(4_294_967_311L);
        log = new DiscreteLog(p, orders[0].generator());
        final long order = p - 1;

        long totalSteps = 0;
        for (int s = 0; s < SHARDS; s++)
        {
            for (int t = 0; t < THREADS[s]; t++)
            {
                totalSteps += orders[s].walk(t, THREADS[s]).steps();
            }
        }
        assertThat(totalSteps).as("every step of the group belongs to one subshard").isEqualTo(order);

        final SeedStream random = new SeedStream(2026);
        for (int i = 0; i < SAMPLES; i++)
        {
            final long target = random.nextLong(space.size());
            final long k = Math.floorMod(log.of(target + 1) - orders[0].offset(), order);
            final int shard = (int)(k % SHARDS);
            final long m = k / SHARDS;
            final int threads = THREADS[shard];
            final int thread = (int)(m % threads);
            final long position = m / threads;
            final Walk walk = orders[shard].walk(thread, threads, position, 0);
            assertThat(walk.next()).isTrue();
            assertThat(walk.targetIndex()).as("target %d at shard %d thread %d step %d", target, shard, thread,
                position).isEqualTo(target);
            assertThat(walk.address()).isEqualTo(space.addressOf(target));
            assertThat(walk.position()).isEqualTo(position + 1);
        }
    }

    @Test
    void shouldMapSampledPositionsBackToTheirStep()
    {
        final ScanOrder o = ScanOrder.of(space, 77, 3, 2, 0);
        final DiscreteLog dlog = new DiscreteLog(o.group().prime(), o.generator());
        final SeedStream random = new SeedStream(5);
        for (int i = 0; i < 300; i++)
        {
            final long position = random.nextLong(o.walk(1, 2).steps() - 10);
            final Walk walk = o.walk(1, 2, position, 0);
            assertThat(walk.next()).isTrue();
            final long stepsSkipped = walk.position() - position - 1;
            final long k = Math.floorMod(dlog.of(walk.targetIndex() + 1) - o.offset(), o.group().order());
            assertThat(k).isEqualTo(2 + 3L * 1 + 6L * (position + stepsSkipped));
        }
    }

    /** Pohlig-Hellman with baby-step giant-step in each prime-order subgroup, for 2^32 + 15. */
    private static final class DiscreteLog
    {
        private static final long[] PRIMES = {2, 3, 5, 131, 364289};
        private static final int[] POWERS = {1, 2, 1, 1, 1};
        private final BigInteger p;
        private final BigInteger g;
        private final long order;
        private final Map<Long, Map<Long, Long>> babySteps = new HashMap<>();

        DiscreteLog(final long p, final long g)
        {
            this.p = BigInteger.valueOf(p);
            this.g = BigInteger.valueOf(g);
            this.order = p - 1;
            long product = 1;
            for (int i = 0; i < PRIMES.length; i++)
            {
                product *= (long)Math.pow(PRIMES[i], POWERS[i]);
            }
            assertThat(product).isEqualTo(order);
        }

        long of(final long element)
        {
            final BigInteger h = BigInteger.valueOf(element);
            BigInteger x = BigInteger.ZERO;
            BigInteger modulus = BigInteger.ONE;
            for (int i = 0; i < PRIMES.length; i++)
            {
                final long q = PRIMES[i];
                final long qe = (long)Math.pow(q, POWERS[i]);
                final BigInteger gi = g.modPow(BigInteger.valueOf(order / qe), p);
                final BigInteger hi = h.modPow(BigInteger.valueOf(order / qe), p);
                final BigInteger gamma = gi.modPow(BigInteger.valueOf(qe / q), p);
                long xi = 0;
                long qd = 1;
                for (int d = 0; d < POWERS[i]; d++)
                {
                    final BigInteger hk = gi.modPow(BigInteger.valueOf(xi), p).modInverse(p).multiply(hi).mod(p)
                        .modPow(BigInteger.valueOf(qe / q / qd), p);
                    xi += qd * bsgs(gamma, hk, q);
                    qd *= q;
                }
                final BigInteger bqe = BigInteger.valueOf(qe);
                // CRT: x = x mod modulus, x = xi mod qe
                final BigInteger t = BigInteger.valueOf(xi).subtract(x)
                    .multiply(modulus.modInverse(bqe)).mod(bqe);
                x = x.add(modulus.multiply(t));
                modulus = modulus.multiply(bqe);
            }
            final long result = x.mod(modulus).longValue();
            assertThat(g.modPow(BigInteger.valueOf(result), p).longValue()).isEqualTo(element);
            return result;
        }

        private long bsgs(final BigInteger gamma, final BigInteger target, final long q)
        {
            final long m = (long)Math.ceil(Math.sqrt(q));
            final Map<Long, Long> table = babySteps.computeIfAbsent(q, key ->
            {
                final Map<Long, Long> t = new HashMap<>();
                BigInteger e = BigInteger.ONE;
                for (long j = 0; j < m; j++)
                {
                    t.putIfAbsent(e.longValue(), j);
                    e = e.multiply(gamma).mod(p);
                }
                return t;
            });
            final BigInteger giant = gamma.modPow(BigInteger.valueOf(m), p).modInverse(p);
            BigInteger y = target;
            for (long i = 0; i <= m; i++)
            {
                final Long j = table.get(y.longValue());
                if (j != null)
                {
                    return i * m + j;
                }
                y = y.multiply(giant).mod(p);
            }
            throw new AssertionError("no discrete log in the subgroup of order " + q);
        }
    }
}
