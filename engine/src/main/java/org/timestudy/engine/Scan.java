package org.timestudy.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.HdrHistogram.Histogram;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.timestudy.engine.capture.CaptureAgent;
import org.timestudy.engine.capture.CaptureHandle;
import org.timestudy.engine.capture.FollowUpSender;
import org.timestudy.engine.capture.SendClockRing;
import org.timestudy.engine.capture.T1Ring;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.send.KissOfDeathInbox;
import org.timestudy.engine.send.RateLimiter;
import org.timestudy.engine.send.RoundFile;
import org.timestudy.engine.send.SendAgent;
import org.timestudy.engine.status.Counters;
import org.timestudy.engine.status.EngineCounter;
import org.timestudy.engine.status.StatusLine;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.journal.Journal;
import org.timestudy.targets.resume.ResumeFile;
import org.timestudy.targets.resume.ScanFingerprint;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;
import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.nativeio.NetworkInterfaceInfo;
import org.timestudy.nativeio.PacketSocket;
import org.timestudy.nativeio.PcapCapture;
import sun.misc.Signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scan: the conductor. It opens the capture handle first (so our own probes are seen leaving), starts the
 * capture agent and the send agents on their threads, prints the status line once a second, handles signals, waits
 * the cooldown after the last probe, and journals the scan's start and end.
 *
 * <p>Signals: SIGINT/SIGTERM stop sending and wait the cooldown (a second one skips it); SIGUSR1/SIGUSR2 raise or
 * lower the rate by 5%.
 */
public final class Scan
{
    private static final double RATE_STEP = 1.05;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ScanContext ctx;
    private final AtomicInteger interrupts = new AtomicInteger();
    private final AtomicInteger rateSteps = new AtomicInteger();
    private final long scanId;

    private Scan(final ScanContext ctx)
    {
        this.ctx = ctx;
        this.scanId = (System.currentTimeMillis() << 16) | (new SecureRandom().nextInt() & 0xFFFF);
    }

    /**
     * Runs a scan to its end.
     *
     * @param ctx a concluded context.
     * @return what happened.
     */
    public static ScanResult run(final ScanContext ctx)
    {
        return new Scan(ctx.conclude()).run();
    }

    private ScanResult run()
    {
        printSummary();
        if (ctx.dryRun)
        {
            return dryRun();
        }
        if (ctx.installSignalHandlers)
        {
            installSignals();
        }
        try
        {
            Files.createDirectories(ctx.journalDir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        try (FileChannel lockFile = FileChannel.open(ctx.journalDir.resolve("scan.lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock())
        {
            if (lock == null)
            {
                throw new IllegalArgumentException("another scan is writing journal " + ctx.journalDir +
                    ": give this one its own --journal");
            }
            return runLocked();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private ScanResult runLocked()
    {
        final long[] key = key();
        final ProbeContext probeCtx = new ProbeContext(ctx.sourceMac, ctx.gatewayMac, ctx.sourceAddress,
            ctx.firstLocalPort, ctx.localPortCount, ctx.ttl, ctx.probeOptions);
        final ProbeCookie cookie = ProbeContext.cookie(key[0], key[1], ctx.probe);
        final double windowS = Math.max(ctx.cooldownS, 1) + ctx.roundIntervalS;
        final int ringCapacity = T1Ring.capacityFor(Double.isInfinite(ctx.ratePps) ? 2_000_000 : ctx.ratePps,
            windowS);
        final T1Ring t1Ring = new T1Ring(ringCapacity);
        final SendClockRing sendClocks = new SendClockRing(t1Ring.capacity());
        final long totalTargets = ctx.targets.shardTargets() * ctx.rounds;
        final ScanFingerprint fingerprint = ScanFingerprint.of(ctx.targets.order(), ctx.senderThreads);

        try (ChronicleQueue queue = Journal.openForWrite(ctx.journalDir);
            JournalAppender events = new JournalAppender(queue);
            Counters counters = Counters.create(ctx.journalDir);
            ResumeFile resume = ctx.resume ? ResumeFile.resume(ctx.resumeFile, fingerprint) :
                ResumeFile.create(ctx.resumeFile, fingerprint);
            RoundFile rounds = ctx.rounds > 1 ? RoundFile.open(ctx.roundFile, ctx.senderThreads, ctx.resume) : null;
            PcapCapture handle = openCapture(probeCtx);
            StatusLine status = new StatusLine(counters, totalTargets, resumedTargets(resume), ctx.statusFile))
        {
            final long startNs = Instant.now().toEpochMilli() * 1_000_000L;
            final ScanEventFlyweight event = new ScanEventFlyweight().wrap(events.buffer(), 0);
            events.append(event.encode(RecordType.SCAN_START, scanId, startNs, ctx.parameters));

            final KissOfDeathInbox[] kisses = new KissOfDeathInbox[ctx.senderThreads];
            final List<SendAgent> senders = new ArrayList<>();
            final List<PacketSocket> sockets = new ArrayList<>();
            for (int t = 0; t < ctx.senderThreads; t++)
            {
                kisses[t] = new KissOfDeathInbox();
            }
            final ErrorHandler errors = errorHandler();
            final CaptureAgent capture = new CaptureAgent(handle, ctx.probe.newReceiver(probeCtx), cookie, ctx.targets,
                new JournalAppender(queue), kisses, t1Ring, sendClocks, scanId, ctx.probesPerTarget, ctx.sourceMac,
                counters);
            if (ctx.t1FromSendClock)
            {
                capture.t1FromSendClock((long)((ctx.cooldownS + ctx.roundIntervalS + 2) * 1e9));
            }
            // Stateful probes (HTTP over raw TCP) answer replies from the capture thread; the socket opens on use.
            final FollowUpSender followUps = new FollowUpSender(ctx.interfaceName, ctx.targets,
                counters.counter(EngineCounter.FOLLOW_UPS_SENT), counters.counter(EngineCounter.FOLLOW_UP_FAILURES));
            capture.followUps(followUps);
            final AgentRunner captureRunner = new AgentRunner(
                new BackoffIdleStrategy(10, 10, 1_000, 100_000), errors, counters.counter(EngineCounter.ERRORS),
                capture);
            AgentRunner.startOnThread(captureRunner);

            final double perThreadRate = ctx.ratePps / ctx.senderThreads;
            final List<AgentRunner> sendRunners = new ArrayList<>();
            try
            {
                for (int t = 0; t < ctx.senderThreads; t++)
                {
                    final PacketSocket socket = PacketSocket.openForSend(ctx.interfaceName);
                    socket.sendBufferBytes(4 << 20);
                    sockets.add(socket);
                    final SendAgent agent = new SendAgent.Builder()
                        .thread(t, ctx.senderThreads)
                        .socket(socket)
                        .probe(ctx.probe.newSender(probeCtx), ctx.probe.maxFrameLength(), cookie)
                        .targets(ctx.targets)
                        .kisses(kisses[t])
                        .sendClocks(sendClocks)
                        .resume(resume, rounds)
                        .probes(ctx.probesPerTarget, ctx.firstLocalPort, ctx.localPortCount)
                        .rounds(ctx.rounds, (long)(ctx.roundIntervalS * 1e9))
                        .rate(perThreadRate)
                        .counters(counters.counter(EngineCounter.PROBES_SENT),
                            counters.counter(EngineCounter.SEND_FAILURES),
                            counters.counter(EngineCounter.BLOCKED_AT_SEND),
                            counters.counter(EngineCounter.KOD_SKIPPED),
                            counters.counter(EngineCounter.TARGETS_DONE))
                        .build();
                    senders.add(agent);
                    final AgentRunner runner = new AgentRunner(
                        new BackoffIdleStrategy(1, 1, 1_000, 200_000), errors, counters.counter(EngineCounter.ERRORS),
                        agent);
                    sendRunners.add(runner);
                }
                sendRunners.forEach(AgentRunner::startOnThread);
                final String stopReason = conduct(senders, status, counters, totalTargets);
                cooldown(status);
                sendRunners.forEach(AgentRunner::close);
                captureRunner.close();
                final long endNs = Instant.now().toEpochMilli() * 1_000_000L;
                final Map<String, Object> finalCounters = counterMap(counters);
                final Map<String, Object> t1Error = histogram(capture.t1ErrorNs());
                final Map<String, Object> end = new LinkedHashMap<>();
                end.put("stopReason", stopReason);
                end.put("counters", finalCounters);
                end.put("t1CaptureMinusSendClockNs", t1Error);
                end.put("t1RingSlots", t1Ring.capacity());
                end.put("t1RingBytes", t1Ring.capacity() * 16L);
                events.append(event.encode(RecordType.SCAN_END, scanId, endNs, JSON.writeValueAsString(end)));
                status.report(elapsedS(), ctx.quiet ? null : ctx.out);
                final ScanResult result = new ScanResult(scanId, stopReason, finalCounters, t1Error,
                    startNs, endNs, stopReason.equals("done"));
                writeMetadata(result);
                printEnd(result, counters);
                return result;
            }
            finally
            {
                sendRunners.forEach(AgentRunner::close);
                captureRunner.close();
                sockets.forEach(PacketSocket::close);
                followUps.close();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private long startedNs;

    private long resumedTargets(final ResumeFile resume)
    {
        long done = 0;
        for (int t = 0; ctx.resume && t < ctx.senderThreads; t++)
        {
            done += resume.point(t).produced();
        }
        return done;
    }

    private double elapsedS()
    {
        return (System.nanoTime() - startedNs) / 1e9;
    }

    private String conduct(final List<SendAgent> senders, final StatusLine status, final Counters counters,
        final long totalTargets)
    {
        startedNs = System.nanoTime();
        long nextReportNs = startedNs + TimeUnit.SECONDS.toNanos(1);
        int appliedSteps = 0;
        while (true)
        {
            if (senders.stream().allMatch(SendAgent::finished))
            {
                return "done";
            }
            if (interrupts.get() > 0)
            {
                senders.forEach(SendAgent::requestStop);
                awaitFinished(senders);
                return "interrupted";
            }
            if (elapsedS() > ctx.maxRuntimeS)
            {
                senders.forEach(SendAgent::requestStop);
                awaitFinished(senders);
                return "max-runtime";
            }
            final int steps = rateSteps.get();
            if (steps != appliedSteps)
            {
                appliedSteps = steps;
                for (final SendAgent s : senders)
                {
                    s.requestRate(ctx.ratePps / ctx.senderThreads * Math.pow(RATE_STEP, steps));
                }
                ctx.err.printf("rate now %.1f pps%n", ctx.ratePps * Math.pow(RATE_STEP, steps));
            }
            final long now = System.nanoTime();
            if (now - nextReportNs >= 0)
            {
                nextReportNs += TimeUnit.SECONDS.toNanos(1);
                final String warning = status.report(elapsedS(), ctx.quiet ? null : ctx.out);
                if (warning != null)
                {
                    ctx.err.print(warning);
                }
                if (ctx.minHitrate > 0 && elapsedS() > ScanContext.MIN_HITRATE_GRACE_S)
                {
                    final long done = counters.get(EngineCounter.TARGETS_DONE);
                    final long valid = counters.get(EngineCounter.REPLIES_VALID);
                    if (done > 0 && (double)valid / done < ctx.minHitrate)
                    {
                        senders.forEach(SendAgent::requestStop);
                        awaitFinished(senders);
                        return "min-hitrate";
                    }
                }
            }
            sleepMs(10);
        }
    }

    private void cooldown(final StatusLine status)
    {
        final int seen = interrupts.get();
        final long end = System.nanoTime() + (long)(ctx.cooldownS * 1e9);
        long nextReportNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        if (ctx.cooldownS > 0 && !ctx.quiet)
        {
            ctx.err.printf("cooldown: waiting %.0f s for late replies%s%n", ctx.cooldownS,
                ctx.installSignalHandlers ? " (Ctrl-C again to skip)" : "");
        }
        while (System.nanoTime() - end < 0)
        {
            if (interrupts.get() > seen)
            {
                ctx.err.println("cooldown skipped");
                return;
            }
            if (System.nanoTime() - nextReportNs >= 0)
            {
                nextReportNs += TimeUnit.SECONDS.toNanos(1);
                status.report(elapsedS(), ctx.quiet ? null : ctx.out);
            }
            sleepMs(10);
        }
    }

    private void awaitFinished(final List<SendAgent> senders)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!senders.stream().allMatch(SendAgent::finished) && System.nanoTime() - deadline < 0)
        {
            sleepMs(1);
        }
    }

    private ScanResult dryRun()
    {
        final ProbeContext probeCtx = new ProbeContext(ctx.sourceMac, ctx.gatewayMac, ctx.sourceAddress,
            ctx.firstLocalPort, ctx.localPortCount, ctx.ttl);
        final long[] key = key();
        final ProbeCookie cookie = ProbeContext.cookie(key[0], key[1], ctx.probe);
        final AtomicCounter[] c = new AtomicCounter[5];
        final org.agrona.concurrent.status.CountersManager m = new org.agrona.concurrent.status.CountersManager(
            new org.agrona.concurrent.UnsafeBuffer(new byte[16 * 1024]),
            new org.agrona.concurrent.UnsafeBuffer(new byte[16 * 128]));
        for (int i = 0; i < c.length; i++)
        {
            c[i] = m.newCounter("dry-run " + i);
        }
        final SendAgent agent = new SendAgent.Builder()
            .dryRun(ctx.out)
            .probe(ctx.probe.newSender(probeCtx), ctx.probe.maxFrameLength(), cookie)
            .targets(ctx.targets)
            .kisses(new KissOfDeathInbox())
            .sendClocks(new SendClockRing(1024))
            .probes(ctx.probesPerTarget, ctx.firstLocalPort, ctx.localPortCount)
            .rate(RateLimiter.UNLIMITED)
            .counters(c[0], c[1], c[2], c[3], c[4])
            .build();
        while (!agent.finished())
        {
            agent.doWork();
        }
        ctx.err.printf("dry run: %d targets described, %d blocked at send time, nothing sent%n", c[4].get(),
            c[2].get());
        return new ScanResult(0, "dry-run", Map.of("targets", c[4].get()), Map.of(), 0, 0, true);
    }

    private PcapCapture openCapture(final ProbeContext probeCtx)
    {
        final String filter = ctx.probe.captureFilter(probeCtx);
        return CaptureHandle.open(ctx.interfaceName, ctx.probe.snapLength(), ctx.pcapBufferBytes,
            ctx.t1FromSendClock ? "(" + filter + ") and not ether src " + NetworkInterfaceInfo.formatMac(ctx.sourceMac) :
            filter);
    }

    private long[] key()
    {
        final Path keyFile = ctx.dryRun ? null : ctx.journalDir.resolve("scan.key");
        try
        {
            if (keyFile != null && ctx.resume && Files.exists(keyFile))
            {
                final String[] parts = Files.readString(keyFile).trim().split("\\s+");
                return new long[] {Long.parseUnsignedLong(parts[0], 16), Long.parseUnsignedLong(parts[1], 16)};
            }
            final SecureRandom random = new SecureRandom();
            final long[] key = {random.nextLong(), random.nextLong()};
            if (keyFile != null)
            {
                // Kept so that a resumed scan still validates replies to probes sent before it stopped.
                Files.writeString(keyFile, Long.toHexString(key[0]) + " " + Long.toHexString(key[1]) + "\n");
                keyFile.toFile().setReadable(false, false);
                keyFile.toFile().setReadable(true, true);
            }
            return key;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void installSignals()
    {
        Signal.handle(new Signal("INT"), s -> onInterrupt());
        Signal.handle(new Signal("TERM"), s -> onInterrupt());
        Signal.handle(new Signal("USR1"), s -> rateSteps.incrementAndGet());
        Signal.handle(new Signal("USR2"), s -> rateSteps.decrementAndGet());
    }

    private void onInterrupt()
    {
        final int n = interrupts.incrementAndGet();
        ctx.err.println(n == 1 ? "stopping: no more probes; waiting the cooldown (Ctrl-C again to skip)" :
            "skipping the cooldown");
    }

    private void printSummary()
    {
        final double rate = ctx.ratePps;
        final long targets = ctx.targets.shardTargets() * ctx.rounds;
        final double etaS = Double.isInfinite(rate) ? Double.NaN :
            targets * ctx.probesPerTarget / rate + (ctx.rounds - 1) * ctx.roundIntervalS + ctx.cooldownS;
        ctx.err.printf("timestudy scan: probe %s, %,d targets x %d probe(s) x %d round(s), rate %s, ETA %s%n",
            ctx.probe.name(), ctx.targets.shardTargets(), ctx.probesPerTarget, ctx.rounds,
            Double.isInfinite(rate) ? "max" : String.format("%,.0f pps", rate), StatusLine.clock(etaS));
        ctx.err.printf("  blocklist: %s%n", ctx.targets.summary());
        if (!ctx.dryRun)
        {
            ctx.err.printf("  interface %s, source %s, journal %s%s%n", ctx.interfaceName,
                Ipv4.format(ctx.sourceAddress), ctx.journalDir, ctx.resume ? " (resuming)" : "");
        }
    }

    private void printEnd(final ScanResult r, final Counters counters)
    {
        if (ctx.quiet)
        {
            return;
        }
        ctx.err.printf("scan %d %s: %d probes sent, %d valid replies journaled, %d ICMP, %d dropped as invalid, " +
            "pcap drops %d%n", r.scanId(), r.stopReason(), counters.get(EngineCounter.PROBES_SENT),
            counters.get(EngineCounter.REPLIES_VALID), counters.get(EngineCounter.ICMP_UNREACHABLE),
            counters.get(EngineCounter.DROP_WRONG_COOKIE) + counters.get(EngineCounter.DROP_WRONG_MODE) +
            counters.get(EngineCounter.DROP_WRONG_VERSION) +
            counters.get(EngineCounter.DROP_TRUNCATED) + counters.get(EngineCounter.DROP_OVERSIZED) +
            counters.get(EngineCounter.DROP_DUPLICATE) + counters.get(EngineCounter.DROP_NOT_IN_SCAN),
            counters.get(EngineCounter.PCAP_DROPS));
        if (!r.complete())
        {
            ctx.err.printf("resume with the same options plus --resume --seed %d (position in %s)%n", ctx.seed,
                ctx.resumeFile);
        }
    }

    private void writeMetadata(final ScanResult r) throws IOException
    {
        if (ctx.metadataFile == null)
        {
            return;
        }
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", r.scanId());
        m.put("probe", ctx.probe.name());
        m.put("parameters", JSON.readTree(ctx.parameters));
        m.put("seed", ctx.seed);
        m.put("start", Instant.ofEpochMilli(r.startEpochNs() / 1_000_000L).toString());
        m.put("end", Instant.ofEpochMilli(r.endEpochNs() / 1_000_000L).toString());
        m.put("stopReason", r.stopReason());
        m.put("complete", r.complete());
        m.put("counters", r.counters());
        m.put("t1CaptureMinusSendClockNs", r.t1ErrorNs());
        JSON.writeValue(ctx.metadataFile.toFile(), m);
    }

    private static Map<String, Object> counterMap(final Counters counters)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        for (final EngineCounter c : EngineCounter.values())
        {
            m.put(c.name().toLowerCase(), counters.get(c));
        }
        return m;
    }

    private static Map<String, Object> histogram(final Histogram h)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0)
        {
            m.put("p50", h.getValueAtPercentile(50));
            m.put("p99", h.getValueAtPercentile(99));
            m.put("p999", h.getValueAtPercentile(99.9));
            m.put("max", h.getMaxValue());
            final ByteArrayOutputStream text = new ByteArrayOutputStream();
            h.outputPercentileDistribution(new PrintStream(text, true, StandardCharsets.UTF_8), 5, 1000.0);
            m.put("distributionUs", text.toString(StandardCharsets.UTF_8));
        }
        return m;
    }

    private ErrorHandler errorHandler()
    {
        return ex ->
        {
            ctx.err.println("timestudy: error on an agent thread: " + ex);
            ex.printStackTrace(ctx.err);
        };
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
}
