package org.timestudy.engine.probe.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.timestudy.engine.capture.PcapLibrary;
import org.timestudy.engine.status.Counters;
import org.timestudy.engine.status.EngineCounter;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;
import org.timestudy.targets.dns.DnsResolver;
import sun.misc.Signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostname-mode (or precision-mode) scan: the conductor. It starts the DNS stage and the HTTP event loop, opens
 * the capture that gives kernel timestamps (or says why it cannot), submits the names, prints a status line once a
 * second, handles SIGINT/SIGTERM (stop starting connections; again: stop now), and journals the scan's start and
 * end.
 */
public final class HostnameScan
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long MAX_ERRORS = 100;

    private final HostnameScanContext ctx;
    private final AtomicInteger interrupts = new AtomicInteger();
    private final long scanId;

    /**
     * What a hostname scan did.
     *
     * @param scanId     the scan's id.
     * @param stopReason "done", "interrupted", "max-runtime" or "errors".
     * @param counters   final counters by name.
     * @param timing     "capture on IF" or why socket timing was used.
     * @param elapsedS   seconds from start to end.
     */
    public record Result(long scanId, String stopReason, Map<String, Object> counters, String timing, double elapsedS)
    {
    }

    private HostnameScan(final HostnameScanContext ctx)
    {
        this.ctx = ctx;
        this.scanId = (System.currentTimeMillis() << 16) | (new SecureRandom().nextInt() & 0xFFFF);
    }

    /**
     * Runs a scan to its end.
     *
     * @param ctx the settings (concluded here).
     * @return what happened.
     */
    public static Result run(final HostnameScanContext ctx)
    {
        return new HostnameScan(ctx.conclude()).run();
    }

    private Result run()
    {
        if (ctx.installSignalHandlers)
        {
            Signal.handle(new Signal("INT"), s -> onInterrupt());
            Signal.handle(new Signal("TERM"), s -> onInterrupt());
        }
        try
        {
            Files.createDirectories(ctx.journalDir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final String scanner = scannerAddress();
        ctx.err.printf("timestudy scan: probe http (%s mode), %,d names, schemes %s, at most %d connections (%d per " +
            "address), DNS %s%n", ctx.precision ? "precision" : "hostname", ctx.names.size(),
            (ctx.http ? "http:" + ctx.httpPort : "") + (ctx.http && ctx.https ? " " : "") +
            (ctx.https ? "https:" + ctx.httpsPort : ""), ctx.maxConnections, ctx.maxPerAddress, ctx.dnsServer);
        final long startedNs = System.nanoTime();
        try (ChronicleQueue queue = Journal.openForWrite(ctx.journalDir);
            JournalAppender events = new JournalAppender(queue);
            Counters counters = Counters.create(ctx.journalDir);
            NameResolver resolver = new NameResolver(ctx))
        {
            final CaptureClock capture = openCapture();
            final String timing = capture == null ? (ctx.captureInterface == null ? "socket (capture off)" :
                "socket (no capture privileges: run as root for kernel timestamps)") :
                "capture on " + ctx.captureInterface;
            ctx.err.printf("  timing: %s; journal %s; User-Agent: %s%n", timing, ctx.journalDir,
                ctx.userAgent.replace(HeadRequest.SCANNER_PLACEHOLDER, scanner));
            final ScanEventFlyweight event = new ScanEventFlyweight().wrap(events.buffer(), 0);
            events.append(event.encode(RecordType.SCAN_START, scanId, Instant.now().toEpochMilli() * 1_000_000L,
                ctx.parameters));
            final HttpClientAgent agent = new HttpClientAgent(ctx, resolver, capture, queue, scanner, scanId,
                new HttpClientAgent.Counters(counters.counter(EngineCounter.HTTP_CONNECTIONS),
                    counters.counter(EngineCounter.HTTP_RESPONSES), counters.counter(EngineCounter.HTTP_FAILURES),
                    counters.counter(EngineCounter.HTTP_REDIRECTS_QUEUED),
                    counters.counter(EngineCounter.HTTP_CAPTURE_TIMED),
                    counters.counter(EngineCounter.HTTP_JOURNALED), counters.counter(EngineCounter.HTTP_ACTIVE)));
            final AgentRunner runner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 200_000),
                ex -> ex.printStackTrace(ctx.err), counters.counter(EngineCounter.ERRORS), agent);
            String stopReason = "done";
            try
            {
                resolver.start();
                for (final String name : ctx.names)
                {
                    resolver.submit(name, 0);
                }
                AgentRunner.startOnThread(runner);
                stopReason = conduct(agent, resolver, counters, startedNs);
            }
            finally
            {
                runner.close();
                if (capture != null)
                {
                    capture.close();
                }
            }
            final Map<String, Object> finalCounters = new LinkedHashMap<>();
            for (final EngineCounter c : EngineCounter.values())
            {
                if (c.name().startsWith("HTTP") || c == EngineCounter.ERRORS)
                {
                    finalCounters.put(c.name().toLowerCase(), counters.get(c));
                }
            }
            finalCounters.put("names_resolved", resolver.resolved());
            final double elapsedS = (System.nanoTime() - startedNs) / 1e9;
            final Map<String, Object> end = new LinkedHashMap<>();
            end.put("stopReason", stopReason);
            end.put("counters", finalCounters);
            end.put("timing", timing);
            end.put("elapsedS", elapsedS);
            events.append(event.encode(RecordType.SCAN_END, scanId, Instant.now().toEpochMilli() * 1_000_000L,
                JSON.writeValueAsString(end)));
            final Result result = new Result(scanId, stopReason, finalCounters, timing, elapsedS);
            if (ctx.metadataFile != null)
            {
                final Map<String, Object> m = new LinkedHashMap<>(end);
                m.put("scanId", scanId);
                m.put("probe", "http");
                m.put("parameters", JSON.readTree(ctx.parameters));
                JSON.writeValue(ctx.metadataFile.toFile(), m);
            }
            ctx.err.printf("scan %d %s: %d names resolved, %d connections, %d responses, %d failures, %d redirects " +
                "queued, %d capture-timed, %.1f s%n", scanId, stopReason, resolver.resolved(),
                counters.get(EngineCounter.HTTP_CONNECTIONS), counters.get(EngineCounter.HTTP_RESPONSES),
                counters.get(EngineCounter.HTTP_FAILURES), counters.get(EngineCounter.HTTP_REDIRECTS_QUEUED),
                counters.get(EngineCounter.HTTP_CAPTURE_TIMED), elapsedS);
            return result;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private String conduct(final HttpClientAgent agent, final NameResolver resolver, final Counters counters,
        final long startedNs)
    {
        long nextReportNs = startedNs + TimeUnit.SECONDS.toNanos(1);
        long lastDone = 0;
        String reason = "done";
        boolean stopping = false;
        while (!agent.finished())
        {
            final double elapsedS = (System.nanoTime() - startedNs) / 1e9;
            if (!stopping && (interrupts.get() > 0 || elapsedS > ctx.maxRuntimeS))
            {
                reason = interrupts.get() > 0 ? "interrupted" : "max-runtime";
                agent.stopStarting();
                stopping = true;
            }
            if (interrupts.get() > 1)
            {
                break;
            }
            if (counters.get(EngineCounter.ERRORS) > MAX_ERRORS)
            {
                ctx.err.println("timestudy: stopping after " + MAX_ERRORS + " errors on the event loop (see above)");
                return "errors";
            }
            final long now = System.nanoTime();
            if (now - nextReportNs >= 0)
            {
                nextReportNs += TimeUnit.SECONDS.toNanos(1);
                final long done = counters.get(EngineCounter.HTTP_RESPONSES) +
                    counters.get(EngineCounter.HTTP_FAILURES);
                if (!ctx.quiet)
                {
                    ctx.out.printf("%s names %d/%d; open %d; done %d (%d/s); responses %d, failures %d, " +
                        "capture-timed %d%n", clock(elapsedS), resolver.resolved(), ctx.names.size() + counters.get(
                        EngineCounter.HTTP_REDIRECTS_QUEUED), counters.get(EngineCounter.HTTP_ACTIVE), done,
                        done - lastDone, counters.get(EngineCounter.HTTP_RESPONSES),
                        counters.get(EngineCounter.HTTP_FAILURES), counters.get(EngineCounter.HTTP_CAPTURE_TIMED));
                }
                lastDone = done;
            }
            try
            {
                Thread.sleep(10);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return reason;
    }

    private CaptureClock openCapture()
    {
        if (ctx.captureInterface == null)
        {
            return null;
        }
        PcapLibrary.configure();
        final StringBuilder filter = new StringBuilder("tcp and (");
        if (ctx.http)
        {
            filter.append("port ").append(ctx.httpPort);
        }
        if (ctx.https)
        {
            filter.append(ctx.http ? " or " : "").append("port ").append(ctx.httpsPort);
        }
        return CaptureClock.open(ctx.captureInterface, filter.append(')').toString(), 64 << 20);
    }

    /** Our address towards the DNS server: connecting a UDP socket sends nothing, it only picks a route. */
    private String scannerAddress()
    {
        try (DatagramSocket s = new DatagramSocket())
        {
            final InetSocketAddress dns = DnsResolver.parseServer(ctx.dnsServer);
            s.connect(dns);
            final InetAddress local = s.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? "scanner" : local.getHostAddress();
        }
        catch (final IOException | RuntimeException ex)
        {
            return "scanner";
        }
    }

    private void onInterrupt()
    {
        final int n = interrupts.incrementAndGet();
        ctx.err.println(n == 1 ? "stopping: no new connections; waiting for open ones (Ctrl-C again to stop now)" :
            "stopping now");
    }

    private static String clock(final double seconds)
    {
        final long s = (long)seconds;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
