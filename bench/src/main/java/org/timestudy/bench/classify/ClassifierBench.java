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
import org.timestudy.analyzer.classify.Classifier;
import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.classify.Verdict;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.PointSet;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.bench.accuracy.AccuracyBenchmark;
import org.timestudy.bench.accuracy.Observation;
import org.timestudy.bench.accuracy.SyntheticObserver;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.PopulationMix;

import java.util.concurrent.TimeUnit;

/**
 * Classifier throughput in series per second on one thread, over pre-generated series of the simulated
 * Internet: the default mix (mostly synced, as a survey sees it) or a balanced one (every clock model equally). The
 * baseline in the same run is what any analyzer does at least: load the points (burst selection, time order) and
 * take the median offset.
 * <pre>
 *   java -cp ... org.timestudy.bench.JmhRunner ClassifierBench [JMH options, e.g. -p samples=24 -prof gc]
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBench
{
    private static final int SERIES = 1024;
    private static final long HOUR_NS = 3_600_000_000_000L;
    private static final String SURVEY = "survey";

    /**
     * Scheduled samples per series, hourly, spanning at least 26 h; or "survey": the accuracy benchmark's schedule
     * (every 1 to 24 h, 12 to 168 scheduled samples over 4 to 28 days, NTP bursts of 1 to 4, some missing).
     */
    @Param({"24", "48", "168", "survey"})
    public String samples;

    /** Population mix: "default" (a survey's) or "balanced" (every clock model equally). */
    @Param({"default", "balanced"})
    public String mix;

    /** Probe method of every series. */
    @Param({"NTP", "HTTP_NAIVE"})
    public Method method;

    private final SeriesBuffer[] series = new SeriesBuffer[SERIES];
    private final PointSet points = new PointSet();
    private Classifier classifier;
    private int next;

    /**
     * Generates the series.
     */
    @Setup
    public void setUp()
    {
        final PopulationMix populationMix = "balanced".equals(mix) ? new PopulationMix().balancedClasses() :
            new PopulationMix();
        final Population population = Population.of(11, populationMix.allNormal());
        final Observation observation = new Observation();
        final SyntheticObserver observer;
        final int capacity;
        if (SURVEY.equals(samples))
        {
            observer = SyntheticObserver.survey(population, 3);
            capacity = 168 * 4;
        }
        else
        {
            // Hourly, but never shorter than 26 h, so the classifier's 24-h minimum span does not make it trivial.
            final int scheduled = Integer.parseInt(samples);
            final long spanNs = Math.max(scheduled * HOUR_NS, 26 * HOUR_NS);
            final long intervalNs = spanNs / scheduled;
            observer = new SyntheticObserver(population, 3, intervalNs, intervalNs, spanNs, spanNs);
            capacity = scheduled * 4;
        }
        for (int i = 0; i < SERIES; i++)
        {
            series[i] = observer.observe(AccuracyBenchmark.FIRST_ADDRESS + i, method, new SeriesBuffer(capacity),
                observation);
        }
        classifier = new Classifier(new ClassifierConfig());
    }

    /**
     * @return the verdict of the next series.
     */
    @Benchmark
    public Verdict classify()
    {
        return classifier.classify(series[next++ & (SERIES - 1)]);
    }

    /**
     * @return the median offset of the next series.
     */
    @Benchmark
    public long baselineMedianOffset()
    {
        return points.load(series[next++ & (SERIES - 1)], ClassifierConfig.BURST_WINDOW_NS_DEFAULT)
            .referenceOffsetNs();
    }
}
