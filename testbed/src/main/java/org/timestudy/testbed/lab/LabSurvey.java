package org.timestudy.testbed.lab;

import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.ingest.Analysis;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.engine.cli.ScanCommand;
import org.timestudy.engine.status.StatusLine;
import org.timestudy.targets.address.AddressRange;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A survey of a lab, end to end, as a study would run it: the engine scans the simulated Internet and the real NTP
 * servers in rounds ({@code scan --rounds}, one time series per host), the lab's names are resolved through its DNS
 * ({@code targets --resolve}), optionally HTTP scans follow ({@link Http}: Date series beside the NTP series, and the
 * lab's web servers by name), the journals are compacted into one dataset, and {@code analyze} classifies every series
 * with the lab preset ({@link ClassifierConfig#labTime()}), comparing the addresses behind each name and checking
 * the servers that claim stratum 1 or 2.
 */
public final class LabSurvey
{
    private static final long SLACK_MS = 120_000;
    private static final long PROGRESS_INTERVAL_MS = 10_000;

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
     * @param http           the HTTP part, or null for NTP only.
     */
    public record Settings(int rounds, double roundIntervalS, int ratePps, long seed, Http http)
    {
        /**
         * NTP only.
         *
         * @param rounds         scan rounds (points per series, at most).
         * @param roundIntervalS pause between rounds, seconds.
         * @param ratePps        probes per second.
         * @param seed           scan order seed.
         */
        public Settings(final int rounds, final double roundIntervalS, final int ratePps, final long seed)
        {
            this(rounds, roundIntervalS, ratePps, seed, null);
        }

        /**
         * @param h the HTTP part.
         * @return these settings with HTTP scans after the NTP scan.
         */
        public Settings withHttp(final Http h)
        {
            return new Settings(rounds, roundIntervalS, ratePps, seed, h);
        }

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
     * The HTTP part of a survey, after the NTP scan: the stateless probe over part of the simulated space in rounds
     * (Date series beside the NTP series of the same addresses), then hostname mode with boundary timing
     * ({@code --precision}) over the lab's names, nginx's under faked clocks among them.
     *
     * @param space          CIDR of the simulated space probed statelessly.
     * @param rounds         stateless rounds.
     * @param roundIntervalS pause between rounds, seconds.
     * @param ratePps        SYNs per second.
     */
    public record Http(String space, int rounds, double roundIntervalS, int ratePps)
    {
        /** Longest wait for a response, ms (the simulated slow servers answer within 3 s). */
        static final int RESPONSE_TIMEOUT_MS = 4_000;

        /**
         * @return 4,096 addresses in 12 rounds, 1.5 s apart, at 4,000 SYNs/s: about 35 s (the classifier wants 10
         *         points for a class).
         */
        public static Http demo()
        {
            return new Http("198.18.0.0/20", 12, 1.5, 4_000);
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
        final Path status = dir.resolve("scan-status.csv");
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
            "--metadata-file", dir.resolve("scan.json").toString(), "--status-file", status.toString()));
        final double roundS = 65_536.0 / settings.ratePps() + settings.roundIntervalS();
        log.printf("scanning %s and %d real NTP servers: %d rounds at %d pps, about %.0f s%n", m.simulatedSpace(),
            servers, settings.rounds(), settings.ratePps(), settings.rounds() * roundS);
        final long scanStart = System.nanoTime();
        scan(lab, args, status, (long)(settings.rounds() * roundS * 1000) + SLACK_MS, "the lab scan", log);
        final Path names = resolveNames(lab, dir);
        final List<Path> journals = new ArrayList<>(List.of(journal));
        if (settings.http() != null)
        {
            journals.addAll(scanHttp(lab, settings.http(), dir, log));
        }
        final long scanNs = System.nanoTime() - scanStart;
        final Path references = references(m, dir);
        for (final Path j : journals)
        {
            log.printf("compacting %s%n", j);
            final Compactor.Report compacted = new Compactor(new Compactor.Context().journalDir(j)
                .datasetDir(dataset)).run();
            log.printf("  %,d NTP replies, %,d HTTP records, %,d ICMP unreachables in %.1f s%n",
                compacted.counts().ntp(), compacted.counts().http(), compacted.counts().unreachable(),
                compacted.elapsedNs() / 1e9);
        }
        log.printf("analysing %s with the lab preset%n", dataset);
        final Analysis.Report report = new Analysis(new Analysis.Context().dataset(dataset)
            .classifier(new ClassifierConfig().labTime()).namesFile(names).referencesFile(references)).run();
        log.printf("  %,d series classified in %.1f s%n", report.series(), report.elapsedNs() / 1e9);
        return new Result(journal, dataset, names, references, report, scanNs);
    }

    /**
     * The HTTP scans: stateless rounds over part of the simulated space, then hostname mode with boundary timing over
     * the lab's names.
     *
     * @return their journals.
     */
    private static List<Path> scanHttp(final Lab lab, final Http http, final Path dir,
        final PrintStream log)
    {
        final Path stateless = dir.resolve("journal-http");
        final Path status = dir.resolve("scan-http-status.csv");
        final List<String> args = List.of("-M", "http", "--no-default-blocklist", http.space(), "--journal",
            stateless.toString(), "-r", Integer.toString(http.ratePps()), "--rounds", Integer.toString(http.rounds()),
            "--round-interval", Double.toString(http.roundIntervalS()), "-c",
            Integer.toString(Http.RESPONSE_TIMEOUT_MS / 1000 + 1), "--response-timeout-ms",
            Integer.toString(Http.RESPONSE_TIMEOUT_MS), "--seed", "11", "-q", "--status-file", status.toString());
        final double roundS = (double)AddressRange.parse(http.space()).size() / http.ratePps() + http.roundIntervalS();
        log.printf("scanning %s with HTTP (stateless: SYN, HEAD, the Date): %d rounds at %d SYNs/s, about %.0f s%n",
            http.space(), http.rounds(), http.ratePps(), http.rounds() * roundS + Http.RESPONSE_TIMEOUT_MS / 1000.0);
        scan(lab, args, status, (long)(http.rounds() * roundS * 1000) + SLACK_MS, "the lab's HTTP scan", log);
        final Path byName = dir.resolve("journal-http-names");
        final Set<String> names = new LinkedHashSet<>();
        for (final LabManifest.Server s : lab.manifest().servers())
        {
            if (s.kind() == ServerKind.NGINX)
            {
                names.addAll(s.names());
            }
        }
        try
        {
            final Path list = Files.write(dir.resolve("http-names.txt"), names);
            log.printf("asking %d web servers by name for their Date, with boundary timing (--precision)%n",
                names.size());
            scan(lab, List.of("-M", "http", "--names", list.toString(), "--dns-server", lab.manifest().dnsServer(),
                "--no-default-blocklist", "--precision", "--journal", byName.toString(), "-q",
                "--response-timeout-ms", Integer.toString(Http.RESPONSE_TIMEOUT_MS)), null, SLACK_MS,
                "the lab's HTTP name scan", log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return List.of(stateless, byName);
    }

    /**
     * Runs {@code scan} in the lab's scanner namespace and waits for it to succeed.
     *
     * @param status its {@code --status-file}, whose progress is printed, or null for none.
     * @param what   the scan, for errors.
     */
    private static void scan(final Lab lab, final List<String> args, final Path status, final long timeoutMs,
        final String what, final PrintStream log)
    {
        try (LabProcess scan = LabProcess.start(lab.layout().scannerNamespace(), ScanCommand.class.getName(), args))
        {
            awaitScan(scan, status, timeoutMs, log);
            if (scan.process().exitValue() != 0)
            {
                throw new IllegalStateException(what + " failed:\n" + scan.output());
            }
        }
    }

    /**
     * Waits for the scan, printing its progress from its status file (when it has one) every
     * {@link #PROGRESS_INTERVAL_MS}.
     */
    private static void awaitScan(final LabProcess scan, final Path status, final long timeoutMs, final PrintStream log)
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        try
        {
            while (!scan.process().waitFor(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS))
            {
                if (System.nanoTime() - deadline > 0)
                {
                    scan.process().destroyForcibly().waitFor();
                    throw new IllegalStateException("the lab scan did not finish in " + timeoutMs + " ms:\n" +
                        scan.output());
                }
                final String progress = status == null ? null : progress(status);
                if (progress != null)
                {
                    log.println("  " + progress);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            scan.process().destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the lab scan ran", ex);
        }
    }

    /**
     * @param status the scan's status file ({@code scan --status-file}).
     * @return its latest row as a line for people, or null when it has none yet.
     */
    static String progress(final Path status)
    {
        final List<String> lines;
        try
        {
            lines = Files.exists(status) ? Files.readAllLines(status) : List.of();
        }
        catch (final IOException ex)
        {
            return null;
        }
        if (lines.size() < 2 || !lines.get(0).equals(StatusLine.CSV_HEADER))
        {
            return null;
        }
        final String[] f = lines.get(lines.size() - 1).split(",");
        final String[] header = StatusLine.CSV_HEADER.split(",");
        if (f.length != header.length)
        {
            return null;
        }
        final List<String> columns = List.of(header);
        final double elapsedS = Double.parseDouble(f[columns.indexOf("elapsed_s")]);
        final double etaS = Double.parseDouble(f[columns.indexOf("eta_s")]);
        return String.format(Locale.ROOT, "scan %s: %.0f%% done%s, %,d probes sent, %,d replies",
            minutes(elapsedS), Double.parseDouble(f[columns.indexOf("percent_done")]),
            etaS < 0 ? "" : " (" + minutes(etaS) + " left)", Long.parseLong(f[columns.indexOf("sent")]),
            Long.parseLong(f[columns.indexOf("recv")]));
    }

    private static String minutes(final double seconds)
    {
        final long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
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
