package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.classify.Classifier;
import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.clock.OnlineChangeDetector;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabLayout;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.LabSurvey;
import org.timestudy.testbed.sim.SimSpec;
import org.timestudy.testbed.truth.LabTruth;
import org.timestudy.testbed.truth.VerdictAgreement;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The accuracy benchmark of issue 7, way 2: a real lab scan. The engine scans the simulated Internet (lab preset:
 * behaviours 1000 times faster) and the real NTP servers on faked clocks in rounds, the journal is compacted and
 * analysed with the lab preset ({@link LabSurvey}), and every NTP series is scored against the lab's truth
 * ({@link LabTruth}): the {@link Scorecard} of way 1 over the same series read back from the dataset
 * ({@link LabSource}), and the verdicts the analysis wrote ({@link VerdictAgreement}), whose last line is
 * {@code agreement with ground truth: <percent>%}. The demo reuses {@link #run(Lab, LabSurvey.Settings, Path,
 * PrintStream)} with its own lab.
 */
public final class LabAccuracy
{
    /** Default lab id of {@code bench accuracy --lab}. */
    public static final String LAB_ID_DEFAULT = "accuracy";

    private LabAccuracy()
    {
    }

    /**
     * The outcome.
     *
     * @param scorecard the scorecard of the series re-read from the dataset.
     * @param agreement the written verdicts against the truth.
     * @param survey    what the survey produced.
     */
    public record Result(Scorecard scorecard, VerdictAgreement agreement, LabSurvey.Result survey)
    {
        /**
         * @return macro-F1 of the scorecard.
         */
        public double macroF1()
        {
            return scorecard.matrix().macroF1();
        }
    }

    /**
     * Brings a lab with the simulated Internet up, runs way 2 in it, and takes it down.
     *
     * @param labId   lab id.
     * @param quick   true for the short run.
     * @param simSeed seed of the simulated population.
     * @param workDir where to keep the journal and the dataset, or null for a temporary directory deleted at the end.
     * @param out     where to print.
     * @return the outcome.
     */
    public static Result run(
        final String labId, final boolean quick, final long simSeed, final Path workDir, final PrintStream out)
    {
        final Path dir;
        try
        {
            dir = workDir != null ? Files.createDirectories(workDir) :
                Files.createTempDirectory("timestudy-lab-accuracy");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        try (Lab lab = Lab.up(labId, false, LabLayout.defaultServers(), LabLayout.defaultCnames(),
            SimSpec.lab(simSeed, LabLayout.SIM_SPACE, Instant.now().toEpochMilli() * 1_000_000L), System.err))
        {
            return run(lab, quick ? LabSurvey.Settings.quick() : LabSurvey.Settings.full(), dir, out);
        }
        finally
        {
            if (workDir == null)
            {
                deleteTree(dir);
            }
        }
    }

    /**
     * Runs way 2 in a lab that is up, and prints the analysis summary, the scorecard, the verdicts against the
     * truth, and last {@code macro-F1 <value>}.
     *
     * @param lab      a lab with the simulated Internet.
     * @param settings how much to scan.
     * @param dir      where the journal and the dataset go.
     * @param out      where to print.
     * @return the outcome.
     */
    public static Result run(final Lab lab, final LabSurvey.Settings settings, final Path dir, final PrintStream out)
    {
        final long startNs = System.nanoTime();
        final LabManifest m = lab.manifest();
        out.printf("accuracy benchmark, way 2 (lab scans): lab %s, simulated Internet %s (mix %s, seed %d, " +
            "timescale %.0f) and %d real NTP servers on faked clocks%n", m.id(), m.simulatedSpace(),
            m.simulation().spec().mix(), m.simulation().spec().seed(), m.simulation().spec().timescale(),
            LabTruth.of(m).servers().size());
        final LabSurvey.Result survey = LabSurvey.run(lab, settings, dir, out);
        final PrintWriter writer = new PrintWriter(out);
        survey.report().summary().print(writer);
        writer.flush();

        final LabTruth truth = LabTruth.of(m);
        final ClassifierConfig config = new ClassifierConfig().labTime();
        final Scorecard card = new Scorecard("way 2 (lab scans, classifier lab preset: span >= 60 s), ntp", truth,
            AccuracyBenchmark.MIN_POINTS, new OnlineChangeDetector(config.kalmanRandomWalk(),
            config.kalmanFrequencySigma(), config.cusumDrift(), config.cusumThreshold())).changeSlackFloorNs(0)
            .changeTimeUnit("seconds", 1_000_000_000L);
        try (LabSource source = new LabSource(survey.dataset(), truth))
        {
            card.score(source, new Classifier(config), new SeriesBuffer(64));
        }
        card.print(out);
        final Map<Integer, String> names = new HashMap<>();
        truth.servers().forEach((address, s) -> names.put(address, s.name()));
        final VerdictAgreement agreement = VerdictAgreement.score(survey.dataset(), truth,
            AccuracyBenchmark.MIN_POINTS, names);
        agreement.print(out);
        out.printf("   scan %.0f s, whole run %.0f s; SYNCED labelled other than SYNCED/INSUFFICIENT: %d%n",
            survey.scanNs() / 1e9, (System.nanoTime() - startNs) / 1e9, card.syncedViolations());
        out.printf("macro-F1 %.4f%n", card.matrix().macroF1());
        return new Result(card, agreement, survey);
    }

    private static void deleteTree(final Path root)
    {
        try (Stream<Path> s = Files.walk(root))
        {
            for (final Path p : (Iterable<Path>)s.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
