package org.timestudy.bench.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.ntp.NtpTime;

import java.util.concurrent.TimeUnit;

/**
 * NTP arithmetic: offset and delay from T1..T4 (two conversions from Unix ns and the integer differences).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NtpArithmeticBench
{
    private long t1 = 1_795_000_000_000_000_000L;
    private final long t2 = NtpTime.fromEpochNs(1_795_000_037_000_000_000L);
    private final long t3 = t2 + 4_294_967L;

    /**
     * @return offset plus delay, seconds.
     */
    @Benchmark
    public double offsetAndDelay()
    {
        final long a = t1++;
        final long b = a + 2_000_000;
        return NtpTime.offsetSecondsFromEpochNs(a, t2, t3, b) + NtpTime.delaySecondsFromEpochNs(a, t2, t3, b);
    }
}
