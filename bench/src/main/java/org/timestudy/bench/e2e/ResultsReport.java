package org.timestudy.bench.e2e;

import org.timestudy.testbed.lab.Exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns the runs into the report: one table of medians per contender and rate with their range over repetitions as
 * error bars, ratios timestudy/peer from the same repetition, the goals beside the figures, the engine's own figures,
 * and every run. Written as Markdown ({@code bench/RESULTS.md}); its last line, also printed last, is
 * {@code max-pps ratio timestudy/zmap <value>}.
 */
public final class ResultsReport
{
    /** Share of the responder's replies timestudy must record with correct fields, at every rate up to 300 k. */
    public static final double GOAL_CORRECT_SHARE = 0.999;
    /** Highest rate the correctness goal applies to, pps. */
    public static final double GOAL_CORRECT_MAX_PPS = 300_000;

    private final List<RunResult> runs;
    private final HeadToHead.Context ctx;
    private final String commandLine;
    private final List<String> rateOrder = new ArrayList<>();
    private final List<String> contenderOrder = new ArrayList<>();

    /**
     * @param runs        every run.
     * @param ctx         the settings they ran with.
     * @param commandLine the command that made them.
     */
    public ResultsReport(final List<RunResult> runs, final HeadToHead.Context ctx, final String commandLine)
    {
        this.runs = List.copyOf(runs);
        this.ctx = ctx;
        this.commandLine = commandLine;
        for (final RunResult r : runs)
        {
            if (!rateOrder.contains(r.rateLabel()))
            {
                rateOrder.add(r.rateLabel());
            }
            if (!contenderOrder.contains(r.contender()))
            {
                contenderOrder.add(r.contender());
            }
        }
    }

    /**
     * @param r a run.
     * @return one line saying what it did, as the benchmark prints it after each run.
     */
    public static String line(final RunResult r)
    {
        return String.format(Locale.ROOT, "rep %d %-9s %-10s sent %9.0f pps (%,d probes on the wire in %.2f s), " +
                "responder %,d replies (%,d kernel drops), recorded %,d (%.2f%%), fields correct %,d (%.2f%%), " +
                "CPU %.2f s, load %.2f%s",
            r.repetition(), r.rateLabel(), r.contender(), r.sentPps(), r.wire().requestsIn(), r.windowS(),
            r.responderReplies(), r.responderKernelDrops(), r.recorded().withTimestamp(), 100 * r.recordedShare(),
            r.recorded().fieldsCorrect(), 100 * r.correctShare(), r.toolCpuS(), r.load1m(),
            r.exitCode() == 0 ? "" : ", exit " + r.exitCode());
    }

    /**
     * @return the median over repetitions of timestudy's max send rate divided by zmap's (the better of its two
     *         modules), each repetition's ratio taken from its own runs; NaN when a side is missing.
     */
    public double maxPpsRatio()
    {
        final List<Double> ratios = new ArrayList<>();
        for (int rep = 1; rep <= ctx.repeats(); rep++)
        {
            final double ts = sent(rep, "timestudy", "max");
            final double zmap = better(sent(rep, "zmap-ntp", "max"), sent(rep, "zmap-udp", "max"));
            if (ts > 0 && zmap > 0)
            {
                ratios.add(ts / zmap);
            }
        }
        return median(ratios);
    }

    /** The larger of two rates, either of which may be NaN (that zmap module did not run). */
    static double better(final double a, final double b)
    {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private double sent(final int rep, final String contender, final String rate)
    {
        return runs.stream().filter(r -> r.repetition() == rep && r.contender().equals(contender) &&
            r.rateLabel().equals(rate)).mapToDouble(RunResult::sentPps).findFirst().orElse(Double.NaN);
    }

    /**
     * @return the report as Markdown.
     */
    public String markdown()
    {
        final StringBuilder md = new StringBuilder();
        md.append("# End-to-end: timestudy against zmap and masscan in the lab\n\n");
        md.append("Written by `./timestudy bench e2e`; do not edit by hand. See bench/README.md for the method.\n\n");
        md.append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- machine: ").append(machine()).append('\n');
        md.append("- tools: timestudy (this tree), ").append(Peers.versions().get("zmap")).append(" (Debian), ")
            .append(Peers.versions().get("masscan").replaceAll("\\s*\\(.*\\)", "")).append(" (Debian)\n");
        md.append("- command: `").append(commandLine).append("`\n");
        md.append(String.format(Locale.ROOT, "- %d repetition(s) of the ladder; each run sends every target of %s " +
            "k times, k chosen for ~%.0f s at the requested rate (400k assumed for max); cooldown/wait %d s; one " +
            "send thread each%n", ctx.repeats(), ctx.targets(), ctx.secondsPerRun(), ctx.cooldownS()));
        md.append(ctx.ingressDrop() ? "- rig: NTP dropped at both ends' netdev ingress after counting (after every " +
            "tool's capture tap, before the kernel's IP input)\n" : "- rig: NTP goes through both kernels' IP input " +
            "(no ingress drop)\n");
        md.append(String.format(Locale.ROOT, "- 1-minute load average at run starts: %s (gate: %s)%n%n",
            range(RunResult::load1m, runs, "%.2f"),
            Double.isNaN(ctx.maxLoad()) ? "none" : String.format(Locale.ROOT, "wait for < %.1f", ctx.maxLoad())));

        md.append("## Commands (at 300k, or the first rate run)\n\n");
        md.append("Each runs in the lab's scanner namespace (`ip netns exec tslab-<id>-scan ...`), wrapped in a shell " +
            "that reports its CPU time.\n\n```\n");
        for (final String c : contenderOrder)
        {
            final RunResult r = runs.stream().filter(x -> x.contender().equals(c) && x.rateLabel().equals("300k"))
                .findFirst().orElse(runs.stream().filter(x -> x.contender().equals(c)).findFirst().orElseThrow());
            md.append(display(r.command())).append("\n\n");
        }
        md.append("```\n\n");

        md.append("## Table (median over repetitions, [min-max] as error bars)\n\n");
        md.append("| rate | tool | sent pps (wire) | probes on the wire | responder replies | recorded with a " +
            "timestamp | NTP fields correct | tool CPU s | other load CPU s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (final String rate : rateOrder)
        {
            for (final String c : contenderOrder)
            {
                final List<RunResult> g = group(c, rate);
                if (g.isEmpty())
                {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", rate, c,
                    medianRange(RunResult::sentPps, g, "%.0f"),
                    medianRange(r -> r.wire().requestsIn(), g, "%.0f"),
                    medianRange(r -> r.responderReplies(), g, "%.0f"),
                    medianRange(r -> 100 * r.recordedShare(), g, "%.2f%%"),
                    medianRange(r -> 100 * r.correctShare(), g, "%.2f%%"),
                    medianRange(RunResult::toolCpuS, g, "%.2f"),
                    medianRange(RunResult::otherCpuS, g, "%.1f")));
            }
        }
        md.append("\nShares are of the replies the responder sent. What each tool records of the NTP fields: ");
        for (final String c : contenderOrder)
        {
            md.append(c).append(": ").append(group(c, rateOrder.get(0)).get(0).recorded().fields()).append("; ");
        }
        md.append("\n\n");

        md.append("## Ratios timestudy / peer (sent pps, median of per-repetition ratios)\n\n");
        md.append("| rate |");
        final List<String> peers = contenderOrder.stream().filter(c -> !c.equals("timestudy")).toList();
        for (final String p : peers)
        {
            md.append(" timestudy/").append(p).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(peers.size())).append('\n');
        for (final String rate : rateOrder)
        {
            md.append("| ").append(rate).append(" |");
            for (final String p : peers)
            {
                final List<Double> ratios = new ArrayList<>();
                for (int rep = 1; rep <= ctx.repeats(); rep++)
                {
                    final double ts = sent(rep, "timestudy", rate);
                    final double peer = sent(rep, p, rate);
                    if (ts > 0 && peer > 0)
                    {
                        ratios.add(ts / peer);
                    }
                }
                md.append(String.format(Locale.ROOT, " %.2f |", median(ratios)));
            }
            md.append('\n');
        }
        md.append('\n');

        md.append("## Goals\n\n");
        for (final String g : goals())
        {
            md.append("- ").append(g).append('\n');
        }
        md.append('\n');
        md.append(engineSection());
        md.append("## Every run\n\n");
        md.append("| rep | rate | tool | k | sent pps | probes left scanner | probes on the wire | responder " +
            "replies | kernel drops (responder) | replies reached scanner | recorded | distinct hosts | fields " +
            "correct | tool CPU s | responder CPU s | other CPU s | load | exit |\n");
        md.append("|---".repeat(18)).append("|\n");
        for (final RunResult r : runs)
        {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %.0f | %d | %d | %d | %d | %d | %d | %d | %d " +
                    "| %.2f | %.2f | %.1f | %.2f | %d |%n", r.repetition(), r.rateLabel(), r.contender(),
                r.probesPerTarget(), r.sentPps(), r.wire().probesOut(), r.wire().requestsIn(), r.responderReplies(),
                r.responderKernelDrops(), r.wire().repliesIn(), r.recorded().withTimestamp(),
                r.recorded().distinctHosts(), r.recorded().fieldsCorrect(), r.toolCpuS(), r.responderCpuS(),
                r.otherCpuS(), r.load1m(), r.exitCode()));
        }
        md.append(String.format(Locale.ROOT, "%nmax-pps ratio timestudy/zmap %.2f%n", maxPpsRatio()));
        return md.toString();
    }

    /**
     * @return each goal with its figure and PASS or FAIL.
     */
    public List<String> goals()
    {
        final List<String> goals = new ArrayList<>();
        final double ratio = maxPpsRatio();
        goals.add(String.format(Locale.ROOT, "timestudy's maximum NTP send rate >= zmap's (better module): ratio " +
            "%.2f -> %s", ratio, Double.isNaN(ratio) ? "NOT MEASURED" : ratio >= 1 ? "PASS" : "FAIL"));
        double worst = Double.NaN;
        String worstAt = "";
        for (final RunResult r : runs)
        {
            if (r.contender().equals("timestudy") && r.requestedPps() <= GOAL_CORRECT_MAX_PPS &&
                (Double.isNaN(worst) || r.correctShare() < worst))
            {
                worst = r.correctShare();
                worstAt = r.rateLabel() + ", rep " + r.repetition();
            }
        }
        goals.add(String.format(Locale.ROOT, "timestudy records >= 99.9%% of the responder's replies with correct " +
            "fields at every rate up to 300k: worst %.3f%% (%s) -> %s", 100 * worst, worstAt,
            Double.isNaN(worst) ? "NOT MEASURED" : worst >= GOAL_CORRECT_SHARE ? "PASS" : "FAIL"));
        long lost = 0;
        long checked = 0;
        for (final RunResult r : runs)
        {
            if (r.contender().equals("timestudy"))
            {
                checked++;
                lost += Math.max(0, unaccounted(r));
            }
        }
        goals.add(String.format(Locale.ROOT, "timestudy's journal loses nothing (every reply the responder sent is " +
            "journaled or counted as a drop), over %d runs: %d unaccounted -> %s", checked, lost,
            checked == 0 ? "NOT MEASURED" : lost == 0 ? "PASS" : "FAIL"));
        return goals;
    }

    /** Replies the responder sent that timestudy neither journaled nor counted as dropped. */
    private static long unaccounted(final RunResult r)
    {
        return r.responderReplies() - r.recorded().withTimestamp() - counter(r, "pcap_drops") -
            counter(r, "pcap_ifdrops") - drops(r);
    }

    private static long drops(final RunResult r)
    {
        long d = 0;
        for (final String k : List.of("drop_wrong_cookie", "drop_wrong_mode", "drop_wrong_version", "drop_truncated",
            "drop_oversized", "drop_duplicate", "drop_not_in_scan"))
        {
            d += counter(r, k);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static long counter(final RunResult r, final String name)
    {
        final Object counters = r.recorded().extra().get("counters");
        if (counters instanceof Map<?, ?> m && m.get(name) instanceof Number n)
        {
            return n.longValue();
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static double t1(final RunResult r, final String percentile)
    {
        final Object t1 = r.recorded().extra().get("t1CaptureMinusSendClockNs");
        if (t1 instanceof Map<?, ?> m && m.get(percentile) instanceof Number n)
        {
            return n.doubleValue();
        }
        return Double.NaN;
    }

    private String engineSection()
    {
        if (!contenderOrder.contains("timestudy"))
        {
            return "";
        }
        final StringBuilder md = new StringBuilder("## The engine's own figures (timestudy runs)\n\n");
        md.append("Sent pps and delivered replies are counted on the wire (nftables); journaled, pcap drops and " +
            "invalid drops are the engine's counters; unaccounted = responder replies - journaled - pcap drops - " +
            "invalid drops. T1 error: kernel capture timestamp of the outgoing probe minus the send thread's clock " +
            "read before sendmmsg (HdrHistogram, ns). Median [min-max] over repetitions.\n\n");
        md.append("| rate | sent pps | responder replies | replies reached scanner | journaled | pcap drops | " +
            "invalid drops | unaccounted | T1 error p50 ns | T1 error p99 ns |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (final String rate : rateOrder)
        {
            final List<RunResult> g = group("timestudy", rate);
            if (g.isEmpty())
            {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", rate,
                medianRange(RunResult::sentPps, g, "%.0f"),
                medianRange(r -> r.responderReplies(), g, "%.0f"),
                medianRange(r -> r.wire().repliesIn(), g, "%.0f"),
                medianRange(r -> r.recorded().withTimestamp(), g, "%.0f"),
                medianRange(r -> counter(r, "pcap_drops"), g, "%.0f"),
                medianRange(ResultsReport::drops, g, "%.0f"),
                medianRange(ResultsReport::unaccounted, g, "%.0f"),
                medianRange(r -> t1(r, "p50"), g, "%.0f"),
                medianRange(r -> t1(r, "p99"), g, "%.0f")));
        }
        md.append('\n');
        return md.toString();
    }

    /**
     * Writes the report.
     *
     * @param file where.
     * @throws IOException when it cannot be written.
     */
    public void write(final Path file) throws IOException
    {
        if (file.getParent() != null)
        {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown());
    }

    private List<RunResult> group(final String contender, final String rate)
    {
        return runs.stream().filter(r -> r.contender().equals(contender) && r.rateLabel().equals(rate)).toList();
    }

    private static String medianRange(final ToDoubleFunction<RunResult> f, final List<RunResult> g,
        final String format)
    {
        final double[] v = g.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0)
        {
            return "-";
        }
        final String median = String.format(Locale.ROOT, format, median(v));
        if (v.length == 1)
        {
            return median;
        }
        return median + " [" + String.format(Locale.ROOT, format, v[0]) + "-" +
            String.format(Locale.ROOT, format, v[v.length - 1]) + "]";
    }

    private static String range(final ToDoubleFunction<RunResult> f, final List<RunResult> g, final String format)
    {
        final double[] v = g.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? "-" : String.format(Locale.ROOT, format, v[0]) + " to " +
            String.format(Locale.ROOT, format, v[v.length - 1]) + " (median " +
            String.format(Locale.ROOT, format, median(v)) + ")";
    }

    private static double median(final List<Double> values)
    {
        return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /**
     * @param sorted values in ascending order.
     * @return their median, NaN when there is none.
     */
    static double median(final double[] sorted)
    {
        if (sorted.length == 0)
        {
            return Double.NaN;
        }
        final double[] v = sorted.clone();
        Arrays.sort(v);
        final int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A command as a reader would type it: the engine's JVM line shown as {@code ./timestudy scan ARGS}. */
    static String display(final List<String> command)
    {
        final int main = command.indexOf("org.timestudy.engine.cli.ScanCommand");
        final List<String> shown = main < 0 ? command : command.subList(main + 1, command.size());
        return (main < 0 ? "" : "./timestudy scan ") + String.join(" ", shown.stream().map(ResultsReport::quote)
            .toList());
    }

    private static String quote(final String arg)
    {
        return arg.matches("[A-Za-z0-9_./:=,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * @return cores, CPU model, memory, kernel and JVM of this machine.
     */
    public static String machine()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        try
        {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().ifPresent(l -> m.put("memory", String.format(Locale.ROOT, "%.0f GiB",
                    Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0)));
        }
        catch (final IOException ex)
        {
            // leave them out
        }
        m.put("kernel", Exec.run("uname", "-r").stdout().trim());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        final StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
