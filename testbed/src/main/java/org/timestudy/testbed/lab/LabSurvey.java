package org.timestudy.testbed.lab;

import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.ingest.Analysis;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.targets.cli.TargetsCommand;
import org.timestudy.testbed.JvmOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A survey of a lab, end to end, as a study would run it: the engine scans the simulated Internet and the real NTP
 * servers in rounds ({@code scan --rounds}, one time series per host), the lab's names are resolved through its DNS
 * ({@code targets --resolve}), the journal is compacted into a dataset, and {@code analyze} classifies every series
 * with the lab preset ({@link ClassifierConfig#labTime()}), comparing the addresses behind each name and checking
 * the servers that claim stratum 1 or 2.
 */
public final class LabSurvey
{
    private static final long SLACK_MS = 120_000;

    private LabSurvey()
    {
    }

    /**
     * How much to scan.
     *
     * @param rounds         scan rounds (points per series, at most).
     * @param roundIntervalS pause between rounds, seconds.
     * @param ratePps        probes per second.
     * @param seed           scan order seed.
     */
    public record Settings(int rounds, double roundIntervalS, int ratePps, long seed)
    {
        /**
         * @return about 80 s of scanning: 16 rounds of the /16, 2 s apart, at 20 000 pps.
         */
        public static Settings quick()
        {
            return new Settings(16, 2, 20_000, 7);
        }

        /**
         * @return about 4 min of scanning: 36 rounds, 3 s apart, at 20 000 pps.
         */
        public static Settings full()
        {
            return new Settings(36, 3, 20_000, 7);
        }
    }

    /**
     * What a survey produced.
     *
     * @param journal    the scan's journal.
     * @param dataset    the compacted and analysed dataset.
     * @param names      the names table ({@code targets --resolve}).
     * @param references the listed reference servers given to analyze.
     * @param report     the analysis.
     * @param scanNs     how long the scan took, ns.
     */
    public record Result(Path journal, Path dataset, Path names, Path references, Analysis.Report report, long scanNs)
    {
    }

    /**
     * Runs a survey.
     *
     * @param lab      a lab with the simulated Internet.
     * @param settings how much to scan.
     * @param dir      where the journal, the dataset and the input files go.
     * @param log      progress.
     * @return what it produced.
     */
    public static Result run(final Lab lab, final Settings settings, final Path dir, final PrintStream log)
    {
        final LabManifest m = lab.manifest();
        if (m.simulation() == null)
        {
            throw new IllegalArgumentException("lab " + m.id() + " runs without the simulated Internet (lab up --sim)");
        }
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        try
        {
            // The ground truth goes with the data: the manifest rebuilds the population and names the servers.
            Files.createDirectories(dir);
            Files.copy(lab.manifestFile(), dir.resolve(LabManifest.FILE_NAME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final List<String> args = new ArrayList<>(List.of("--no-default-blocklist", m.simulatedSpace()));
        int servers = 0;
        for (final LabManifest.Server s : m.servers())
        {
            if (s.kind() == ServerKind.CHRONY || s.kind() == ServerKind.NTPSEC)
            {
                args.add(s.address());
                servers++;
            }
        }
        args.addAll(List.of("--journal", journal.toString(), "-r", Integer.toString(settings.ratePps()),
            "--rounds", Integer.toString(settings.rounds()), "--round-interval",
            Double.toString(settings.roundIntervalS()), "-c", "4", "--seed", Long.toString(settings.seed()), "-q",
            "--metadata-file", dir.resolve("scan.json").toString()));
        final double roundS = 65_536.0 / settings.ratePps() + settings.roundIntervalS();
        log.printf("scanning %s and %d real NTP servers: %d rounds at %d pps, about %.0f s%n", m.simulatedSpace(),
            servers, settings.rounds(), settings.ratePps(), settings.rounds() * roundS);
        final long scanStart = System.nanoTime();
        try (LabProcess scan = LabProcess.scan(lab, args, (long)(settings.rounds() * roundS * 1000) + SLACK_MS))
        {
            if (scan.process().exitValue() != 0)
            {
                throw new IllegalStateException("the lab scan failed:\n" + scan.output());
            }
        }
        final long scanNs = System.nanoTime() - scanStart;
        final Path names = resolveNames(lab, dir);
        final Path references = references(m, dir);
        log.printf("compacting %s%n", journal);
        new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)).run();
        log.printf("analysing %s with the lab preset%n", dataset);
        final Analysis.Report report = new Analysis(new Analysis.Context().dataset(dataset)
            .classifier(new ClassifierConfig().labTime()).namesFile(names).referencesFile(references)).run();
        return new Result(journal, dataset, names, references, report, scanNs);
    }

    private static Path resolveNames(final Lab lab, final Path dir)
    {
        final Set<String> names = new LinkedHashSet<>();
        for (final LabManifest.Server s : lab.manifest().servers())
        {
            names.addAll(s.names());
        }
        for (final LabManifest.Cname c : lab.manifest().cnames())
        {
            names.add(c.alias());
        }
        try
        {
            final Path list = Files.write(dir.resolve("names.txt"), names);
            final Exec.Result r = lab.inScanner(JvmOptions.javaCommand(TargetsCommand.class.getName(), List.of(
                "--resolve", list.toString(), "--dns-server", lab.manifest().dnsServer(), "--no-default-blocklist"))
                .toArray(new String[0])).check();
            return Files.writeString(dir.resolve("names.tsv"), r.stdout());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path references(final LabManifest m, final Path dir)
    {
        final StringBuilder sb = new StringBuilder("# the lab's NTP servers that claim stratum 1 or 2\n");
        for (final LabManifest.Server s : m.servers())
        {
            if ((s.kind() == ServerKind.CHRONY || s.kind() == ServerKind.NTPSEC) && s.stratum() >= 1 &&
                s.stratum() <= 2)
            {
                sb.append(s.address()).append(' ').append(s.stratum()).append('\n');
            }
        }
        try
        {
            return Files.writeString(dir.resolve("references.txt"), sb);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
