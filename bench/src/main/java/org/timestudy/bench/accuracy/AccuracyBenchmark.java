package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.classify.Classifier;
import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.OnlineChangeDetector;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.PopulationMix;
import org.timestudy.testbed.truth.ConfusionMatrix;

import java.io.PrintStream;
import java.util.List;

/**
 * The accuracy benchmark of issue 7, way 1: synthetic observation streams of every clock model of the simulated
 * Internet, classified and scored per method, then pooled. The population's class mix is balanced (every model
 * equally often, 15% of addresses changing behaviour once) so every class has support; response behaviours follow
 * the default mix, so status tags are exercised too.
 */
public final class AccuracyBenchmark
{
    /** First address of the benchmark's population: 198.18.0.0, the lab's internet side. */
    public static final int FIRST_ADDRESS = 0xC612_0000;
    /** Fewest points for a series to be scored in the confusion matrix (issue 7: "with ≥ 10 samples"). */
    public static final int MIN_POINTS = 10;

    /**
     * What to run.
     *
     * @param seriesPerMethod series per method.
     * @param populationSeed  seed of the population (truth).
     * @param observationSeed seed of the observation noise.
     * @param methods         methods to run.
     * @param changeShare     share of addresses that change behaviour once.
     */
    public record Settings(
        int seriesPerMethod, long populationSeed, long observationSeed, List<Method> methods, double changeShare)
    {
        /**
         * @param quick true for the under-a-minute run.
         * @return the default settings.
         */
        public static Settings defaults(final boolean quick)
        {
            return new Settings(quick ? 1500 : 10_000, 20_260_101L, 7L, List.of(Method.values()), 0.15);
        }
    }

    /**
     * The outcome.
     *
     * @param pooled           the confusion matrix over all methods.
     * @param syncedViolations SYNCED series labelled other than SYNCED or INSUFFICIENT.
     */
    public record Result(ConfusionMatrix pooled, long syncedViolations)
    {
        /**
         * @return macro-F1 over all methods.
         */
        public double macroF1()
        {
            return pooled.macroF1();
        }
    }

    private AccuracyBenchmark()
    {
    }

    /**
     * @param settings what to run.
     * @return the benchmark's population.
     */
    public static Population population(final Settings settings)
    {
        return Population.of(settings.populationSeed(),
            new PopulationMix().balancedClasses().changeShare(settings.changeShare()));
    }

    /**
     * Runs way 1 and prints every scorecard, the pooled matrix and, last, {@code macro-F1 <value>}.
     *
     * @param settings what to run.
     * @param out      where to print.
     * @return the outcome.
     */
    public static Result run(final Settings settings, final PrintStream out)
    {
        final long startNs = System.nanoTime();
        final Population population = population(settings);
        final ClassifierConfig config = new ClassifierConfig();
        out.printf("accuracy benchmark: %d series per method, population seed %d (balanced classes, %.0f%% " +
            "changing once), observation seed %d%n", settings.seriesPerMethod(), settings.populationSeed(),
            100 * settings.changeShare(), settings.observationSeed());
        out.printf("survey: every 1-24 h (log-uniform, jittered +-20%%), 12-168 scheduled samples over 4-28 days, " +
            "0-30%% missing, NTP bursts of 1-4, classifier defaults (N >= %d, span >= %d h)%n",
            config.minSamples(), config.minSpanNs() / 3_600_000_000_000L);
        printDefaultMix(out);

        final Classifier classifier = new Classifier(config);
        final SeriesBuffer buffer = new SeriesBuffer(256);
        final SyntheticObserver observer = SyntheticObserver.survey(population, settings.observationSeed());
        final ConfusionMatrix pooled = new ConfusionMatrix();
        long syncedViolations = 0;
        for (final Method method : settings.methods())
        {
            final Scorecard card = new Scorecard("way 1 (synthetic streams), " + method.label(), population,
                MIN_POINTS, new OnlineChangeDetector(config.kalmanRandomWalk(), config.kalmanFrequencySigma(),
                config.cusumDrift(), config.cusumThreshold()));
            card.score(new SyntheticSource(observer, method, FIRST_ADDRESS, settings.seriesPerMethod()), classifier,
                buffer);
            card.print(out);
            pooled.addAll(card.matrix());
            syncedViolations += card.syncedViolations();
        }
        out.println("== way 2 (lab scans of the simulated Internet and the faketime'd servers): run it with " +
            "bench accuracy --lab (root)");
        out.println("== pooled over methods (way 1)");
        pooled.print(out, "   ");
        out.printf("   SYNCED labelled other than SYNCED/INSUFFICIENT: %d; %d series scored in %.1f s%n",
            syncedViolations, pooled.total(), (System.nanoTime() - startNs) / 1e9);
        out.printf("macro-F1 %.4f%n", pooled.macroF1());
        return new Result(pooled, syncedViolations);
    }

    private static void printDefaultMix(final PrintStream out)
    {
        final Population defaults = Population.of(1, new PopulationMix());
        final long epoch = defaults.mix().epochNs();
        final int n = 100_000;
        int within = 0;
        int synced = 0;
        for (int i = 0; i < n; i++)
        {
            if (Math.abs(defaults.offsetNs(FIRST_ADDRESS + i, epoch, 0)) <= 10_000_000_000L)
            {
                within++;
            }
            if (defaults.clockClass(FIRST_ADDRESS + i) == ClockClass.SYNCED)
            {
                synced++;
            }
        }
        out.printf("default population mix (not the benchmark's): %.1f%% synced, %.1f%% within 10 s at the epoch " +
            "(Buchholz & Tjaden 2007: ~74%%)%n", 100.0 * synced / n, 100.0 * within / n);
    }
}
