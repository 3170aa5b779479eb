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
 * targets in 13 ranges) and without (2^32 in one range), against a baseline that produces consecutive addresses
 * with no permutation at all. One operation is one target. Run with {@code -prof gc} to see 0 B/op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class WalkBench
{
    /** Targets per benchmark invocation. */
    static final int BATCH = 1024;

    /** Whether the default blocklist is applied. */
    @Param({"default", "none"})
    public String blocklist;

    private ScanOrder order;
    private Walk walk;
    private int counter;

    /** Builds the space and a walk of shard 0 of 1. */
    @Setup
    public void setUp()
    {
        final TargetSpace space = new TargetSpaceBuilder().target("0.0.0.0/0")
            .defaultBlocklist("default".equals(blocklist)).build();
        order = ScanOrder.of(space, 0x7135_7D1EL);
        walk = order.walk(0, 1);
    }

    /**
     * @return a fold of the addresses, so that nothing is optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int walk()
    {
        int fold = 0;
        for (int i = 0; i < BATCH; i++)
        {
            if (!walk.next())
            {
                walk = order.walk(0, 1);
                walk.next();
            }
            fold ^= walk.address() + walk.port();
        }
        return fold;
    }

    /**
     * Baseline: consecutive addresses, the cost of the loop and the fold alone.
     *
     * @return a fold of the addresses.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sequentialBaseline()
    {
        int fold = 0;
        for (int i = 0; i < BATCH; i++)
        {
            fold ^= counter++ + 123;
        }
        return fold;
    }
}
