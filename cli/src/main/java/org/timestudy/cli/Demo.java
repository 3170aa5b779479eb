package org.timestudy.cli;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.analyzer.report.ClockFormat;
import org.timestudy.analyzer.report.HtmlReport;
import org.timestudy.analyzer.report.Study;
import org.timestudy.analyzer.report.TextReport;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The whole study, end to end, on the built-in lab: bring the lab up (real chronyd, ntpsec and nginx servers on
 * faked clocks, and the simulated Internet of 65,536 hosts whose clocks do everything the classifier knows), scan it
 * with NTP in rounds so every host has a time series and with HTTP ({@link LabSurvey}), compact and analyse the journal, print the
 * text report and write the page, take the lab down, and score the verdicts against the lab's ground truth. The last
 * line printed is {@code classified N hosts: ...; agreement with ground truth: P%}.
 */
public final class Demo
{
    /** Lab id of {@code ./timestudy demo}. */
    public static final String LAB_ID_DEFAULT = "demo";
    /** Where the demo keeps its journal, dataset and page, relative to the working directory. */
    public static final String OUT_DEFAULT = "timestudy-demo";
    /** Seed of the simulated population. */
    public static final long SIM_SEED_DEFAULT = 1;
    /** Fewest points a series needs to be scored against the truth. */
    public static final int MIN_POINTS = 10;
    /** Off hosts and changes the demo's text report lists. */
    public static final int LISTED = 10;
    /** File that marks a directory as the demo's own, so a rerun may empty it. */
    static final String MARKER = ".timestudy-demo";

    private Demo()
    {
    }

    /**
     * How to run the demo.
     *
     * @param labId   lab id.
     * @param out     output directory (journal, dataset, names, page).
     * @param survey  how much to scan.
     * @param simSeed seed of the simulated population.
     */
    public record Settings(String labId, Path out, LabSurvey.Settings survey, long simSeed)
    {
    }

    /**
     * What the demo did.
     *
     * @param dataset          the analysed dataset.
     * @param page             the report page.
     * @param charts           charts on the page.
     * @param hosts            NTP series classified.
     * @param httpSeries       HTTP series classified.
     * @param scored           series scored against the truth.
     * @param agreementPercent share of scored series whose class is the truth's, percent.
     * @param elapsedNs        wall time, ns.
     */
    public record Result(
        Path dataset, Path page, int charts, long hosts, long httpSeries, long scored, double agreementPercent,
        long elapsedNs)
    {
    }

    /**
     * Runs the demo.
     *
     * @param settings how.
     * @param out      where to print.
     * @return what it did.
     */
    public static Result run(final Settings settings, final PrintStream out)
    {
        final long startNs = System.nanoTime();
        Lab.requireRoot();
        final Path dir = prepare(settings.out());
        out.printf("timestudy demo: the study end to end in the lab, output in %s%n", dir);
        out.println("[1/4] bringing the lab up: real chronyd, ntpsec and nginx on faked clocks, and a simulated " +
            "Internet of 65,536 hosts");
        final LabManifest manifest;
        final LabSurvey.Result survey;
        final Study study;
        final HtmlReport.Written page;
        try (Lab lab = Lab.up(settings.labId(), false, LabLayout.defaultServers(), LabLayout.defaultCnames(),
            SimSpec.lab(settings.simSeed(), LabLayout.SIM_SPACE, Instant.now().toEpochMilli() * 1_000_000L), out))
        {
            manifest = lab.manifest();
            out.printf("[2/4] measuring: NTP scans in %d rounds, so every host has a time series%s; then compact " +
                "and analyse%n", settings.survey().rounds(), settings.survey().http() == null ? "" :
                ", then HTTP Date scans (" + settings.survey().http().rounds() + " stateless rounds of " +
                settings.survey().http().space() + ", and the web servers by name)");
            survey = LabSurvey.run(lab, settings.survey(), dir, out);
            out.println("[3/4] report");
            out.println();
            try (DatasetQuery q = DatasetQuery.open(survey.dataset()))
            {
                study = Study.load(q, new Study.Options().dataset(settings.out().resolve("dataset"))
                    .namesFile(survey.names()).listed(LISTED));
                final PrintWriter writer = new PrintWriter(out, false, StandardCharsets.UTF_8);
                TextReport.print(study, writer);
                writer.flush();
                page = HtmlReport.write(study, q, dir.resolve("report"));
            }
            out.println();
            out.printf("page: %s (%d charts, %.1f MB), self-contained: open it in any browser%n", page.file(),
                page.charts(), page.bytes() / 1e6);
            out.println("[4/4] taking the lab down");
        }
        final Map<Integer, String> names = new HashMap<>();
        LabTruth.of(manifest).servers().forEach((address, s) -> names.put(address, s.name()));
        final VerdictAgreement agreement = VerdictAgreement.score(survey.dataset(), LabTruth.of(manifest),
            MIN_POINTS, names);
        agreement.printMatrix(out);
        agreement.printNamed(out);
        final long hosts = series(study, "ntp");
        final long httpSeries = series(study, "http");
        final long elapsedNs = System.nanoTime() - startNs;
        out.printf(Locale.ROOT, "classified %,d hosts in %s: %s; agreement with ground truth: %.1f%%%n", hosts,
            ClockFormat.span(elapsedNs / 1e9), classes(study), agreement.agreementPercent());
        return new Result(survey.dataset(), page.file(), page.charts(), hosts, httpSeries, agreement.scored(),
            agreement.agreementPercent(), elapsedNs);
    }

    private static long series(final Study study, final String probe)
    {
        return study.probes().stream().filter(p -> p.probe().equals(probe)).mapToLong(Study.ProbeFigures::series).sum();
    }

    private static String classes(final Study study)
    {
        final StringJoiner j = new StringJoiner(", ");
        for (final Study.ProbeFigures p : study.probes())
        {
            if (!p.probe().equals("ntp"))
            {
                continue;
            }
            for (final ClockClass c : ClockClass.values())
            {
                j.add(String.format(Locale.ROOT, "%,d %s", p.classes()[c.ordinal()], c.label()));
            }
        }
        return j.toString();
    }

    /**
     * Makes the output directory ready: created when missing, emptied when a previous demo left it.
     *
     * @param dir the directory.
     * @return it, absolute.
     * @throws IllegalArgumentException when it holds files that are not the demo's.
     */
    static Path prepare(final Path dir)
    {
        final Path abs = dir.toAbsolutePath().normalize();
        try
        {
            if (Files.isDirectory(abs))
            {
                final boolean ours = Files.exists(abs.resolve(MARKER));
                try (Stream<Path> s = Files.list(abs))
                {
                    final List<Path> entries = s.toList();
                    if (!ours && !entries.isEmpty())
                    {
                        throw new IllegalArgumentException(abs + " exists and is not a demo's output: give the " +
                            "demo another directory (--out)");
                    }
                    for (final Path p : entries)
                    {
                        deleteTree(p);
                    }
                }
            }
            Files.createDirectories(abs);
            Files.writeString(abs.resolve(MARKER), "written by ./timestudy demo; a rerun empties this directory\n");
            return abs;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> s = Files.walk(root))
        {
            for (final Path p : (Iterable<Path>)s.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
    }
}
