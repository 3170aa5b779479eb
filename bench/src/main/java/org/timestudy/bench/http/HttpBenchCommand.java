package org.timestudy.bench.http;

import org.timestudy.testbed.lab.Exec;
import org.timestudy.testbed.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * {@code ./timestudy bench http}: brings up a lab with the simulated Internet, then measures hostname mode
 * (addresses per second, http and https) and the stateless mode beside masscan 1.3.2 (SYNs per second on the wire
 * and the share of Date-sending responders whose Date was captured), each run started only when the 1-minute load
 * average is low enough, with the load before and after printed beside each figure. Needs root.
 */
@Command(
    name = "http",
    header = "HTTP figures: hostname addresses/s; stateless probes/s and Dates captured, beside masscan.",
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class HttpBenchCommand implements Callable<Integer>
{
    @Option(names = "--hostname-addresses", description = "Addresses of a hostname-mode run.", defaultValue = "5000")
    int hostnameAddresses;

    @Option(names = "--max-connections", description = "Hostname mode: connections at once.", defaultValue = "500")
    int maxConnections;

    @Option(names = "--range", description = "Stateless runs: the range.", defaultValue = "198.18.0.0/16")
    String range;

    @Option(names = "--rates", split = ",", description = "Stateless runs: the rates, probes/s.",
        defaultValue = "10000,25000,50000")
    List<Integer> rates;

    @Option(names = "--repeats", description = "Runs per setting (medians are reported).", defaultValue = "3")
    int repeats;

    @Option(names = "--max-load", description = "Start a run only below this 1-minute load average.",
        defaultValue = "1.5")
    double maxLoad;

    @Option(names = "--max-wait-s", description = "Longest wait for the load to drop before a run.",
        defaultValue = "1800")
    long maxWaitS;

    @Option(names = "--skip-masscan", description = "Measure timestudy only.")
    boolean skipMasscan;

    @Option(names = "--skip-hostname", description = "Skip hostname mode.")
    boolean skipHostname;

    @Option(names = "--work", description = "Working directory.", defaultValue = "/tmp/timestudy-bench-http")
    Path work;

    @Override
    public Integer call() throws Exception
    {
        Lab.requireRoot();
        if (!skipMasscan && Exec.run("sh", "-c", "command -v masscan").exitCode() != 0)
        {
            // Installed here only, for this benchmark: the peer we compare with.
            System.err.println("installing masscan (Debian package) for the comparison");
            Exec.check("apt-get", "install", "-y", "--no-install-recommends", "masscan");
        }
        Files.createDirectories(work);
        System.out.printf("machine: %d cores, %s; load %.2f%n", Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), HttpBenchmark.load());
        try (Lab lab = Lab.upWithSimulation(1))
        {
            final HttpBenchmark bench = new HttpBenchmark(lab, work, System.out);
            final List<HttpBenchmark.Run> results = new ArrayList<>();
            if (!skipHostname)
            {
                for (final boolean https : new boolean[] {false, true})
                {
                    final List<HttpBenchmark.Run> runs = new ArrayList<>();
                    for (int i = 0; i < repeats; i++)
                    {
                        HttpBenchmark.awaitLoad(maxLoad, maxWaitS * 1000, System.out);
                        final HttpBenchmark.Run r = bench.hostname(hostnameAddresses, https, maxConnections);
                        System.out.printf("  %s: steady state %,.0f addresses/s (middle 80%% of %,d records in %.2f " +
                            "s; %d responses); load %.2f -> %.2f%n", r.tool(), r.perSecond(), r.probes(), r.seconds(),
                            r.captured(), r.loadBefore(), r.loadAfter());
                        runs.add(r);
                    }
                    results.add(median(runs, HttpBenchmark.Run::perSecond));
                }
            }
            for (final int rate : rates)
            {
                final List<HttpBenchmark.Run> ours = new ArrayList<>();
                final List<HttpBenchmark.Run> theirs = new ArrayList<>();
                for (int i = 0; i < repeats; i++)
                {
                    HttpBenchmark.awaitLoad(maxLoad, maxWaitS * 1000, System.out);
                    ours.add(bench.timestudy(range, rate, 100 + i));
                    if (!skipMasscan)
                    {
                        HttpBenchmark.awaitLoad(maxLoad, maxWaitS * 1000, System.out);
                        theirs.add(bench.masscan(range, rate));
                    }
                }
                results.add(median(ours, HttpBenchmark.Run::share));
                if (!theirs.isEmpty())
                {
                    results.add(median(theirs, HttpBenchmark.Run::share));
                }
            }
            System.out.println();
            System.out.println("| tool | rate asked | probes or addresses | seconds | per second | Dates captured | " +
                "of responders | share | load before -> after |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (final HttpBenchmark.Run r : results)
            {
                System.out.printf("| %s | %s | %,d | %.2f | %,.0f | %,d | %,d | %.2f%% | %.2f -> %.2f |%n", r.tool(),
                    r.rate() == 0 ? "-" : String.format("%,.0f", r.rate()), r.probes(), r.seconds(), r.perSecond(),
                    r.captured(), r.responders(), 100 * r.share(), r.loadBefore(), r.loadAfter());
            }
        }
        return 0;
    }

    private static HttpBenchmark.Run median(final List<HttpBenchmark.Run> runs,
        final ToDoubleFunction<HttpBenchmark.Run> by)
    {
        final List<HttpBenchmark.Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(by));
        return sorted.get(sorted.size() / 2);
    }
}
