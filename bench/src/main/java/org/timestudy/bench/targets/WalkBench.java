package org.timestudy.bench.targets;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.TargetSpaceBuilder;
import org.timestudy.targets.permute.ScanOrder;
import org.timestudy.targets.permute.Walk;

import java.util.concurrent.TimeUnit;

/**
 * Targets per second of one sender thread's walk over the IPv4 space, with the default blocklist (3,702,258,432
 * targets in 13 ranges) and without (2^32 in one range). Baseline: the textbook step of the same group,
 * {@code x = x * 3 % p} with p = 2^32 + 15 held in a field (a hardware division per step, no blocklist, no index
 * mapping). One operation is one target. Run with {@code -prof gc} to see 0 B/op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class WalkBench
{
    /** Targets per benchmark invocation. */
    static final int BATCH = 1024;

    /** A walk of shard 0 of 1 over 0.0.0.0/0. */
    @State(Scope.Thread)
    public static class Space
    {
        /** Whether the default blocklist is applied. */
        @Param({"default", "none"})
        public String blocklist;

        ScanOrder order;
        Walk walk;

        /** Builds the space and the walk. */
        @Setup
        public void setUp()
        {
            final TargetSpace space = new TargetSpaceBuilder().target("0.0.0.0/0")
                .defaultBlocklist("default".equals(blocklist)).build();
            order = ScanOrder.of(space, 0x7135_7D1EL);
            walk = order.walk(0, 1);
        }
    }

    /** The baseline's state. */
    @State(Scope.Thread)
    public static class Group
    {
        /** The IPv4 group's prime, in a field so that the JIT cannot turn the division into a multiplication. */
        long prime = 4_294_967_311L;
        long element = 1;
    }

    /**
     * @param s the walk.
     * @return a fold of the targets, so that nothing is optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int walk(final Space s)
    {
        int fold = 0;
        Walk walk = s.walk;
        for (int i = 0; i < BATCH; i++)
        {
            if (!walk.next())
            {
                walk = s.order.walk(0, 1);
                s.walk = walk;
                walk.next();
            }
            fold ^= walk.address() + walk.port();
        }
        return fold;
    }

    /**
     * Baseline: one modular multiplication by a small primitive root (3) with a hardware division per step, skipping
     * the elements above 2^32, as a plain implementation of zmap's walk without a blocklist would.
     *
     * @param g the group state.
     * @return a fold of the addresses.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int divisionBaseline(final Group g)
    {
        int fold = 0;
        long x = g.element;
        final long p = g.prime;
        for (int i = 0; i < BATCH; i++)
        {
            do
            {
                x = x * 3 % p;
            }
            while (x > 1L << 32);
            fold ^= (int)(x - 1) + 123;
        }
        g.element = x;
        return fold;
    }
}
