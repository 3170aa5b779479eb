package org.timestudy.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.timestudy.engine.capture.PcapLibrary;
import org.timestudy.http.HttpOutcome;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.RecordType;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.lab.Exec;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabProcess;
import org.timestudy.testbed.lab.WireCapture;
import org.timestudy.testbed.sim.HttpAnswers;
import org.timestudy.testbed.sim.SimNames;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end HTTP figures in the lab, against the simulated Internet: hostname mode's addresses probed per second;
 * the stateless mode's probes per second (SYNs on the wire, counted by tcpdump on the internet side) and the share
 * of responders whose Date it captured, beside masscan 1.3.2 ({@code --banners}) on the same range at the same rate.
 * The share's denominator is the ground truth: addresses whose simulated server answers in time with a valid Date
 * ({@link HttpAnswers#sendsValidDate}).
 */
public final class HttpBenchmark
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 3000;
    private static final int MASSCAN_SOURCE_PORT = 40_000;

    private final Lab lab;
    private final Path work;
    private final PrintStream out;
    private final Population population;
    private final HttpAnswers answers;
    private final AddressRange space;

    /**
     * One measured run.
     *
     * @param tool        "timestudy" or "masscan".
     * @param rate        requested rate, probes/s (0 for hostname mode).
     * @param probes      probes (SYNs) or addresses done.
     * @param seconds     duration: first to last SYN on the wire, or the hostname scan's elapsed time.
     * @param perSecond   probes (or addresses) per second.
     * @param captured    responders whose Date was captured (stateless), records (hostname).
     * @param responders  responders that send a valid Date (ground truth), or addresses (hostname).
     * @param loadBefore  1-minute load average before the run.
     * @param loadAfter   1-minute load average after the run.
     */
    public record Run(String tool, double rate, long probes, double seconds, double perSecond, long captured,
        long responders, double loadBefore, double loadAfter)
    {
        /**
         * @return captured / responders.
         */
        public double share()
        {
            return responders == 0 ? 0 : (double)captured / responders;
        }
    }

    /**
     * @param lab  a lab running the simulated Internet.
     * @param work a directory for journals, captures and outputs.
     * @param out  progress.
     */
    public HttpBenchmark(final Lab lab, final Path work, final PrintStream out)
    {
        this.lab = lab;
        this.work = work;
        this.out = out;
        this.population = lab.manifest().simulation().spec().population();
        this.space = AddressRange.parse(lab.manifest().simulation().spec().space());
        this.answers = new HttpAnswers(population, space.first(), space.size(), SimNames.COUNT);
    }

    /**
     * Hostname mode over address literals of the simulated space (no DNS wait): addresses probed per second, in the
     * steady state (the middle 80% of the records by T4: start-up and the tail of timeouts left out; the whole run's
     * rate is printed beside it).
     *
     * @param addresses      how many distinct addresses.
     * @param https          the scheme.
     * @param maxConnections connections at once.
     * @return the run.
     * @throws IOException on a file error.
     */
    public Run hostname(final int addresses, final boolean https, final int maxConnections) throws IOException
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < addresses; i++)
        {
            names.add(Ipv4.format(space.first() + 16_384 + i));
        }
        final Path file = Files.write(work.resolve("names-" + System.nanoTime() + ".txt"), names);
        final Path meta = work.resolve("hostname-" + System.nanoTime() + ".json");
        final Path journal = work.resolve("j-" + System.nanoTime());
        final double before = load();
        try (LabProcess scan = LabProcess.scan(lab, List.of("-M", "http", "--names", file.toString(),
            "--schemes", https ? "https" : "http", "--dns-server", lab.manifest().dnsServer(),
            "--no-default-blocklist", "--journal", journal.toString(), "-q",
            "--metadata-file", meta.toString(), "--max-connections", Integer.toString(maxConnections), "-r", "max",
            "--response-timeout-ms", Long.toString(TIMEOUT_MS), "--connect-timeout-ms", Long.toString(TIMEOUT_MS)),
            600_000))
        {
            if (scan.await(1) != 0)
            {
                throw new IllegalStateException("hostname scan failed:\n" + scan.output());
            }
        }
        final JsonNode m = JSON.readTree(meta.toFile());
        final double elapsedS = m.get("elapsedS").asDouble();
        final long done = m.get("counters").get("http_responses").asLong() +
            m.get("counters").get("http_failures").asLong();
        final List<Long> t4 = new ArrayList<>();
        try (var q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            while (reader.read((type, b, length, index) ->
            {
                if (type == RecordType.HTTP_RESPONSE)
                {
                    t4.add(new HttpResponseFlyweight().wrap(b, 0).t4EpochNs());
                }
            }, 100_000) > 0)
            {
                // read to the end
            }
        }
        t4.sort(null);
        final int lo = t4.size() / 10;
        final int hi = t4.size() * 9 / 10;
        final double steadyS = (t4.get(hi) - t4.get(lo)) / 1e9;
        out.printf("  hostname %s: %,d records in %.2f s overall = %,.0f/s%n", https ? "https" : "http", done,
            elapsedS, done / elapsedS);
        return new Run("timestudy " + (https ? "https" : "http"), 0, done, steadyS, (hi - lo) / steadyS,
            m.get("counters").get("http_responses").asLong(), addresses, before, load());
    }

    /**
     * The stateless mode on a range at a rate.
     *
     * @param range a CIDR of the simulated space.
     * @param rate  probes per second.
     * @param seed  the walk's seed.
     * @return the run.
     * @throws Exception on a failure.
     */
    public Run timestudy(final String range, final int rate, final long seed) throws Exception
    {
        final Path journal = work.resolve("stateless-" + System.nanoTime());
        final Path pcap = work.resolve("ts-" + System.nanoTime() + ".pcap");
        final double before = load();
        try (WireCapture capture = WireCapture.start(lab, "tcp[13] == 2", pcap);
            LabProcess scan = LabProcess.scan(lab, List.of("-M", "http", "--no-default-blocklist", range,
                "--journal", journal.toString(), "-r", Integer.toString(rate), "-c", "4", "--seed",
                Long.toString(seed), "-q", "--response-timeout-ms", Long.toString(TIMEOUT_MS)), 600_000))
        {
            if (scan.await(1) != 0)
            {
                throw new IllegalStateException("stateless scan failed:\n" + scan.output());
            }
            Thread.sleep(300);
            capture.stop();
        }
        final long[] syns = syns(pcap);
        final Set<Integer> dates = new HashSet<>();
        try (var q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            while (reader.read((type, b, length, index) ->
            {
                if (type == RecordType.HTTP_RESPONSE)
                {
                    final HttpResponseFlyweight r = new HttpResponseFlyweight().wrap(b, 0);
                    if (r.outcome() == HttpOutcome.RESPONSE.code() &&
                        org.timestudy.http.HttpDateForm.of(r.dateForm()).valid())
                    {
                        dates.add(r.ipv4());
                    }
                }
            }, 100_000) > 0)
            {
                // read to the end
            }
        }
        return stateless("timestudy", range, rate, syns, dates, before);
    }

    /**
     * masscan 1.3.2 with {@code --banners} on a range at a rate, from the scanner namespace (its SYN-ACKs meet the
     * same nftables rule as the engine's: kernel RSTs from the raw source ports are dropped).
     *
     * @param range a CIDR of the simulated space.
     * @param rate  packets per second.
     * @return the run.
     * @throws Exception on a failure.
     */
    public Run masscan(final String range, final int rate) throws Exception
    {
        final Path output = work.resolve("masscan-" + System.nanoTime() + ".json");
        final Path pcap = work.resolve("ms-" + System.nanoTime() + ".pcap");
        final double before = load();
        try (WireCapture capture = WireCapture.start(lab, "tcp[13] == 2", pcap))
        {
            final Exec.Result r = Exec.run(List.of("ip", "netns", "exec", lab.layout().scannerNamespace(), "masscan",
                range, "-p80", "--rate", Integer.toString(rate), "--banners", "--adapter",
                lab.layout().scannerInterface(), "--adapter-ip", lab.manifest().scannerAddress(), "--router-mac",
                lab.manifest().gatewayMac(), "--source-port", Integer.toString(MASSCAN_SOURCE_PORT), "--wait", "4",
                "-oJ", output.toString()), TimeUnit.MINUTES.toMillis(10));
            if (r.exitCode() != 0)
            {
                throw new IllegalStateException("masscan failed: " + r.stderr());
            }
            Thread.sleep(300);
            capture.stop();
        }
        final Set<Integer> dates = new HashSet<>();
        String text = Files.readString(output).trim();
        if (text.endsWith(","))
        {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.endsWith("]"))
        {
            text = text + "]";
        }
        for (final JsonNode host : JSON.readTree(text.isEmpty() ? "[]" : text))
        {
            for (final JsonNode port : host.get("ports"))
            {
                final JsonNode service = port.get("service");
                if (service != null && service.has("banner") && service.get("banner").asText().contains("Date:"))
                {
                    dates.add(Ipv4.parse(host.get("ip").asText()));
                }
            }
        }
        return stateless("masscan", range, rate, syns(pcap), dates, before);
    }

    private Run stateless(final String tool, final String range, final int rate, final long[] syns,
        final Set<Integer> dates, final double loadBefore)
    {
        final AddressRange r = AddressRange.parse(range);
        long responders = 0;
        long captured = 0;
        for (long i = 0; i < r.size(); i++)
        {
            final int a = r.first() + (int)i;
            if (answers.sendsValidDate(a, TIMEOUT_MS * 1_000_000L))
            {
                responders++;
                if (dates.contains(a))
                {
                    captured++;
                }
            }
        }
        final double seconds = syns[0] < 2 ? 0 : (syns[2] - syns[1]) / 1e9 * syns[0] / (syns[0] - 1);
        final Run run = new Run(tool, rate, syns[0], seconds, seconds == 0 ? 0 : syns[0] / seconds, captured,
            responders, loadBefore, load());
        out.printf("  %-9s rate %,6d: %,d SYNs in %.2f s = %,.0f/s; Dates of %,d of %,d responders (%.2f%%); " +
            "load %.2f -> %.2f%n", tool, rate, run.probes(), run.seconds(), run.perSecond(), captured, responders,
            100 * run.share(), run.loadBefore(), run.loadAfter());
        return run;
    }

    /**
     * @param pcap a capture of SYNs.
     * @return {count, first time, last time} (ns since 1970).
     * @throws Exception when unreadable.
     */
    static long[] syns(final Path pcap) throws Exception
    {
        PcapLibrary.configure();
        long n = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (PcapHandle h = Pcaps.openOffline(pcap.toString(), PcapHandle.TimestampPrecision.NANO))
        {
            byte[] p;
            while ((p = h.getNextRawPacket()) != null)
            {
                if (p.length >= 34 && ByteBuffer.wrap(p).order(ByteOrder.BIG_ENDIAN).getShort(12) == 0x0800)
                {
                    final java.sql.Timestamp ts = h.getTimestamp();
                    final long t = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                    first = Math.min(first, t);
                    last = Math.max(last, t);
                    n++;
                }
            }
        }
        return new long[] {n, first, last};
    }

    /**
     * @return the 1-minute load average.
     */
    public static double load()
    {
        try
        {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        }
        catch (final IOException ex)
        {
            return Double.NaN;
        }
    }

    /**
     * Waits until the 1-minute load average is at most {@code max} (the machine is shared), or gives up.
     *
     * @param max       highest load to start at.
     * @param maxWaitMs how long to wait.
     * @param log       where to say so.
     * @return the load when it returned.
     * @throws InterruptedException when interrupted.
     */
    public static double awaitLoad(final double max, final long maxWaitMs, final PrintStream log)
        throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + maxWaitMs;
        double l = load();
        while (l > max && System.currentTimeMillis() < deadline)
        {
            log.printf("  load %.2f > %.2f: waiting%n", l, max);
            Thread.sleep(20_000);
            l = load();
        }
        return l;
    }
}
