package org.timestudy.bench.e2e;

import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabLayout;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.LabProcess;
import org.timestudy.testbed.sim.SimInternet;
import org.timestudy.testbed.sim.SimSpec;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The head-to-head benchmark's conductor. It brings up a lab with only the simulated Internet (the {@code bench}
 * preset: every request answered normally), installs the wire counters and starts the heartbeat, then for each
 * repetition, rate and contender, one after another: waits for a quiet machine, runs the tool in the scanner
 * namespace, and collects the wire counts, the responder's counts, what the tool recorded, and CPU time. It takes
 * the lab down at the end, whatever happens.
 *
 * <p>Each run sends {@code k} probes to every target, k chosen so the run lasts about {@link Context#secondsPerRun}
 * at the requested rate: timestudy as k rounds, zmap with {@code -P k}; masscan probes each target once
 * ({@link MasscanContender}).
 */
public final class HeadToHead
{
    private final Context ctx;
    private final PrintStream out;

    private HeadToHead(final Context ctx)
    {
        this.ctx = ctx;
        this.out = ctx.out;
    }

    /**
     * Runs the benchmark.
     *
     * @param ctx a context (concluded here).
     * @return every run's figures.
     */
    public static List<RunResult> run(final Context ctx)
    {
        return new HeadToHead(ctx.conclude()).run();
    }

    private List<RunResult> run()
    {
        Lab.requireRoot();
        if (ctx.contenders.stream().anyMatch(c -> !c.key().equals("timestudy")))
        {
            Peers.ensureInstalled(List.of("zmap", "masscan"));
        }
        final List<RunResult> results = new ArrayList<>();
        final SimSpec spec = SimSpec.bench(ctx.simSeed, LabLayout.SIM_SPACE, Instant.now().toEpochMilli() * 1_000_000L);
        try (Lab lab = Lab.up(ctx.labId, false, List.of(), List.of(), spec, ctx.err))
        {
            final LabManifest m = lab.manifest();
            final AddressRange targets = AddressRange.parse(ctx.targets);
            final AddressRange sim = AddressRange.parse(m.simulatedSpace());
            if (!sim.contains(targets.first()) || !sim.contains(targets.last()))
            {
                throw new IllegalArgumentException("targets " + ctx.targets + " must lie inside the lab's simulated " +
                    "space " + m.simulatedSpace());
            }
            final ReplyCheck check = new ReplyCheck(spec.population());
            final WireCounters wire = WireCounters.install(m, ctx.workDir, ctx.ingressDrop);
            final double totalS = ctx.repeats * ctx.rates.size() * ctx.contenders.size() *
                (ctx.secondsPerRun * 4 + 60.0) + ctx.loadWaitS;
            try (LabProcess heartbeat = LabProcess.start(m.internetNamespace(), Heartbeat.class.getName(),
                List.of(m.internetInterface(), m.scannerMac(), m.gatewayMac(), Integer.toString(ctx.heartbeatPerSecond),
                    Double.toString(totalS))))
            {
                for (int rep = 1; rep <= ctx.repeats; rep++)
                {
                    for (final double rate : ctx.rates)
                    {
                        for (final Contender c : ctx.contenders)
                        {
                            final RunResult r = runOne(m, wire, check, c, rep, rate, heartbeat.process().pid());
                            results.add(r);
                            out.println(ResultsReport.line(r));
                        }
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return results;
    }

    private RunResult runOne(final LabManifest m, final WireCounters wire, final ReplyCheck check,
        final Contender contender, final int rep, final double rate, final long heartbeatPid) throws IOException
    {
        final long targetCount = AddressRange.parse(ctx.targets).size();
        final double plannedPps = Double.isInfinite(rate) ? ctx.maxRateGuessPps : rate;
        final int k = !contender.repeatsTargets() ? 1 :
            (int)Math.max(1, Math.round(plannedPps * ctx.secondsPerRun / targetCount));
        final Path dir = ctx.workDir.resolve(String.format("r%d-%s-%s", rep, RateLadder.label(rate), contender.key()));
        Files.createDirectories(dir);
        final RunPlan plan = new RunPlan(m, ctx.targets, targetCount, rate, k, ctx.cooldownS, ctx.seed + rep, dir);
        final List<String> command = contender.command(plan);
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", m.scannerNamespace()));
        full.addAll(CpuTime.wrap(command));

        final double load = awaitQuietMachine();
        final long simPid = m.simulation().pid();
        final Path status = Path.of(m.simulation().statusFile());
        final Map<String, Long> simBefore = freshSimCounters(status);
        final WireCounters.Snapshot wireBefore = wire.read();
        final double busy0 = CpuTime.machineBusySeconds();
        final double sim0 = CpuTime.processSeconds(simPid);
        final double self0 = CpuTime.processSeconds(ProcessHandle.current().pid());
        final double beat0 = CpuTime.processSeconds(heartbeatPid);
        final Path log = dir.resolve("tool.log");
        final long timeoutMs = (long)((plan.probes() / (Double.isInfinite(rate) ? 20_000.0 : rate)) * 4_000) +
            ctx.cooldownS * 1000L + 120_000;
        final long t0 = System.nanoTime();
        final int exit;
        try (SendWindow window = SendWindow.start(simPid, m.internetInterface()))
        {
            exit = runAndWait(full, log, timeoutMs);
            window.close();
            final double wallS = (System.nanoTime() - t0) / 1e9;
            final double busy1 = CpuTime.machineBusySeconds();
            final double simCpu = CpuTime.processSeconds(simPid) - sim0;
            final double selfCpu = CpuTime.processSeconds(ProcessHandle.current().pid()) - self0;
            final double beatCpu = CpuTime.processSeconds(heartbeatPid) - beat0;
            final WireCounters.Snapshot counted = wire.read().minus(wireBefore);
            final Map<String, Long> simAfter = freshSimCounters(status);
            final String output = Files.readString(log);
            final double toolCpu = CpuTime.childrenSecondsIn(output);
            if (exit != 0)
            {
                ctx.err.printf("bench: %s at %s exited with %d; its output ends:%n%s%n", contender.key(),
                    RateLadder.label(rate), exit, tail(output, 1500));
            }
            final Recorded recorded = contender.read(plan, check);
            final RunResult r = new RunResult(rep, contender.key(), contender.label(), RateLadder.label(rate), rate, k,
                plan.probes(), counted, window.windowNs(1) / 1e9,
                simAfter.get("ntp_replies") - simBefore.get("ntp_replies"),
                simAfter.get("kernel_drops") - simBefore.get("kernel_drops"),
                recorded, toolCpu, simCpu, Math.max(0, busy1 - busy0 - toolCpu - simCpu - selfCpu - beatCpu),
                load, exit, wallS, command);
            if (!ctx.keepOutputs)
            {
                deleteTree(dir);
            }
            return r;
        }
    }

    private static int runAndWait(final List<String> command, final Path log, final long timeoutMs)
        throws IOException
    {
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
            .redirectInput(new File("/dev/null")).start();
        try
        {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return -1;
            }
            return p.exitValue();
        }
        catch (final InterruptedException ex)
        {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    /** Waits until the 1-minute load average is below the context's limit (or the wait runs out). */
    private double awaitQuietMachine()
    {
        final long deadline = System.nanoTime() + (long)(ctx.loadWaitS * 1e9);
        double load = CpuTime.loadAverage1m();
        boolean told = false;
        while (!Double.isNaN(ctx.maxLoad) && load >= ctx.maxLoad && System.nanoTime() - deadline < 0)
        {
            if (!told)
            {
                ctx.err.printf("bench: load %.2f >= %.2f, waiting for a quieter machine%n", load, ctx.maxLoad);
                told = true;
            }
            sleepMs(5000);
            load = CpuTime.loadAverage1m();
        }
        if (!Double.isNaN(ctx.maxLoad) && load >= ctx.maxLoad)
        {
            ctx.err.printf("bench: load still %.2f after %.0f s: running anyway (the figure says so)%n", load,
                ctx.loadWaitS);
        }
        return load;
    }

    /** The simulated Internet's counters from a status file written after this call. */
    private static Map<String, Long> freshSimCounters(final Path status) throws IOException
    {
        final long asked = System.currentTimeMillis();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.getLastModifiedTime(status).toMillis() <= asked)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the simulated Internet stopped writing " + status);
            }
            sleepMs(50);
        }
        return SimInternet.counters(status);
    }

    private static String tail(final String text, final int chars)
    {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> s = Files.walk(root))
        {
            for (final Path p : s.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The benchmark's settings, with defaults; {@link #conclude()} checks them once.
     */
    public static final class Context
    {
        List<Double> rates = RateLadder.parse(RateLadder.DEFAULT);
        List<Contender> contenders = allContenders();
        int repeats = 3;
        double secondsPerRun = 6;
        double maxRateGuessPps = 400_000;
        String targets = LabLayout.SIM_SPACE;
        int cooldownS = 2;
        double maxLoad = 1.0;
        double loadWaitS = 1800;
        String labId = Lab.randomId();
        long seed = 7;
        long simSeed = 1;
        int heartbeatPerSecond = 1000;
        boolean keepOutputs;
        boolean ingressDrop = true;
        Path workDir;
        PrintStream out = System.out;
        PrintStream err = System.err;

        /**
         * @return timestudy, timestudy with {@code --t1 send-clock}, zmap -M ntp, zmap -M udp and masscan, in that
         *         order.
         */
        public static List<Contender> allContenders()
        {
            return List.of(new TimestudyContender(), new TimestudyContender(true), new ZmapContender("ntp"),
                new ZmapContender("udp"), new MasscanContender());
        }

        /**
         * @param rates requested rates (pps, infinity for max).
         * @return this.
         */
        public Context rates(final List<Double> rates)
        {
            this.rates = List.copyOf(rates);
            return this;
        }

        /**
         * @param keys contender keys to run (timestudy, zmap-ntp, zmap-udp, masscan).
         * @return this.
         */
        public Context contenders(final List<String> keys)
        {
            final List<Contender> chosen = new ArrayList<>();
            for (final String k : keys)
            {
                chosen.add(allContenders().stream().filter(c -> c.key().equals(k)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown contender '" + k + "' (timestudy, zmap-ntp, zmap-udp, " +
                        "masscan)")));
            }
            this.contenders = List.copyOf(chosen);
            return this;
        }

        /**
         * @param repeats passes over the ladder.
         * @return this.
         */
        public Context repeats(final int repeats)
        {
            this.repeats = repeats;
            return this;
        }

        /**
         * @param seconds about how long each run sends.
         * @return this.
         */
        public Context secondsPerRun(final double seconds)
        {
            this.secondsPerRun = seconds;
            return this;
        }

        /**
         * @param cooldownS seconds each tool waits for late replies after its last probe.
         * @return this.
         */
        public Context cooldownS(final int cooldownS)
        {
            this.cooldownS = cooldownS;
            return this;
        }

        /**
         * @param cidr targets, inside the lab's simulated space.
         * @return this.
         */
        public Context targets(final String cidr)
        {
            this.targets = cidr;
            return this;
        }

        /**
         * @param maxLoad wait before each run until the 1-minute load average is below this; NaN to never wait.
         * @param waitS   how long to wait at most.
         * @return this.
         */
        public Context loadGate(final double maxLoad, final double waitS)
        {
            this.maxLoad = maxLoad;
            this.loadWaitS = waitS;
            return this;
        }

        /**
         * @param labId the lab's id (a unique one; an existing lab of that id is taken down first).
         * @return this.
         */
        public Context labId(final String labId)
        {
            this.labId = labId;
            return this;
        }

        /**
         * @param workDir where runs write their files.
         * @return this.
         */
        public Context workDir(final Path workDir)
        {
            this.workDir = workDir;
            return this;
        }

        /**
         * @param keep keep each run's files (journals, CSVs, logs) instead of deleting them after reading.
         * @return this.
         */
        public Context keepOutputs(final boolean keep)
        {
            this.keepOutputs = keep;
            return this;
        }

        /**
         * @param drop drop NTP at both ends' ingress right after counting it, sparing the kernel's IP input for
         *             every tool alike ({@link WireCounters}).
         * @return this.
         */
        public Context ingressDrop(final boolean drop)
        {
            this.ingressDrop = drop;
            return this;
        }

        /**
         * @return whether NTP is dropped at ingress after counting.
         */
        public boolean ingressDrop()
        {
            return ingressDrop;
        }

        /**
         * @param out where each run's line goes.
         * @param err progress and warnings.
         * @return this.
         */
        public Context output(final PrintStream out, final PrintStream err)
        {
            this.out = out;
            this.err = err;
            return this;
        }

        /**
         * @return the rates.
         */
        public List<Double> rates()
        {
            return rates;
        }

        /**
         * @return the contenders.
         */
        public List<Contender> contenders()
        {
            return contenders;
        }

        /**
         * @return passes over the ladder.
         */
        public int repeats()
        {
            return repeats;
        }

        /**
         * @return about how long each run sends, s.
         */
        public double secondsPerRun()
        {
            return secondsPerRun;
        }

        /**
         * @return each tool's cooldown, s.
         */
        public int cooldownS()
        {
            return cooldownS;
        }

        /**
         * @return the targets.
         */
        public String targets()
        {
            return targets;
        }

        /**
         * @return the load limit, NaN for none.
         */
        public double maxLoad()
        {
            return maxLoad;
        }

        /**
         * Checks the settings and fills defaults.
         *
         * @return this.
         */
        public Context conclude()
        {
            if (rates.isEmpty() || contenders.isEmpty())
            {
                throw new IllegalArgumentException("need at least one rate and one contender");
            }
            if (repeats < 1 || !(secondsPerRun > 0) || cooldownS < 0 || heartbeatPerSecond < 1)
            {
                throw new IllegalArgumentException("repeats >= 1, seconds per run > 0, cooldown >= 0 needed");
            }
            new LabLayout(labId);
            AddressRange.parse(targets);
            if (workDir == null)
            {
                try
                {
                    workDir = Files.createTempDirectory("timestudy-bench-e2e");
                }
                catch (final IOException ex)
                {
                    throw new EnvironmentNotReadyException("cannot make a work directory: " + ex.getMessage());
                }
            }
            return this;
        }
    }
}
