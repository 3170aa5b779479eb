package org.timestudy.engine;

import org.timestudy.engine.probe.ProbeType;
import org.timestudy.engine.send.ScanTargets;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Everything a scan is told, gathered by fluent setters and checked once by {@link #conclude()}. The CLI fills it;
 * tests and benchmarks may fill it directly.
 */
public final class ScanContext
{
    /** Default source ports: zmap's range. */
    public static final int DEFAULT_FIRST_LOCAL_PORT = 32768;
    /** Default number of source ports. */
    public static final int DEFAULT_LOCAL_PORT_COUNT = 61000 - 32768 + 1;
    /** Default wait for late replies after the last probe, seconds (zmap's). */
    public static final double DEFAULT_COOLDOWN_S = 8;
    /** Default IP TTL. */
    public static final int DEFAULT_TTL = 64;
    /** Default pcap buffer, bytes. */
    public static final int DEFAULT_PCAP_BUFFER_BYTES = 64 << 20;
    /** Hit rate below which {@code --min-hitrate} is checked, after this many seconds. */
    public static final double MIN_HITRATE_GRACE_S = 5;

    ProbeType probe;
    org.timestudy.engine.probe.ProbeOptions probeOptions = org.timestudy.engine.probe.ProbeOptions.DEFAULTS;
    ScanTargets targets;
    String interfaceName;
    int sourceAddress;
    byte[] sourceMac;
    byte[] gatewayMac;
    double ratePps;
    int senderThreads = 1;
    int probesPerTarget = 1;
    double maxRuntimeS = Double.POSITIVE_INFINITY;
    double cooldownS = DEFAULT_COOLDOWN_S;
    int rounds = 1;
    double roundIntervalS;
    Path journalDir;
    Path statusFile;
    Path metadataFile;
    Path resumeFile;
    Path roundFile;
    boolean resume;
    boolean dryRun;
    double minHitrate;
    int ttl = DEFAULT_TTL;
    int firstLocalPort = DEFAULT_FIRST_LOCAL_PORT;
    int localPortCount = DEFAULT_LOCAL_PORT_COUNT;
    int pcapBufferBytes = DEFAULT_PCAP_BUFFER_BYTES;
    boolean t1FromSendClock;
    long seed;
    String parameters = "{}";
    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean quiet;
    boolean installSignalHandlers = true;

    /**
     * @param probe probe type.
     * @return this.
     */
    public ScanContext probe(final ProbeType probe)
    {
        this.probe = probe;
        return this;
    }

    /**
     * @param options settings of stateful probes (response timeout, cap, User-Agent, connection table).
     * @return this.
     */
    public ScanContext probeOptions(final org.timestudy.engine.probe.ProbeOptions options)
    {
        this.probeOptions = options;
        return this;
    }

    /**
     * @param targets what to probe, in which order, and what never.
     * @return this.
     */
    public ScanContext targets(final ScanTargets targets)
    {
        this.targets = targets;
        return this;
    }

    /**
     * @param name interface to send and capture on.
     * @param sourceAddress our IPv4 address.
     * @param sourceMac     our MAC.
     * @param gatewayMac    next hop's MAC.
     * @return this.
     */
    public ScanContext network(final String name, final int sourceAddress, final byte[] sourceMac,
        final byte[] gatewayMac)
    {
        this.interfaceName = name;
        this.sourceAddress = sourceAddress;
        this.sourceMac = sourceMac;
        this.gatewayMac = gatewayMac;
        return this;
    }

    /**
     * @param ratePps total probes per second, or {@link org.timestudy.engine.send.RateLimiter#UNLIMITED}.
     * @return this.
     */
    public ScanContext rate(final double ratePps)
    {
        this.ratePps = ratePps;
        return this;
    }

    /**
     * @param threads send threads.
     * @return this.
     */
    public ScanContext senderThreads(final int threads)
    {
        this.senderThreads = threads;
        return this;
    }

    /**
     * @param n probes per target.
     * @return this.
     */
    public ScanContext probesPerTarget(final int n)
    {
        this.probesPerTarget = n;
        return this;
    }

    /**
     * @param seconds longest time to send.
     * @return this.
     */
    public ScanContext maxRuntimeS(final double seconds)
    {
        this.maxRuntimeS = seconds;
        return this;
    }

    /**
     * @param seconds wait for late replies after sending.
     * @return this.
     */
    public ScanContext cooldownS(final double seconds)
    {
        this.cooldownS = seconds;
        return this;
    }

    /**
     * @param rounds          passes over the targets.
     * @param intervalSeconds pause between passes.
     * @return this.
     */
    public ScanContext rounds(final int rounds, final double intervalSeconds)
    {
        this.rounds = rounds;
        this.roundIntervalS = intervalSeconds;
        return this;
    }

    /**
     * @param dir journal directory.
     * @return this.
     */
    public ScanContext journalDir(final Path dir)
    {
        this.journalDir = dir;
        return this;
    }

    /**
     * @param file CSV of the status line, once a second, or null.
     * @return this.
     */
    public ScanContext statusFile(final Path file)
    {
        this.statusFile = file;
        return this;
    }

    /**
     * @param file JSON written at the end, or null.
     * @return this.
     */
    public ScanContext metadataFile(final Path file)
    {
        this.metadataFile = file;
        return this;
    }

    /**
     * @param file   resume file (default: {@code resume.dat} in the journal directory).
     * @param resume true to continue the scan recorded there.
     * @return this.
     */
    public ScanContext resume(final Path file, final boolean resume)
    {
        this.resumeFile = file;
        this.resume = resume;
        return this;
    }

    /**
     * @param dryRun print frames instead of sending.
     * @return this.
     */
    public ScanContext dryRun(final boolean dryRun)
    {
        this.dryRun = dryRun;
        return this;
    }

    /**
     * @param fraction abort when fewer targets than this answer (0 to 1), checked after a grace period.
     * @return this.
     */
    public ScanContext minHitrate(final double fraction)
    {
        this.minHitrate = fraction;
        return this;
    }

    /**
     * @param first first source port.
     * @param count number of source ports.
     * @return this.
     */
    public ScanContext localPorts(final int first, final int count)
    {
        this.firstLocalPort = first;
        this.localPortCount = count;
        return this;
    }

    /**
     * Where T1 comes from. By default the kernel's capture timestamp of our own outgoing frame; with
     * {@code sendClock} the send thread's clock read just before the batch's {@code sendmmsg} (earlier than the
     * frame's departure, so [T1, T4] still brackets the server's T2..T3 and the offset's bound δ/2 holds, with δ
     * wider by the batch's time in the kernel), and our own frames are left out of the capture, which costs the
     * capture thread as much as the replies do.
     *
     * @param sendClock true for T1 from the send thread's clock.
     * @return this.
     */
    public ScanContext t1FromSendClock(final boolean sendClock)
    {
        this.t1FromSendClock = sendClock;
        return this;
    }

    /**
     * @param ttl IP TTL of probes.
     * @return this.
     */
    public ScanContext ttl(final int ttl)
    {
        this.ttl = ttl;
        return this;
    }

    /**
     * @param seed        the walk's seed (recorded).
     * @param parametersJson the scan's parameters as JSON, for the journal and metadata.
     * @return this.
     */
    public ScanContext describe(final long seed, final String parametersJson)
    {
        this.seed = seed;
        this.parameters = parametersJson;
        return this;
    }

    /**
     * @param out   summary, status line.
     * @param err   warnings.
     * @param quiet no status line.
     * @return this.
     */
    public ScanContext output(final PrintStream out, final PrintStream err, final boolean quiet)
    {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        return this;
    }

    /**
     * @param install false when embedding the engine (tests): no SIGINT/SIGUSR handlers.
     * @return this.
     */
    public ScanContext signals(final boolean install)
    {
        this.installSignalHandlers = install;
        return this;
    }

    /**
     * Checks ranges and fills defaults.
     *
     * @return this.
     * @throws IllegalArgumentException on a bad value.
     */
    public ScanContext conclude()
    {
        require(probe != null, "no probe type");
        require(targets != null, "no targets: the engine never starts without explicit targets");
        require(targets.space().size() > 0, "no targets left after the blocklists: nothing to scan");
        require(ratePps > 0 && !Double.isNaN(ratePps), "rate must be > 0 (or 'max')");
        require(senderThreads >= 1 && senderThreads <= 16, "sender threads must be 1-16");
        require(probesPerTarget >= 1 && probesPerTarget <= 64, "probes per target must be 1-64");
        require(cooldownS >= 0, "cooldown must be >= 0");
        require(rounds >= 1, "rounds must be >= 1");
        require(roundIntervalS >= 0, "round interval must be >= 0");
        require(minHitrate >= 0 && minHitrate <= 1, "min hitrate must be 0-1");
        require(ttl >= 1 && ttl <= 255, "ttl must be 1-255");
        require(firstLocalPort > 0 && localPortCount > 0 && firstLocalPort + localPortCount <= 65536,
            "bad source port range");
        require(dryRun || journalDir != null, "--journal DIR is needed (or --dryrun)");
        require(dryRun || interfaceName != null, "no interface");
        if (!dryRun && resumeFile == null)
        {
            resumeFile = journalDir.resolve("resume.dat");
        }
        if (!dryRun)
        {
            roundFile = resumeFile.resolveSibling(resumeFile.getFileName() + ".rounds");
        }
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
