package org.timestudy.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.timestudy.engine.Scan;
import org.timestudy.engine.ScanContext;
import org.timestudy.engine.ScanResult;
import org.timestudy.engine.probe.ProbeRegistry;
import org.timestudy.engine.probe.ProbeType;
import org.timestudy.engine.probe.http.HeadRequest;
import org.timestudy.engine.probe.http.HostnameScan;
import org.timestudy.engine.probe.http.HostnameScanContext;
import org.timestudy.engine.send.RateLimiter;
import org.timestudy.engine.send.Routes;
import org.timestudy.engine.send.ScanTargets;
import org.timestudy.nativeio.NetworkInterfaceInfo;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.blocklist.OptOutList;
import org.timestudy.targets.blocklist.SendGuard;
import org.timestudy.targets.cli.TargetSpaceOptions;
import org.timestudy.targets.names.NameList;
import org.timestudy.targets.permute.ScanOrder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy scan}: a line-rate survey of explicit targets, with zmap's option names. Parses, fills a
 * {@link ScanContext}, and runs {@link Scan}; refuses to start without explicit targets.
 */
@Command(
    name = "scan",
    header = "Probe targets and journal every reply: NTP at line rate, HTTP Date by address or by name.",
    description = {
        "-M ntp (default): NTPv4 mode-3 queries from a raw socket; replies captured with kernel timestamps, validated "
            + "statelessly by a keyed cookie the server echoes back, every valid reply journaled.",
        "-M http with targets: stateless IPv4 HTTP, a user-space TCP exchange from raw frames (SYN with a keyed "
            + "cookie as its sequence number; on the SYN-ACK, ACK + HEAD; the Date read from the response; RST).",
        "-M http --names FILE: hostname mode over kernel sockets: every A/AAAA address of each name, HTTP and "
            + "HTTPS (SNI, certificate checks off, their facts recorded), redirects queued once per name; "
            + "--precision times requests on one keep-alive connection to bracket the server's second boundary.",
        "Targets are never implicit: give CIDRs, ranges or addresses, or -I FILE. The default blocklist (reserved "
            + "ranges) always applies unless --no-default-blocklist. Needs CAP_NET_RAW and CAP_NET_ADMIN.",
        "Signals: SIGINT/SIGTERM stop (again: skip the cooldown); SIGUSR1/SIGUSR2 raise/lower the rate by 5%%; "
            + "SIGHUP re-reads the --opt-out file.",
        ""},
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    sortOptions = false,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:unexpected error (a bug, or an I/O failure)",
        "2:bad command line or bad input",
        "3:environment not ready (not root, no CAP_NET_RAW, missing interface or package)",
        "4:scan stopped by its error budget (--min-hitrate)"})
public final class ScanCommand implements Callable<Integer>
{
    /** Default rate, probes per second (zmap's default). */
    public static final String DEFAULT_RATE = "10000";
    private static final int ETHERNET_OVERHEAD_BYTES = 24;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetSpaceOptions targets = new TargetSpaceOptions();

    @Option(names = {"-M", "--probe"}, description = "Probe type: ${COMPLETION-CANDIDATES}.", defaultValue = "ntp",
        completionCandidates = ProbeNames.class)
    String probe;

    @Option(names = {"-r", "--rate"}, paramLabel = "PPS|max", description = "Probes per second, or 'max'.",
        defaultValue = DEFAULT_RATE)
    String rate;

    @Option(names = {"-B", "--bandwidth"}, paramLabel = "BPS",
        description = "Bandwidth instead of a rate, e.g. 10M or 1G (bits/s, Ethernet overhead included).")
    String bandwidth;

    @Option(names = {"-i", "--interface"}, description = "Interface (default: the route to the first target's).")
    String interfaceName;

    @Option(names = {"-S", "--source-ip"}, description = "Source address (default: the interface's).")
    String sourceIp;

    @Option(names = {"-G", "--gateway-mac"}, paramLabel = "MAC",
        description = "Next hop's MAC (default: from the kernel's neighbour table).")
    String gatewayMac;

    @Option(names = {"-T", "--sender-threads"}, description = "Send threads, each on its own subshard.",
        defaultValue = "1")
    int senderThreads;

    @Option(names = {"-P", "--probes-per-target"}, description = "Probes sent to each target.", defaultValue = "1")
    int probesPerTarget;

    @Option(names = {"-t", "--max-runtime"}, paramLabel = "SECONDS", description = "Stop sending after this long.")
    Double maxRuntimeS;

    @Option(names = {"-c", "--cooldown"}, paramLabel = "SECONDS",
        description = "Wait for late replies after the last probe.", defaultValue = "8")
    double cooldownS;

    @Option(names = "--rounds", description = "Passes over the targets (a time series per host).",
        defaultValue = "1")
    int rounds;

    @Option(names = "--round-interval", paramLabel = "SECONDS", description = "Pause between rounds.",
        defaultValue = "0")
    double roundIntervalS;

    @Option(names = "--journal", paramLabel = "DIR", description = "Journal directory (Chronicle Queue).")
    Path journal;

    @Option(names = "--dryrun", description = "Print the frames that would be sent; send nothing.")
    boolean dryRun;

    @Option(names = "--status-file", paramLabel = "FILE", description = "The status line as CSV, once a second.")
    Path statusFile;

    @Option(names = "--metadata-file", paramLabel = "FILE", description = "JSON summary written at the end.")
    Path metadataFile;

    @Option(names = "--t1", paramLabel = "SOURCE", description = "Where T1 comes from: capture (the kernel's "
        + "timestamp of our captured outgoing frame) or send-clock (the send thread's clock before sendmmsg: earlier "
        + "than the frame leaves, so offsets keep their bound with a slightly larger delay; our own frames are not "
        + "captured, which raises the highest send rate).", defaultValue = "capture")
    String t1Source;

    @Option(names = "--resume", description = "Continue the scan recorded in the journal's resume.dat (same options).")
    boolean resume;

    @Option(names = "--opt-out", paramLabel = "FILE",
        description = "Opt-out list, re-read on SIGHUP or when it changes (within 1 s).")
    Path optOut;

    @Option(names = "--min-hitrate", paramLabel = "FRACTION",
        description = "Abort (exit 4) when fewer targets answer, after 5 s.", defaultValue = "0")
    double minHitrate;

    @Option(names = "--ttl", description = "IP TTL of probes.", defaultValue = "64")
    int ttl;

    @Option(names = "--source-ports", paramLabel = "FIRST-LAST", description = "Source port range.",
        defaultValue = "32768-61000")
    String sourcePorts;

    @Option(names = {"-q", "--quiet"}, description = "No status line.")
    boolean quiet;

    @Option(names = "--names", paramLabel = "FILE",
        description = "HTTP hostname mode: names (or address literals) to probe, one a line (- for stdin).")
    String names;

    @Option(names = "--names-column", paramLabel = "COLUMN",
        description = "Read --names as CSV and take this column (number or header name).")
    String namesColumn;

    @Option(names = "--dns-server", paramLabel = "ADDRESS[:PORT]",
        description = "Hostname mode: the DNS server to ask ('system' for the first nameserver of /etc/resolv.conf).")
    String dnsServer;

    @Option(names = "--dns-timeout-ms", description = "Hostname mode: DNS timeout per answer.",
        defaultValue = "2000")
    long dnsTimeoutMs;

    @Option(names = "--schemes", split = ",", paramLabel = "SCHEME",
        description = "Hostname mode: http, https or both.", defaultValue = "http,https")
    List<String> schemes;

    @Option(names = "--http-port", description = "Hostname mode: port of http.", defaultValue = "80")
    int httpPort;

    @Option(names = "--https-port", description = "Hostname mode: port of https.", defaultValue = "443")
    int httpsPort;

    @Option(names = "--max-connections", description = "Hostname mode: connections open at once.",
        defaultValue = "1000")
    int maxConnections;

    @Option(names = "--max-per-address", description = "Hostname mode: connections to one address at once.",
        defaultValue = "1")
    int maxPerAddress;

    @Option(names = "--connect-timeout-ms", description = "HTTP: connect timeout.", defaultValue = "5000")
    long connectTimeoutMs;

    @Option(names = "--response-timeout-ms", description = "HTTP: from connected (or from the SYN-ACK in stateless "
        + "mode) to a complete header block.", defaultValue = "10000")
    long responseTimeoutMs;

    @Option(names = "--max-header-bytes", description = "HTTP: cap on a response's header block.",
        defaultValue = "16384")
    int maxHeaderBytes;

    @Option(names = "--user-agent", description = "HTTP: the User-Agent; SCANNER becomes our address.",
        defaultValue = HeadRequest.DEFAULT_USER_AGENT)
    String userAgent;

    @Option(names = "--precision", description = "Hostname mode: boundary timing on keep-alive connections "
        + "(htpdate's halving method) instead of one naive reading.")
    boolean precision;

    @Option(names = "--precision-requests", description = "Precision mode: most requests per address and scheme.",
        defaultValue = "10")
    int precisionRequests;

    @Option(names = "--precision-goal-ms", description = "Precision mode: stop once the error bound is this small.",
        defaultValue = "2")
    double precisionGoalMs;

    @Option(names = "--max-redirects", description = "Hostname mode: redirect hops queued as new names (once each).",
        defaultValue = "2")
    int maxRedirects;

    @Option(names = "--tcp-connections", description = "Stateless HTTP: connections tracked at once (SYN-ACKs " +
        "beyond are journaled as errors).", defaultValue = "65536")
    int tcpConnections;

    @Option(names = "--capture-interface", paramLabel = "IF|any|none", description = "Hostname mode: where to "
        + "capture for kernel T1/T4 timestamps; none for clock reads around the socket calls.", defaultValue = "any")
    String captureInterface;

    /**
     * Runs {@code scan} in its own JVM (the launcher goes through the top command instead).
     *
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(ExitCodes.configure(new CommandLine(new ScanCommand())).execute(args));
    }

    private boolean t1FromSendClock()
    {
        return switch (t1Source)
        {
            case "capture" -> false;
            case "send-clock" -> true;
            default -> throw new IllegalArgumentException("--t1 takes capture or send-clock, not '" + t1Source + "'");
        };
    }

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (names != null)
        {
            return hostnameMode(err);
        }
        if (targets.noTargets())
        {
            throw new IllegalArgumentException("no targets given: the engine never scans implicit targets; name " +
                "them (e.g. 198.18.0.0/16) or give -I FILE");
        }
        final ProbeType type = ProbeRegistry.byName(probe);
        if (type.name().equals("http") && cooldownS * 1000 < responseTimeoutMs)
        {
            err.printf("timestudy: WARNING: --cooldown %.0f s is shorter than --response-timeout-ms %d: connections " +
                "still open when the scan ends are not journaled%n", cooldownS, responseTimeoutMs);
        }
        final TargetSpace space = targets.space(type.defaultPort(), err);
        if (space.size() == 0)
        {
            throw new IllegalArgumentException("no targets left after the allow- and blocklists");
        }
        final ScanOrder order = targets.order(space, err);
        final OptOutList optOutList = watchOptOut(err);
        try
        {
            final ScanTargets scanTargets = new ScanTargets(space, order, SendGuard.of(space, optOutList),
                optOutList, targets.blocklistSummary(space) + (optOut == null ? "" : "; opt-out " + optOut));
            final ScanContext ctx = new ScanContext()
                .probe(type)
                .targets(scanTargets)
                .rate(rate(type))
                .senderThreads(senderThreads)
                .probesPerTarget(probesPerTarget)
                .cooldownS(cooldownS)
                .rounds(rounds, roundIntervalS)
                .journalDir(journal)
                .statusFile(statusFile)
                .metadataFile(metadataFile)
                .resume(null, resume)
                .dryRun(dryRun)
                .minHitrate(minHitrate)
                .ttl(ttl)
                .t1FromSendClock(t1FromSendClock())
                .probeOptions(new org.timestudy.engine.probe.ProbeOptions(responseTimeoutMs * 1_000_000L,
                    maxHeaderBytes, userAgent, tcpConnections))
                .output(System.out, System.err, quiet)
                .describe(targets.seed(), parameters(space));
            if (maxRuntimeS != null)
            {
                ctx.maxRuntimeS(maxRuntimeS);
            }
            final String[] ports = sourcePorts.split("-");
            final int first = Integer.parseInt(ports[0].trim());
            ctx.localPorts(first, Integer.parseInt(ports[ports.length - 1].trim()) - first + 1);
            network(ctx, space);
            final ScanResult result = Scan.run(ctx);
            return "min-hitrate".equals(result.stopReason()) ? ExitCodes.ERROR_BUDGET : ExitCodes.OK;
        }
        finally
        {
            if (optOutList != null)
            {
                optOutList.close();
            }
        }
    }

    private int hostnameMode(final PrintWriter err) throws Exception
    {
        if (!probe.equals("http"))
        {
            throw new IllegalArgumentException("--names is hostname mode of the http probe: add -M http");
        }
        if (!targets.noTargets())
        {
            throw new IllegalArgumentException("give either --names FILE (hostname mode) or targets (stateless " +
                "mode), not both");
        }
        final List<String> list = NameList.read(names, namesColumn, System.in)
            .names();
        if (spec.commandLine().getParseResult().hasMatchedOption("--no-default-blocklist"))
        {
            err.println("timestudy: WARNING: --no-default-blocklist: reserved address space is NOT excluded");
            err.flush();
        }
        final OptOutList optOutList = watchOptOut(err);
        try
        {
            final boolean http = schemes.stream().anyMatch(x -> x.trim().equalsIgnoreCase("http"));
            final boolean https = schemes.stream().anyMatch(x -> x.trim().equalsIgnoreCase("https"));
            for (final String x : schemes)
            {
                if (!x.trim().equalsIgnoreCase("http") && !x.trim().equalsIgnoreCase("https"))
                {
                    throw new IllegalArgumentException("--schemes takes http and https, not '" + x + "'");
                }
            }
            final Map<String, Object> p = new LinkedHashMap<>();
            p.put("probe", "http");
            p.put("mode", precision ? "precision" : "hostname");
            p.put("names", names);
            p.put("nameCount", list.size());
            p.put("dnsServer", dnsServer);
            p.put("schemes", schemes);
            p.put("maxConnections", maxConnections);
            p.put("maxPerAddress", maxPerAddress);
            p.put("rate", rate);
            p.put("precisionRequests", precisionRequests);
            p.put("precisionGoalMs", precisionGoalMs);
            p.put("defaultBlocklist", !spec.commandLine().getParseResult().hasMatchedOption("--no-default-blocklist"));
            final long seed = new java.security.SecureRandom().nextLong();
            final HostnameScanContext ctx = new HostnameScanContext()
                .names(list)
                .dns(dnsServer, dnsTimeoutMs, HostnameScanContext.DEFAULT_DNS_PARALLELISM)
                .blocklist(targets.blocklist(), optOutList)
                .schemes(http, httpPort, https, httpsPort)
                .concurrency(maxConnections, maxPerAddress, rate.equalsIgnoreCase("max") ?
                    Double.POSITIVE_INFINITY : Double.parseDouble(rate.replace("_", "").replace(",", "")))
                .timeouts(connectTimeoutMs, responseTimeoutMs)
                .maxHeaderBytes(maxHeaderBytes)
                .userAgent(userAgent)
                .precision(precision, precisionRequests, precisionGoalMs)
                .maxRedirectDepth(maxRedirects)
                .capture(captureInterface.equalsIgnoreCase("none") ? null : captureInterface,
                    HostnameScanContext.DEFAULT_CAPTURE_WAIT_MS)
                .journalDir(journal)
                .metadataFile(metadataFile)
                .describe(seed, new ObjectMapper().writeValueAsString(p))
                .output(System.out, System.err, quiet);
            if (maxRuntimeS != null)
            {
                ctx.maxRuntimeS(maxRuntimeS);
            }
            HostnameScan.run(ctx);
            return ExitCodes.OK;
        }
        finally
        {
            if (optOutList != null)
            {
                optOutList.close();
            }
        }
    }

    private void network(final ScanContext ctx, final TargetSpace space)
    {
        final int firstTarget = space.addressOf(0);
        final Routes route = Routes.to(firstTarget);
        final String name = interfaceName != null ? interfaceName : route.interfaceName();
        final NetworkInterfaceInfo info = NetworkInterfaceInfo.of(name);
        final int source = sourceIp != null ? Ipv4.parse(sourceIp) : info.ipv4();
        if (source == 0)
        {
            throw new IllegalArgumentException("interface " + name + " has no IPv4 address: pass --source-ip");
        }
        final byte[] gateway;
        if (gatewayMac != null)
        {
            gateway = NetworkInterfaceInfo.parseMac(gatewayMac);
        }
        else if (route.gateway() == 0)
        {
            throw new IllegalArgumentException("the targets are on-link on " + name + ": the engine sends through a " +
                "gateway; pass --gateway-mac");
        }
        else
        {
            gateway = Routes.neighbourMac(name, route.gateway());
        }
        ctx.network(name, source, info.mac(), gateway);
    }

    private double rate(final ProbeType type)
    {
        if (bandwidth != null)
        {
            final double bps = parseBits(bandwidth);
            return bps / ((type.maxFrameLength() + ETHERNET_OVERHEAD_BYTES) * 8.0);
        }
        if (rate.equalsIgnoreCase("max"))
        {
            return RateLimiter.UNLIMITED;
        }
        final double pps = Double.parseDouble(rate.replace("_", "").replace(",", ""));
        if (!(pps > 0) || Double.isInfinite(pps))
        {
            throw new IllegalArgumentException("--rate must be a positive number of probes per second, or 'max': " +
                rate);
        }
        return pps;
    }

    static double parseBits(final String text)
    {
        final String t = text.trim().toUpperCase(Locale.ROOT);
        final char unit = t.charAt(t.length() - 1);
        final double scale = switch (unit)
        {
            case 'K' -> 1e3;
            case 'M' -> 1e6;
            case 'G' -> 1e9;
            default -> 1;
        };
        final double v = Double.parseDouble(Character.isDigit(unit) ? t : t.substring(0, t.length() - 1));
        if (!(v > 0))
        {
            throw new IllegalArgumentException("--bandwidth must be positive: " + text);
        }
        return v * scale;
    }

    private String parameters(final TargetSpace space) throws Exception
    {
        final Map<String, Object> p = new LinkedHashMap<>();
        p.put("probe", probe);
        p.put("targets", targets.describe());
        p.put("targetCount", space.size());
        p.put("ports", space.ports());
        p.put("seed", targets.seed());
        p.put("shards", targets.shards());
        p.put("shard", targets.shard());
        p.put("rate", rate);
        p.put("bandwidth", bandwidth);
        p.put("senderThreads", senderThreads);
        p.put("probesPerTarget", probesPerTarget);
        p.put("rounds", rounds);
        p.put("roundIntervalS", roundIntervalS);
        p.put("cooldownS", cooldownS);
        p.put("defaultBlocklist", !targets.describe().isEmpty() && !spec.commandLine().getParseResult()
            .hasMatchedOption("--no-default-blocklist"));
        p.put("blocklist", targets.blocklistSummary(space));
        p.put("resume", resume);
        p.put("t1", t1Source);
        return new ObjectMapper().writeValueAsString(p);
    }

    /** Names of the registered probes, for help. */
    static final class ProbeNames implements Iterable<String>
    {
        @Override
        public java.util.Iterator<String> iterator()
        {
            return ProbeRegistry.all().stream().map(ProbeType::name).iterator();
        }
    }

    /**
     * Starts watching the --opt-out file, if one was given; warns when SIGHUP cannot reload it (the file is still
     * polled, so edits apply within one second either way).
     */
    private OptOutList watchOptOut(final PrintWriter err)
    {
        if (optOut == null)
        {
            return null;
        }
        final OptOutList list = OptOutList.watch(optOut);
        if (list.hangupError() != null)
        {
            err.println("timestudy: WARNING: " + list.hangupError() + ": SIGHUP will not reload --opt-out " + optOut +
                "; edits to it still apply within one second");
            err.flush();
        }
        return list;
    }
}
