package org.timestudy.targets.permute;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressSet;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once coverage over many small spaces, seeds, shard counts and per-shard thread counts.
 */
class ShardCoverageTest
{
    @Property(tries = 400)
    void shouldVisitEveryTargetExactlyOnceOverAllShardsAndThreads(
        @ForAll("spaces") final TargetSpace space,
        @ForAll final long seed,
        @ForAll @Size(min = 1, max = 6) final List<@IntRange(min = 1, max = 5) Integer> threadsPerShard)
    {
        final int shards = threadsPerShard.size();
        final BitSet seen = new BitSet();
        long visits = 0;
        for (int shard = 0; shard < shards; shard++)
        {
            final ScanOrder order = ScanOrder.of(space, seed, shards, shard, 0);
            final int threads = threadsPerShard.get(shard);
            for (int t = 0; t < threads; t++)
            {
                final Walk walk = order.walk(t, threads);
                while (walk.next())
                {
                    final int i = Math.toIntExact(walk.targetIndex());
                    assertThat(seen.get(i)).as("target %d visited twice", i).isFalse();
                    seen.set(i);
                    assertThat(walk.address()).isEqualTo(space.addressOf(i));
                    assertThat(walk.port()).isEqualTo(space.portOf(i));
                    visits++;
                }
            }
        }
        assertThat(visits).isEqualTo(space.size());
        assertThat(seen.cardinality()).isEqualTo((int)space.size());
    }

    @Property(tries = 200)
    void shouldSplitMaxTargetsWithoutOverlap(
        @ForAll("spaces") final TargetSpace space,
        @ForAll final long seed,
        @ForAll @IntRange(min = 1, max = 4) final int shards,
        @ForAll @IntRange(min = 1, max = 4) final int threads,
        @ForAll @LongRange(min = 1, max = 5000) final long max)
    {
        final BitSet seen = new BitSet();
        long produced = 0;
        long expected = 0;
        for (int shard = 0; shard < shards; shard++)
        {
            final ScanOrder limited = ScanOrder.of(space, seed, shards, shard, max);
            final ScanOrder unlimited = ScanOrder.of(space, seed, shards, shard, 0);
            for (int t = 0; t < threads; t++)
            {
                final Walk all = unlimited.walk(t, threads);
                long available = 0;
                while (all.next())
                {
                    available++;
                }
                expected += Math.min(available, limited.limitOf(t, threads));
                final Walk walk = limited.walk(t, threads);
                while (walk.next())
                {
                    final int i = Math.toIntExact(walk.targetIndex());
                    assertThat(seen.get(i)).isFalse();
                    seen.set(i);
                    produced++;
                }
            }
        }
        assertThat(produced).isEqualTo(expected).isLessThanOrEqualTo(max);
        if (max <= space.size() && max % ((long)shards * threads) == 0 &&
            max / ((long)shards * threads) * 4 <= space.size() / ((long)shards * threads))
        {
            assertThat(produced).isEqualTo(max);
        }
    }

    @Property(tries = 200)
    void shouldResumeWhereAWalkWasCutOff(
        @ForAll("spaces") final TargetSpace space,
        @ForAll final long seed,
        @ForAll @IntRange(min = 1, max = 3) final int threads,
        @ForAll @IntRange(min = 0, max = 3000) final int cutAfter)
    {
        final ScanOrder order = ScanOrder.of(space, seed, 2, 1, 0);
        final int thread = threads - 1;
        final Walk original = order.walk(thread, threads);
        for (int i = 0; i < cutAfter && original.next(); i++)
        {
            assertThat(original.targetIndex()).isNotNegative();
        }
        final Walk resumed = order.walk(thread, threads, original.position(), original.produced());
        while (original.next())
        {
            assertThat(resumed.next()).isTrue();
            assertThat(resumed.targetIndex()).isEqualTo(original.targetIndex());
        }
        assertThat(resumed.next()).isFalse();
    }

    @Provide
    Arbitrary<TargetSpace> spaces()
    {
        final Arbitrary<int[]> range = Combinators.combine(
            Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 300))
            .as((start, length) -> new int[] {start, start + length});
        final Arbitrary<List<int[]>> ranges = range.list().ofMinSize(1).ofMaxSize(8);
        final Arbitrary<Integer> base = Arbitraries.of(0, 0x7FF0_0000, 0xFFE0_0000);
        final Arbitrary<int[]> ports = Arbitraries.integers().between(1, 3).map(n ->
        {
            final int[] p = new int[n];
            for (int i = 0; i < n; i++)
            {
                p[i] = 100 + i;
            }
            return p;
        });
        return Combinators.combine(ranges, base, ports).as((rs, b, ps) ->
        {
            final AddressSet.Builder builder = AddressSet.builder();
            for (final int[] r : rs)
            {
                builder.add(b + r[0], b + r[1]);
            }
            return TargetSpace.of(builder.build(), ps);
        });
    }
}
