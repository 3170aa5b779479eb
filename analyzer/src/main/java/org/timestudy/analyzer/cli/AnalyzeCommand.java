package org.timestudy.analyzer.cli;

import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.ingest.Analysis;
import org.timestudy.analyzer.ingest.AnalysisManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy analyze DATASET}: per-series verdicts (class, offset, rate, changes, priority) written beside the
 * observations, and a summary printed.
 */
@Command(
    name = "analyze",
    header = "Classify every host's clock in a dataset and write the verdicts beside the observations.",
    description = {
        "Reads the observations series by series (one address and probe type), estimates each clock's offset and " +
        "rate with their uncertainty, classifies its behaviour (SYNCED, OFFSET, DRIFT, RESET+DRIFT, STUCK, " +
        "MULTI-CLOCK, ERRATIC, INSUFFICIENT), finds behaviour changes and gives it a re-measurement priority.",
        "Writes analysis/verdicts, analysis/changes, analysis/components, analysis/name_groups, " +
        "analysis/reference_servers and analysis/method_pairs (Parquet), replacing the previous analysis " +
        "atomically; query them as views of ./timestudy query. Prints counts per class, the offset distribution " +
        "in bands, the worst hosts and the changes.",
        "Lab scans run accelerated behaviours for minutes: give --lab (or --min-span-s and --burst-window-s)."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class AnalyzeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET", defaultValue = "dataset",
        description = "dataset directory written by compact")
    private Path dataset;

    @Option(names = "--lab", description = "lab preset: span >= 60 s instead of 24 h, burst window 1 s, rate " +
        "thresholds 100 times a survey's (the simulated Internet's behaviours run 1000 times faster)")
    private boolean lab;

    @Option(names = "--min-span-s", paramLabel = "S",
        description = "shortest span, in seconds, for a class other than INSUFFICIENT (default 86400; --lab: 60)")
    private Double minSpanS;

    @Option(names = "--min-samples", paramLabel = "N",
        description = "fewest points for a class other than INSUFFICIENT")
    private int minSamples = ClassifierConfig.MIN_SAMPLES_DEFAULT;

    @Option(names = "--burst-window-s", paramLabel = "S",
        description = "samples within this many seconds of a burst's first form one point (default 30; --lab: 1)")
    private Double burstWindowS;

    @Option(names = "--names", paramLabel = "FILE",
        description = "table of ./timestudy targets --resolve: compare the addresses behind each name")
    private Path names;

    @Option(names = "--references", paramLabel = "FILE",
        description = "listed reference servers, 'ADDRESS-OR-NAME STRATUM' a line: which of them are wrong")
    private Path references;

    @Option(names = "--list", paramLabel = "N", description = "worst hosts and latest changes to print")
    private int listed = Analysis.LISTED_DEFAULT;

    @Option(names = "--memory-limit", paramLabel = "SIZE",
        description = "DuckDB's memory for sorting the observations; it spills to disk beyond it")
    private String memoryLimit = Analysis.MEMORY_LIMIT_DEFAULT;

    @Override
    public Integer call()
    {
        final ClassifierConfig config = new ClassifierConfig().minSamples(minSamples);
        if (lab)
        {
            config.labTime();
        }
        if (minSpanS != null)
        {
            config.minSpanNs(nanos(minSpanS, "--min-span-s"));
        }
        if (burstWindowS != null)
        {
            config.burstWindowNs(nanos(burstWindowS, "--burst-window-s"));
        }
        final Analysis.Report r = new Analysis(new Analysis.Context().dataset(dataset).classifier(config)
            .namesFile(names).referencesFile(references).memoryLimit(memoryLimit).listed(listed)).run();
        print(spec.commandLine().getOut(), r);
        return 0;
    }

    private void print(final PrintWriter out, final Analysis.Report r)
    {
        final AnalysisManifest m = r.manifest();
        out.printf("analyzed %s (run %s): %d series from %d observation rows in %.1f s%s%n", r.dataset(), m.run(),
            r.series(), r.rows(), r.elapsedNs() / 1e9, r.passes() > 1 ? " (" + r.passes() + " passes, to sort " +
            "within the memory limit)" : "");
        final ClassifierConfig c = r.config();
        final boolean labSpan = c.minSpanNs() < ClassifierConfig.MIN_SPAN_NS_DEFAULT;
        out.printf("  classifier: >= %d points over >= %s, burst window %s, DRIFT from %s ppm, OFFSET within +-%s ppm%s%n",
            c.minSamples(), duration(c.minSpanNs()), duration(c.burstWindowNs()), plain(c.minDriftPpm()),
            plain(c.maxOffsetIntervalPpm()), labSpan ?
            " (lab settings, not a survey's: the lab's behaviours run in accelerated time)" : "");
        if (r.withoutT1() > 0)
        {
            out.printf("  %d replies without T1 skipped (our outgoing frame was not captured: no offset)%n",
                r.withoutT1());
        }
        r.summary().print(out);
        final StringBuilder written = new StringBuilder("wrote");
        for (final Map.Entry<String, Long> e : m.tableRows().entrySet())
        {
            written.append(written.length() > 5 ? ", " : " ").append(e.getKey()).append(' ').append(e.getValue());
        }
        out.println(written.append(" rows under ").append(r.dataset().resolve("analysis")));
        out.printf("query them: ./timestudy query -d %s \"SELECT class, count(*) FROM verdicts GROUP BY ALL\"%n",
            r.dataset());
        out.flush();
    }

    private static long nanos(final double seconds, final String option)
    {
        if (!(seconds >= 0) || seconds > 1e9)
        {
            throw new IllegalArgumentException(option + " must be between 0 and 1e9 seconds, not " + seconds);
        }
        return Math.round(seconds * 1e9);
    }

    private static String plain(final double v)
    {
        return v == Math.rint(v) ? Long.toString((long)v) : Double.toString(v);
    }

    private static String duration(final long ns)
    {
        if (ns % 3_600_000_000_000L == 0 && ns > 0)
        {
            return ns / 3_600_000_000_000L + " h";
        }
        return ns / 1e9 + " s";
    }
}
