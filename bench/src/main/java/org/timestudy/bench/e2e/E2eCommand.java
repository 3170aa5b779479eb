package org.timestudy.bench.e2e;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy bench e2e}: the head-to-head run of timestudy, zmap and masscan in the lab.
 */
@Command(
    name = "e2e",
    header = "Head-to-head in the lab: timestudy, zmap and masscan at a ladder of rates (root; minutes).",
    description = {
        "Brings up a lab with the simulated Internet (every request answered), then runs each tool in the scanner",
        "namespace against the simulated space, one after another, at each rate. Probes and replies are counted on",
        "the wire by nftables, replies sent by the responder's counters, and each tool's recorded replies are",
        "checked against the responder's truth. zmap and masscan are installed with apt-get when missing.",
        "Writes a Markdown report; its last line, printed last, is 'max-pps ratio timestudy/zmap <value>'."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class E2eCommand implements Callable<Integer>
{
    @Option(names = "--rates", paramLabel = "LIST", description = "Requested rates, pps ('k' suffix) or max.",
        defaultValue = RateLadder.DEFAULT)
    String rates;

    @Option(names = "--tools", paramLabel = "LIST", description = "Contenders.",
        defaultValue = "timestudy,zmap-ntp,zmap-udp,masscan")
    String tools;

    @Option(names = "--repeats", description = "Passes over the ladder (medians and ratios over them).",
        defaultValue = "3")
    int repeats;

    @Option(names = "--seconds", paramLabel = "S", description = "About how long each run sends.", defaultValue = "6")
    double seconds;

    @Option(names = "--targets", paramLabel = "CIDR", description = "Targets, inside the lab's simulated space.",
        defaultValue = "198.18.0.0/16")
    String targets;

    @Option(names = "--max-load", paramLabel = "LOAD", description = "Before each run, wait until the 1-minute " +
        "load average is below this ('none': never wait).", defaultValue = "1.0")
    String maxLoad;

    @Option(names = "--load-wait", paramLabel = "S", description = "Longest wait for a quiet machine per run.",
        defaultValue = "1800")
    double loadWaitS;

    @Option(names = "--id", description = "Lab id (unique; the lab is taken down at the end).", defaultValue = "e2e")
    String labId;

    @Option(names = "--results", paramLabel = "FILE", description = "Report to write ('-': none).",
        defaultValue = "bench/RESULTS.md")
    String results;

    @Option(names = "--ingress-drop", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Drop NTP at both ends' netdev ingress after counting it (after every capture tap, before the " +
            "kernel's IP input), for every tool alike.")
    boolean ingressDrop;

    @Option(names = "--keep", description = "Keep each run's files (journals, CSVs, logs).")
    boolean keep;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where runs write their files (default: a " +
        "temporary directory).")
    Path workDir;

    @Override
    public Integer call() throws Exception
    {
        final HeadToHead.Context ctx = new HeadToHead.Context()
            .rates(RateLadder.parse(rates))
            .contenders(Arrays.stream(tools.split(",")).map(String::trim).toList())
            .repeats(repeats)
            .secondsPerRun(seconds)
            .targets(targets)
            .loadGate(maxLoad.equals("none") ? Double.NaN : Double.parseDouble(maxLoad), loadWaitS)
            .labId(labId)
            .keepOutputs(keep)
            .ingressDrop(ingressDrop)
            .workDir(workDir);
        final List<RunResult> runs = HeadToHead.run(ctx);
        final ResultsReport report = new ResultsReport(runs, ctx, commandLine());
        if (!results.equals("-"))
        {
            final Path file = resultsPath(results);
            report.write(file);
            System.err.println("bench: report written to " + file);
        }
        for (final String goal : report.goals())
        {
            System.out.println("goal: " + goal);
        }
        System.out.printf(java.util.Locale.ROOT, "max-pps ratio timestudy/zmap %.2f%n", report.maxPpsRatio());
        return 0;
    }

    private String commandLine()
    {
        return "./timestudy bench e2e --rates " + rates + " --tools " + tools + " --repeats " + repeats +
            " --seconds " + seconds + " --targets " + targets + " --max-load " + maxLoad +
            (ingressDrop ? "" : " --no-ingress-drop");
    }

    /** A relative report path is taken from the project's root when the launcher says where that is. */
    static Path resultsPath(final String results)
    {
        final Path p = Path.of(results);
        final String home = System.getProperty("timestudy.home");
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }
}
