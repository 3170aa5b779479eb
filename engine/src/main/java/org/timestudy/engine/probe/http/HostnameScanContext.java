package org.timestudy.engine.probe.http;

import org.timestudy.targets.address.AddressList;
import org.timestudy.targets.blocklist.OptOutList;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a hostname-mode (or precision-mode) scan is told, gathered by fluent setters and checked once by
 * {@link #conclude()}. The CLI fills it; tests and benchmarks may fill it directly.
 */
public final class HostnameScanContext
{
    /** Default cap on connections open at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    /** Default cap on connections to one address at once (politeness). */
    public static final int DEFAULT_MAX_PER_ADDRESS = 1;
    /** Default connect timeout, ms. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    /** Default time from the connection to a complete header block (TLS handshake included), ms. */
    public static final long DEFAULT_RESPONSE_TIMEOUT_MS = 10_000;
    /** Default number of requests of a precision run. */
    public static final int DEFAULT_PRECISION_REQUESTS = 10;
    /** Default half-width at which a precision run stops early, ms. */
    public static final double DEFAULT_PRECISION_GOAL_MS = 2;
    /** Default redirect hops followed (as new names, once each). */
    public static final int DEFAULT_MAX_REDIRECT_DEPTH = 2;
    /** Default time to wait for the capture's timestamps of a finished exchange, ms. */
    public static final long DEFAULT_CAPTURE_WAIT_MS = 50;
    /** Default DNS timeout per answer, ms. */
    public static final long DEFAULT_DNS_TIMEOUT_MS = 2_000;
    /** Default names resolved at once. */
    public static final int DEFAULT_DNS_PARALLELISM = 16;
    /** Default capture interface: every interface. */
    public static final String DEFAULT_CAPTURE_INTERFACE = "any";

    List<String> names = new ArrayList<>();
    String dnsServer;
    long dnsTimeoutMs = DEFAULT_DNS_TIMEOUT_MS;
    int dnsParallelism = DEFAULT_DNS_PARALLELISM;
    AddressList blocklist = AddressList.EMPTY;
    OptOutList optOut;
    boolean http = true;
    boolean https = true;
    int httpPort = 80;
    int httpsPort = 443;
    int maxConnections = DEFAULT_MAX_CONNECTIONS;
    int maxPerAddress = DEFAULT_MAX_PER_ADDRESS;
    double connectionsPerSecond = Double.POSITIVE_INFINITY;
    long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
    long responseTimeoutMs = DEFAULT_RESPONSE_TIMEOUT_MS;
    int maxHeaderBytes = HttpResponseReader.DEFAULT_MAX_HEADER_BYTES;
    String userAgent = HeadRequest.DEFAULT_USER_AGENT;
    boolean precision;
    int precisionRequests = DEFAULT_PRECISION_REQUESTS;
    double precisionGoalMs = DEFAULT_PRECISION_GOAL_MS;
    int maxRedirectDepth = DEFAULT_MAX_REDIRECT_DEPTH;
    String captureInterface = DEFAULT_CAPTURE_INTERFACE;
    long captureWaitMs = DEFAULT_CAPTURE_WAIT_MS;
    Path journalDir;
    Path metadataFile;
    double maxRuntimeS = Double.POSITIVE_INFINITY;
    long seed = System.nanoTime();
    String parameters = "{}";
    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean quiet;
    boolean installSignalHandlers = true;

    /**
     * @param names names (or address literals) to probe, in order.
     * @return this.
     */
    public HostnameScanContext names(final List<String> names)
    {
        this.names = new ArrayList<>(names);
        return this;
    }

    /**
     * @param server      DNS server ({@code ADDRESS[:PORT]} or {@code system}); never implicit.
     * @param timeoutMs   per answer, ms.
     * @param parallelism names resolved at once.
     * @return this.
     */
    public HostnameScanContext dns(final String server, final long timeoutMs, final int parallelism)
    {
        this.dnsServer = server;
        this.dnsTimeoutMs = timeoutMs;
        this.dnsParallelism = parallelism;
        return this;
    }

    /**
     * @param blocklist addresses never probed (default and user blocklists, IPv4 and IPv6).
     * @param optOut    the running opt-out list, or null.
     * @return this.
     */
    public HostnameScanContext blocklist(final AddressList blocklist, final OptOutList optOut)
    {
        this.blocklist = blocklist;
        this.optOut = optOut;
        return this;
    }

    /**
     * @param http      probe plain HTTP.
     * @param httpPort  its port.
     * @param https     probe HTTPS.
     * @param httpsPort its port.
     * @return this.
     */
    public HostnameScanContext schemes(final boolean http, final int httpPort, final boolean https,
        final int httpsPort)
    {
        this.http = http;
        this.httpPort = httpPort;
        this.https = https;
        this.httpsPort = httpsPort;
        return this;
    }

    /**
     * @param maxConnections       connections open at once.
     * @param maxPerAddress        connections to one address at once.
     * @param connectionsPerSecond new connections per second, or infinity.
     * @return this.
     */
    public HostnameScanContext concurrency(final int maxConnections, final int maxPerAddress,
        final double connectionsPerSecond)
    {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.connectionsPerSecond = connectionsPerSecond;
        return this;
    }

    /**
     * @param connectTimeoutMs  connect timeout, ms.
     * @param responseTimeoutMs from connected to a complete header block, ms.
     * @return this.
     */
    public HostnameScanContext timeouts(final long connectTimeoutMs, final long responseTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        this.responseTimeoutMs = responseTimeoutMs;
        return this;
    }

    /**
     * @param userAgent the User-Agent ({@link HeadRequest#SCANNER_PLACEHOLDER} becomes our address).
     * @return this.
     */
    public HostnameScanContext userAgent(final String userAgent)
    {
        this.userAgent = userAgent;
        return this;
    }

    /**
     * @param maxHeaderBytes cap on a response's header block, bytes.
     * @return this.
     */
    public HostnameScanContext maxHeaderBytes(final int maxHeaderBytes)
    {
        this.maxHeaderBytes = maxHeaderBytes;
        return this;
    }

    /**
     * @param precision true for precision mode (boundary timing on keep-alive connections).
     * @param requests  most requests per run.
     * @param goalMs    stop once the error bound is at most this, ms.
     * @return this.
     */
    public HostnameScanContext precision(final boolean precision, final int requests, final double goalMs)
    {
        this.precision = precision;
        this.precisionRequests = requests;
        this.precisionGoalMs = goalMs;
        return this;
    }

    /**
     * @param depth most redirect hops followed as new names.
     * @return this.
     */
    public HostnameScanContext maxRedirectDepth(final int depth)
    {
        this.maxRedirectDepth = depth;
        return this;
    }

    /**
     * @param interfaceName interface to capture on for kernel timestamps ({@code any}), or null for socket timing.
     * @param waitMs        how long to wait for a finished exchange's timestamps, ms.
     * @return this.
     */
    public HostnameScanContext capture(final String interfaceName, final long waitMs)
    {
        this.captureInterface = interfaceName;
        this.captureWaitMs = waitMs;
        return this;
    }

    /**
     * @param dir journal directory.
     * @return this.
     */
    public HostnameScanContext journalDir(final Path dir)
    {
        this.journalDir = dir;
        return this;
    }

    /**
     * @param file JSON summary written at the end, or null.
     * @return this.
     */
    public HostnameScanContext metadataFile(final Path file)
    {
        this.metadataFile = file;
        return this;
    }

    /**
     * @param seconds stop starting connections after this long.
     * @return this.
     */
    public HostnameScanContext maxRuntimeS(final double seconds)
    {
        this.maxRuntimeS = seconds;
        return this;
    }

    /**
     * @param seed           seed of the random paths.
     * @param parametersJson the scan's parameters, for the journal.
     * @return this.
     */
    public HostnameScanContext describe(final long seed, final String parametersJson)
    {
        this.seed = seed;
        this.parameters = parametersJson;
        return this;
    }

    /**
     * @param out   the status line.
     * @param err   summary and warnings.
     * @param quiet no status line.
     * @return this.
     */
    public HostnameScanContext output(final PrintStream out, final PrintStream err, final boolean quiet)
    {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        return this;
    }

    /**
     * @param install false when embedding (tests): no signal handlers.
     * @return this.
     */
    public HostnameScanContext signals(final boolean install)
    {
        this.installSignalHandlers = install;
        return this;
    }

    /**
     * Checks ranges.
     *
     * @return this.
     * @throws IllegalArgumentException on a bad value.
     */
    public HostnameScanContext conclude()
    {
        require(!names.isEmpty(), "no names: give --names FILE (names or address literals, one a line)");
        require(dnsServer != null, "hostname mode needs --dns-server ADDRESS (or 'system'): it never picks one itself");
        require(http || https, "no scheme: --schemes http, https or both");
        require(maxConnections >= 1 && maxConnections <= 100_000, "--max-connections must be 1-100000");
        require(maxPerAddress >= 1, "--max-per-address must be >= 1");
        require(connectionsPerSecond > 0, "--rate must be > 0");
        require(connectTimeoutMs >= 1 && responseTimeoutMs >= 1, "timeouts must be >= 1 ms");
        require(maxHeaderBytes >= 256 && maxHeaderBytes <= 1 << 20, "--max-header-bytes must be 256 to 1 MiB");
        require(precisionRequests >= 2 && precisionRequests <= 64, "--precision-requests must be 2-64");
        require(precisionGoalMs >= 0, "--precision-goal-ms must be >= 0");
        require(maxRedirectDepth >= 0 && maxRedirectDepth <= 10, "--max-redirects must be 0-10");
        require(journalDir != null, "--journal DIR is needed");
        return this;
    }

    private static void require(final boolean ok, final String message)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
