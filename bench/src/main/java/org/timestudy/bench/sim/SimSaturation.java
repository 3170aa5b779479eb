package org.timestudy.bench.sim;

import org.timestudy.bench.e2e.CpuTime;
import org.timestudy.bench.e2e.RateLadder;
import org.timestudy.bench.e2e.SendWindow;
import org.timestudy.bench.e2e.WireCounters;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabLayout;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.LabProcess;
import org.timestudy.testbed.sim.SimInternet;
import org.timestudy.testbed.sim.SimSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the simulated Internet saturates: a lab with only the simulated Internet ({@code bench} preset), and
 * {@link SimLoad} offering NTP requests from the scanner side at a ladder of rates. For each step: the requests that
 * arrived and the replies that left (nftables on the internet side), the replies the responder counted, the requests
 * the kernel dropped before it read them (its socket's PACKET_STATISTICS), and its CPU time.
 */
public final class SimSaturation
{
    /** Share of arrived requests that must be answered for a step to count as keeping up. */
    public static final double KEEPS_UP_SHARE = 0.999;

    /**
     * One step of the ladder.
     *
     * @param rateLabel    offered rate as asked.
     * @param offeredPps   requests per second that arrived on the internet side.
     * @param requests     requests that arrived.
     * @param replies      replies the responder sent (its counter).
     * @param repliesWire  replies that left the internet side (nftables).
     * @param kernelDrops  requests the kernel dropped before the responder read them.
     * @param windowS      seconds during which requests arrived.
     * @param responderCpu responder CPU seconds per second of the window.
     * @param load1m       1-minute load average at the start.
     */
    public record Step(String rateLabel, double offeredPps, long requests, long replies, long repliesWire,
        long kernelDrops, double windowS, double responderCpu, double load1m)
    {
        /**
         * @return replies per second.
         */
        public double answeredPps()
        {
            return windowS > 0 ? replies / windowS : 0;
        }

        /**
         * @return true when the responder answered at least {@link #KEEPS_UP_SHARE} of what arrived, with no
         *         kernel drop.
         */
        public boolean keepsUp()
        {
            return requests > 0 && kernelDrops == 0 && (double)replies / requests >= KEEPS_UP_SHARE;
        }
    }

    private SimSaturation()
    {
    }

    /**
     * Runs the ladder.
     *
     * @param labId    lab id.
     * @param rates    offered rates (infinity for max).
     * @param seconds  seconds per step.
     * @param repeats  passes over the ladder.
     * @param maxLoad  wait for the 1-minute load average to fall below this before each step (NaN: never).
     * @param loadWaitS longest wait.
     * @param ingressDrop drop NTP at both ends' ingress after counting it ({@link WireCounters}).
     * @param out      where each step's line goes.
     * @return the steps.
     */
    public static List<Step> run(final String labId, final List<Double> rates, final double seconds,
        final int repeats, final double maxLoad, final double loadWaitS, final boolean ingressDrop,
        final PrintStream out)
    {
        Lab.requireRoot();
        final List<Step> steps = new ArrayList<>();
        final SimSpec spec = SimSpec.bench(1, LabLayout.SIM_SPACE, Instant.now().toEpochMilli() * 1_000_000L);
        try (Lab lab = Lab.up(labId, false, List.of(), List.of(), spec, System.err))
        {
            final LabManifest m = lab.manifest();
            final Path work = Files.createTempDirectory("timestudy-bench-sim");
            final WireCounters wire = WireCounters.install(m, work, ingressDrop);
            final long simPid = m.simulation().pid();
            final Path status = Path.of(m.simulation().statusFile());
            for (int rep = 0; rep < repeats; rep++)
            {
                for (final double rate : rates)
                {
                    final double loadAtStart = awaitLoad(maxLoad, loadWaitS);
                    final Map<String, Long> before = fresh(status);
                    final WireCounters.Snapshot w0 = wire.read();
                    final double cpu0 = CpuTime.processSeconds(simPid);
                    final long windowNs;
                    try (SendWindow window = SendWindow.start(simPid, m.internetInterface());
                        LabProcess load = LabProcess.start(m.scannerNamespace(), SimLoad.class.getName(), List.of(
                            m.scannerInterface(), m.scannerAddress(), m.gatewayMac(), m.simulatedSpace(),
                            Double.isInfinite(rate) ? "max" : Long.toString(Math.round(rate)),
                            Double.toString(seconds))))
                    {
                        if (load.await((long)(seconds * 1000) + 60_000) != 0)
                        {
                            throw new IllegalStateException("SimLoad failed:\n" + load.output());
                        }
                        Thread.sleep(300);
                        window.close();
                        windowNs = window.windowNs(1);
                    }
                    final double cpu = CpuTime.processSeconds(simPid) - cpu0;
                    final WireCounters.Snapshot w = wire.read().minus(w0);
                    final Map<String, Long> after = fresh(status);
                    final double windowS = windowNs / 1e9;
                    final Step s = new Step(RateLadder.label(rate), w.requestsIn() / windowS, w.requestsIn(),
                        after.get("ntp_replies") - before.get("ntp_replies"), w.repliesOut(),
                        after.get("kernel_drops") - before.get("kernel_drops"), windowS, cpu / windowS, loadAtStart);
                    steps.add(s);
                    out.println(line(s));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return steps;
    }

    /**
     * @param s a step.
     * @return its line.
     */
    public static String line(final Step s)
    {
        return String.format(Locale.ROOT, "offered %-5s arrived %,9.0f req/s (%,d in %.2f s), answered %,9.0f/s " +
                "(%.3f%%), kernel drops %,d, responder CPU %.2f s/s, load %.2f -> %s", s.rateLabel(), s.offeredPps(),
            s.requests(), s.windowS(), s.answeredPps(), s.requests() > 0 ? 100.0 * s.replies() / s.requests() : 0,
            s.kernelDrops(), s.responderCpu(), s.load1m(), s.keepsUp() ? "keeps up" : "SATURATED");
    }

    private static double awaitLoad(final double maxLoad, final double waitS) throws InterruptedException
    {
        final long deadline = System.nanoTime() + (long)(waitS * 1e9);
        double load = CpuTime.loadAverage1m();
        while (!Double.isNaN(maxLoad) && load >= maxLoad && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(5000);
            load = CpuTime.loadAverage1m();
        }
        return load;
    }

    private static Map<String, Long> fresh(final Path status) throws IOException, InterruptedException
    {
        final long asked = System.currentTimeMillis();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.getLastModifiedTime(status).toMillis() <= asked)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the simulated Internet stopped writing " + status);
            }
            Thread.sleep(50);
        }
        return SimInternet.counters(status);
    }
}
