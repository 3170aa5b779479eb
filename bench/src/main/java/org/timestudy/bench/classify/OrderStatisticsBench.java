package org.timestudy.bench.classify;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.analyzer.clock.OrderStatistics;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Medians per second of the analyzer's {@link OrderStatistics} on the sizes the classifier takes them of, against
 * {@code Arrays.sort} in the same run. Every operation first copies one of 1024 pre-generated arrays into the scratch
 * array (the same copy for every method), since a median reorders its input. (Commit 903ad24 also kept the previous
 * quickselect here as a baseline; analyzer/README.md quotes that comparison.)
 * <pre>
 *   java -cp ... org.timestudy.bench.JmhRunner OrderStatisticsBench [JMH options, e.g. -p n=168]
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OrderStatisticsBench
{
    private static final int ARRAYS = 1024;

    /** Values per median. */
    @Param({"24", "48", "168"})
    public int n;

    /** "normal": standard normal values (longs: in ns of a 1 ms spread); "ties": the same rounded to quarters. */
    @Param({"normal", "ties"})
    public String values;

    private final double[][] doubles = new double[ARRAYS][];
    private final long[][] longs = new long[ARRAYS][];
    private double[] doubleScratch;
    private long[] longScratch;
    private int next;

    /**
     * Generates the arrays.
     */
    @Setup
    public void setUp()
    {
        final Random random = new Random(7);
        final boolean ties = "ties".equals(values);
        for (int i = 0; i < ARRAYS; i++)
        {
            doubles[i] = new double[n];
            longs[i] = new long[n];
            for (int j = 0; j < n; j++)
            {
                final double g = random.nextGaussian();
                doubles[i][j] = ties ? Math.rint(g * 4) * 0.25 : g;
                longs[i][j] = ties ? Math.round(g * 4) * 250_000L : Math.round(g * 1e6);
            }
        }
        doubleScratch = new double[n];
        longScratch = new long[n];
    }

    /**
     * @return the median of the next array of doubles.
     */
    @Benchmark
    public double median()
    {
        System.arraycopy(doubles[next++ & (ARRAYS - 1)], 0, doubleScratch, 0, n);
        return OrderStatistics.median(doubleScratch, 0, n);
    }

    /**
     * @return the median of the next array of doubles by sorting it.
     */
    @Benchmark
    public double sortMedian()
    {
        System.arraycopy(doubles[next++ & (ARRAYS - 1)], 0, doubleScratch, 0, n);
        Arrays.sort(doubleScratch, 0, n);
        final double lower = doubleScratch[(n - 1) >> 1];
        return lower + (doubleScratch[n >> 1] - lower) * 0.5;
    }

    /**
     * @return the lower median of the next array of longs.
     */
    @Benchmark
    public long medianLong()
    {
        System.arraycopy(longs[next++ & (ARRAYS - 1)], 0, longScratch, 0, n);
        return OrderStatistics.median(longScratch, 0, n);
    }

    /**
     * @return the lower median of the next array of longs by sorting it.
     */
    @Benchmark
    public long sortMedianLong()
    {
        System.arraycopy(longs[next++ & (ARRAYS - 1)], 0, longScratch, 0, n);
        Arrays.sort(longScratch, 0, n);
        return longScratch[(n - 1) >> 1];
    }
}
