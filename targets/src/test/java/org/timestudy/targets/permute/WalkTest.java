package org.timestudy.targets.permute;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.blocklist.DefaultBlocklist;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkTest
{
    @Test
    void shouldVisitEveryTargetOnceWhenUnsharded()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(
            AddressRange.parse("192.0.2.0/24"), AddressRange.parse("198.51.100.0/25")), 123, 80);
        final Walk walk = ScanOrder.of(space, 99).walk(0, 1);
        final BitSet seen = new BitSet();
        int n = 0;
        while (walk.next())
        {
            final long i = walk.targetIndex();
            assertThat(seen.get((int)i)).isFalse();
            seen.set((int)i);
            assertThat(walk.address()).isEqualTo(space.addressOf(i));
            assertThat(walk.port()).isEqualTo(space.portOf(i));
            n++;
        }
        assertThat(n).isEqualTo(384 * 2);
        assertThat(walk.isDone()).isTrue();
        assertThat(walk.next()).isFalse();
        assertThat(walk.position()).isEqualTo(walk.steps()).isEqualTo(CyclicGroup.forTargets(768).order());
    }

    @Test
    void shouldFollowThePowersOfTheGeneratorForTheIpv4Group()
    {
        checkAgainstBigInteger(TargetSpace.of(AddressSet.of(AddressRange.ALL).minus(DefaultBlocklist.list().ipv4()),
            123), 5, 3, 2, 1);
    }

    @Test
    void shouldFollowThePowersOfTheGeneratorForTheLargestGroup()
    {
        final int[] ports = new int[65536];
        for (int i = 0; i < ports.length; i++)
        {
            ports[i] = i;
        }
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.ALL), ports);
        assertThat(space.size()).isEqualTo(CyclicGroup.MAX_TARGETS);
        checkAgainstBigInteger(space, -77, 7, 6, 3);
    }

    @Test
    void shouldContinueIdenticallyWhenResumedAtASavedPosition()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.parse("10.0.0.0/20")), 123);
        final ScanOrder order = ScanOrder.of(space, 1234, 3, 1, 0);
        final Walk a = order.walk(1, 2);
        for (int i = 0; i < 100; i++)
        {
            assertThat(a.next()).isTrue();
        }
        final Walk b = order.walk(1, 2, a.position(), a.produced());
        while (a.next())
        {
            assertThat(b.next()).isTrue();
            assertThat(b.address()).isEqualTo(a.address());
        }
        assertThat(b.next()).isFalse();
    }

    @Test
    void shouldFillBatchesUntilTheEnd()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.parse("192.0.2.0/24")), 123);
        final Walk walk = ScanOrder.of(space, 5).walk(0, 1);
        final int[] addresses = new int[100];
        final int[] ports = new int[100];
        assertThat(walk.next(addresses, ports, 100)).isEqualTo(100);
        assertThat(walk.next(addresses, ports, 100)).isEqualTo(100);
        assertThat(walk.next(addresses, ports, 100)).isEqualTo(56);
        assertThat(walk.next(addresses, ports, 100)).isZero();
        assertThat(ports[0]).isEqualTo(123);
    }

    @Test
    void shouldStopAtItsShareOfMaxTargets()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.parse("10.0.0.0/16")), 123);
        long total = 0;
        for (int shard = 0; shard < 3; shard++)
        {
            final ScanOrder order = ScanOrder.of(space, 8, 3, shard, 1001);
            for (int t = 0; t < 4; t++)
            {
                final Walk w = order.walk(t, 4);
                while (w.next())
                {
                    total++;
                }
                assertThat(w.produced()).isEqualTo(order.limitOf(t, 4));
            }
        }
        assertThat(total).isEqualTo(1001);
        assertThat(ScanOrder.parseMaxTargets("10%", 65536)).isEqualTo(6553);
        assertThat(ScanOrder.parseMaxTargets("1,000", 65536)).isEqualTo(1000);
        assertThatThrownBy(() -> ScanOrder.parseMaxTargets("ten", 1)).isInstanceOf(TargetInputException.class);
        assertThatThrownBy(() -> ScanOrder.parseMaxTargets("0%", 1)).isInstanceOf(TargetInputException.class);
    }

    @Test
    void shouldRefuseBadShardsThreadsAndPositions()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.parse("192.0.2.0/24")), 123);
        assertThatThrownBy(() -> ScanOrder.of(space, 1, 2, 2, 0)).isInstanceOf(TargetInputException.class);
        assertThatThrownBy(() -> ScanOrder.of(space, 1, 0, 0, 0)).isInstanceOf(TargetInputException.class);
        assertThatThrownBy(() -> ScanOrder.of(space, 1).walk(1, 1)).isInstanceOf(TargetInputException.class);
        assertThatThrownBy(() -> ScanOrder.of(space, 1).walk(0, 1, 10_000, 0))
            .isInstanceOf(TargetInputException.class).hasMessageContaining("outside this walk");
        assertThatThrownBy(() -> ScanOrder.of(TargetSpace.of(AddressSet.EMPTY, 1), 1))
            .isInstanceOf(TargetInputException.class);
    }

    @Test
    void shouldGiveTheSameOrderForTheSameSeedAndAnotherForAnother()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.parse("10.0.0.0/8")), 123);
        assertThat(first(space, 42, 20)).isEqualTo(first(space, 42, 20)).isNotEqualTo(first(space, 43, 20));
    }

    @Test
    void shouldNotAllocateWhenWalking()
    {
        final TargetSpace space = TargetSpace.of(AddressSet.of(AddressRange.ALL).minus(DefaultBlocklist.list().ipv4()),
            123);
        final Walk walk = ScanOrder.of(space, 3).walk(0, 1);
        long sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            walk.next();
            sink += walk.address();
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long id = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 5_000_000; i++)
        {
            walk.next();
            sink += walk.address();
        }
        final long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated by 5M next() calls (sink %d)", sink).isLessThan(4096);
    }

    private static List<Integer> first(final TargetSpace space, final long seed, final int n)
    {
        final Walk w = ScanOrder.of(space, seed).walk(0, 1);
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n && w.next(); i++)
        {
            out.add(w.address());
        }
        return out;
    }

    /** The walk's targets must be exactly the elements g^(offset + shard + N t + N T j) - 1 below the space size. */
    private static void checkAgainstBigInteger(
        final TargetSpace space, final long seed, final int shards, final int threads, final int shardThread)
    {
        final int shard = shards - 1;
        final ScanOrder order = ScanOrder.of(space, seed, shards, shard, 0);
        final Walk walk = order.walk(shardThread, threads);
        final BigInteger p = BigInteger.valueOf(order.group().prime());
        final BigInteger g = BigInteger.valueOf(order.generator());
        long k = order.offset() + shard + (long)shards * shardThread;
        int checked = 0;
        while (checked < 20_000)
        {
            final long element = g.modPow(BigInteger.valueOf(k % order.group().order()), p).longValue();
            k += (long)shards * threads;
            if (element - 1 < space.size())
            {
                assertThat(walk.next()).isTrue();
                assertThat(walk.targetIndex()).isEqualTo(element - 1);
                checked++;
            }
        }
    }
}
