package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.clock.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy bench accuracy [--quick]}: the analyzer against ground truth.
 */
@Command(
    name = "accuracy",
    header = "Score the analyzer's classes and estimates against ground truth; last line: macro-F1 <value>.",
    description = {
        "Way 1: synthetic observation streams of every clock model of the simulated Internet (NTP, naive and",
        "boundary-timed HTTP), classified and scored: confusion matrix, macro-F1, offset and rate error",
        "distributions, change-detection delay and false changes.",
        "Way 2 (--lab, root): a lab with the simulated Internet and the real servers on faked clocks, scanned in",
        "rounds by the engine, compacted, analysed with the lab preset and scored against the lab's truth; the",
        "lab is taken down at the end. --quick scans about 80 s, the full run about 4 min."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class AccuracyCommand implements Callable<Integer>
{
    @Option(names = "--quick", description = "Fewer series (1500 per method): under a minute; with --lab, 16 rounds.")
    boolean quick;

    @Option(names = "--lab", description = "Way 2: scan a lab (needs root) instead of synthetic streams.")
    boolean lab;

    @Option(names = "--lab-id", paramLabel = "<id>", description = "Id of the lab --lab brings up and down.",
        defaultValue = LabAccuracy.LAB_ID_DEFAULT)
    String labId;

    @Option(names = "--sim-seed", paramLabel = "<seed>", description = "Seed of the lab's simulated population.",
        defaultValue = "1")
    long simSeed;

    @Option(names = "--work-dir", paramLabel = "<dir>",
        description = "With --lab: keep the journal, dataset and input files here (default: a temporary directory).")
    java.nio.file.Path workDir;

    @Option(names = "--series", paramLabel = "<count>", description = "Series per method (overrides --quick).")
    Integer series;

    @Option(names = "--seed", paramLabel = "<seed>", description = "Population seed.", defaultValue = "20260101")
    long seed;

    @Option(names = "--methods", split = ",", paramLabel = "<method>",
        description = "Methods to run: ${COMPLETION-CANDIDATES}.", defaultValue = "NTP,HTTP_NAIVE,HTTP_BOUNDARY")
    List<Method> methods;

    @Override
    public Integer call()
    {
        if (lab)
        {
            LabAccuracy.run(labId, quick, simSeed, workDir, System.out);
            return 0;
        }
        final AccuracyBenchmark.Settings defaults = AccuracyBenchmark.Settings.defaults(quick);
        final int count = series != null ? series : defaults.seriesPerMethod();
        if (count <= 0)
        {
            throw new IllegalArgumentException("--series must be > 0");
        }
        AccuracyBenchmark.run(new AccuracyBenchmark.Settings(count, seed, defaults.observationSeed(), methods,
            defaults.changeShare()), System.out);
        return 0;
    }
}
