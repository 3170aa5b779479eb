package org.timestudy.testbed.lab;

import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.testbed.JvmOptions;
import org.timestudy.testbed.sim.SimInternet;
import org.timestudy.testbed.sim.SimSpec;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A running lab: two network namespaces joined by one veth pair, real servers on faked clocks inside the internet
 * side, and a manifest of ground truth. {@link #up} makes one, {@link #close} takes it down and leaves nothing.
 *
 * <p>Safety: neither namespace has a default route or any link but the veth pair (and lo), so nothing sent inside
 * can leave the machine. {@link #checkIsolated()} asserts it and runs at every start.
 */
public final class Lab implements AutoCloseable
{
    /** Owner value of a lab made by the CLI: it lives until {@code lab down}. */
    public static final String PERSISTENT = "persistent";
    private static final String OWNER_FILE = "owner";
    private static final long READY_TIMEOUT_MS = 15_000;
    /** The engine's default raw-socket source ports: kernel RSTs from these are dropped in the scanner namespace. */
    public static final String RAW_PORTS = "32768-61000";
    /** First ephemeral port of the scanner namespace's kernel (below the raw range). */
    public static final int KERNEL_PORTS_FIRST = 20000;
    /** Last ephemeral port of the scanner namespace's kernel. */
    public static final int KERNEL_PORTS_LAST = 32767;

    private final LabLayout layout;
    private final LabManifest manifest;

    private Lab(final LabLayout layout, final LabManifest manifest)
    {
        this.layout = layout;
        this.manifest = manifest;
    }

    /**
     * Brings up a lab with the default servers, owned by this JVM (stale once it dies).
     *
     * @return the running lab.
     */
    public static Lab up()
    {
        return up(randomId(), false, LabLayout.defaultServers(), LabLayout.defaultCnames(), null, System.err);
    }

    /**
     * Brings up a lab with the default servers and the simulated Internet (lab preset), owned by this JVM.
     *
     * @param simSeed seed of the simulated population.
     * @return the running lab.
     */
    public static Lab upWithSimulation(final long simSeed)
    {
        return up(randomId(), false, LabLayout.defaultServers(), LabLayout.defaultCnames(),
            SimSpec.lab(simSeed, LabLayout.SIM_SPACE, Instant.now().toEpochMilli() * 1_000_000L), System.err);
    }

    /**
     * Brings up a lab.
     *
     * @param id         lab id; an existing lab of that id is taken down first.
     * @param persistent true for a lab that outlives this JVM (the CLI's), false for one owned by this JVM.
     * @param servers    real servers to run.
     * @param cnames     CNAME records {alias, target}.
     * @param sim        the simulated Internet to run, or null for none.
     * @param log        progress output.
     * @return the running lab.
     */
    public static Lab up(
        final String id,
        final boolean persistent,
        final List<ServerSpec> servers,
        final List<String[]> cnames,
        final SimSpec sim,
        final PrintStream log)
    {
        requireRoot();
        final LabTools tools = LabTools.locate();
        final LabLayout layout = new LabLayout(id);
        downStale(log);
        if (exists(layout))
        {
            down(layout, log);
        }
        try
        {
            Files.createDirectories(layout.stateDir());
            Files.writeString(layout.stateDir().resolve(OWNER_FILE), persistent ? PERSISTENT : ownerToken());
            makeNetwork(layout, tools, servers);
            checkIsolated(layout);
            final RealServerConfigs configs = new RealServerConfigs(tools, layout.stateDir());
            configs.prepare();
            if (sim != null)
            {
                configs.extraHosts(org.timestudy.testbed.sim.SimNames.hostsLines(sim));
            }
            final List<LabManifest.Server> running = new ArrayList<>();
            for (final ServerSpec s : servers)
            {
                running.add(start(layout, tools, s, configs.launch(s, servers, cnames)));
            }
            for (final LabManifest.Server s : running)
            {
                awaitReady(layout, s, configs.launch(specOf(servers, s.name()), servers, cnames));
            }
            final LabManifest.Simulation simulation = sim == null ? null : startSimulation(layout, tools, sim);
            final LabManifest manifest = new LabManifest(
                id,
                Instant.now().toString(),
                layout.scannerNamespace(),
                layout.internetNamespace(),
                layout.scannerInterface(),
                layout.internetInterface(),
                LabLayout.SCANNER_ADDRESS,
                mac(layout.scannerNamespace(), layout.scannerInterface()),
                LabLayout.GATEWAY_ADDRESS,
                mac(layout.internetNamespace(), layout.internetInterface()),
                LabLayout.LAB_SPACE,
                LabLayout.SIM_SPACE,
                LabLayout.SERVER_SPACE,
                LabLayout.DNS_ADDRESS,
                LabLayout.ZONE,
                List.copyOf(running),
                cnames.stream().map(c -> new LabManifest.Cname(c[0], c[1])).toList(),
                simulation);
            manifest.write(layout.stateDir().resolve(LabManifest.FILE_NAME));
            log.printf("lab %s up: %d servers%s in %s, scanner in %s%n", id, running.size(),
                sim == null ? "" : " and the simulated Internet (" + sim.space() + ")", layout.internetNamespace(),
                layout.scannerNamespace());
            return new Lab(layout, manifest);
        }
        catch (final RuntimeException | IOException ex)
        {
            final String logs = serverLogs(layout);
            down(layout, log);
            if (ex instanceof IOException io)
            {
                throw new UncheckedIOException(io);
            }
            if (!logs.isEmpty())
            {
                ex.addSuppressed(new IllegalStateException("server logs:\n" + logs));
            }
            throw (RuntimeException)ex;
        }
    }

    /**
     * Opens a lab that is already up (e.g. made by {@code ./timestudy lab up}).
     *
     * @param id lab id.
     * @return the lab.
     */
    public static Lab open(final String id)
    {
        final LabLayout layout = new LabLayout(id);
        final Path file = layout.stateDir().resolve(LabManifest.FILE_NAME);
        if (!Files.exists(file) || !exists(layout))
        {
            throw new IllegalArgumentException("no lab '" + id + "' is up (try ./timestudy lab up)");
        }
        return new Lab(layout, LabManifest.read(file));
    }

    /**
     * @return the lab's names and addresses.
     */
    public LabLayout layout()
    {
        return layout;
    }

    /**
     * @return the lab's ground truth.
     */
    public LabManifest manifest()
    {
        return manifest;
    }

    /**
     * @return the manifest file.
     */
    public Path manifestFile()
    {
        return layout.stateDir().resolve(LabManifest.FILE_NAME);
    }

    /**
     * Runs a command inside the scanner namespace.
     *
     * @param command program and arguments.
     * @return its result.
     */
    public Exec.Result inScanner(final String... command)
    {
        return Exec.run(Exec.concat(List.of("ip", "netns", "exec", layout.scannerNamespace()), List.of(command)),
            Exec.DEFAULT_TIMEOUT_MS);
    }

    /**
     * Runs a command inside the internet namespace.
     *
     * @param command program and arguments.
     * @return its result.
     */
    public Exec.Result inInternet(final String... command)
    {
        return Exec.run(Exec.concat(List.of("ip", "netns", "exec", layout.internetNamespace()), List.of(command)),
            Exec.DEFAULT_TIMEOUT_MS);
    }

    /**
     * Asserts the isolation the lab promises: no default route, no interface but lo and the veth, in both
     * namespaces.
     */
    public void checkIsolated()
    {
        checkIsolated(layout);
    }

    /** Takes the lab down: every process in its namespaces, the namespaces, the links, the state directory. */
    @Override
    public void close()
    {
        down(layout, System.err);
    }

    /**
     * Takes down one lab, whatever state it is in.
     *
     * @param layout the lab.
     * @param log    progress output.
     */
    public static void down(final LabLayout layout, final PrintStream log)
    {
        for (final String ns : List.of(layout.scannerNamespace(), layout.internetNamespace()))
        {
            killAll(ns);
            Exec.run("ip", "netns", "del", ns);
        }
        Exec.run("ip", "link", "del", layout.scannerInterface());
        deleteTree(layout.stateDir());
        log.printf("lab %s down%n", layout.id());
    }

    /**
     * Takes down every lab whose owner JVM is gone, and namespaces of labs with no state at all.
     *
     * @param log progress output.
     * @return ids taken down.
     */
    public static List<String> downStale(final PrintStream log)
    {
        final List<String> gone = new ArrayList<>();
        for (final String id : ids())
        {
            final LabLayout layout = new LabLayout(id);
            final Path owner = layout.stateDir().resolve(OWNER_FILE);
            final String token = read(owner);
            final boolean stale = token == null || (!PERSISTENT.equals(token) && !ownerAlive(token));
            if (stale)
            {
                log.printf("lab %s: left behind by a crash, cleaning up%n", id);
                down(layout, log);
                gone.add(id);
            }
        }
        return gone;
    }

    /**
     * @return ids of every lab that has a namespace or a state directory on this machine.
     */
    public static List<String> ids()
    {
        final Set<String> ids = new LinkedHashSet<>();
        final Exec.Result r = Exec.run("ip", "netns", "list");
        for (final String line : r.stdout().split("\n"))
        {
            final String ns = line.trim().split("\\s+")[0];
            final String id = LabLayout.idOfNamespace(ns);
            if (id != null)
            {
                ids.add(id);
            }
        }
        final File[] dirs = LabLayout.stateRoot().toFile().listFiles(File::isDirectory);
        if (dirs != null)
        {
            for (final File d : dirs)
            {
                ids.add(d.getName());
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * @param layout a lab.
     * @return true if any of its namespaces or its state directory exist.
     */
    public static boolean exists(final LabLayout layout)
    {
        final String list = Exec.run("ip", "netns", "list").stdout();
        return Files.exists(layout.stateDir()) || list.lines().anyMatch(l ->
            l.startsWith(layout.scannerNamespace() + " ") || l.equals(layout.scannerNamespace()) ||
            l.startsWith(layout.internetNamespace() + " ") || l.equals(layout.internetNamespace()));
    }

    /**
     * @return a fresh random lab id.
     */
    public static String randomId()
    {
        final byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        return "t" + HexFormat.of().formatHex(b);
    }

    /**
     * @return true when this process runs as root (uid 0), which the lab needs.
     */
    public static boolean isRoot()
    {
        try
        {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:"))
                .anyMatch(l -> l.split("\\s+")[2].equals("0"));
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /** Fails unless this process is root. */
    public static void requireRoot()
    {
        if (!isRoot())
        {
            throw new EnvironmentNotReadyException(
                "the lab needs root: it creates network namespaces and veth links (run with sudo)");
        }
    }

    private static void makeNetwork(final LabLayout l, final LabTools tools, final List<ServerSpec> servers)
    {
        final String scan = l.scannerNamespace();
        final String inet = l.internetNamespace();
        Exec.check("ip", "netns", "add", scan);
        Exec.check("ip", "netns", "add", inet);
        Exec.check("ip", "link", "add", l.scannerInterface(), "netns", scan, "type", "veth",
            "peer", "name", l.internetInterface(), "netns", inet);
        for (final String ns : List.of(scan, inet))
        {
            Exec.check("ip", "-n", ns, "link", "set", "lo", "up");
        }
        Exec.check("ip", "-n", scan, "addr", "add", LabLayout.SCANNER_ADDRESS + "/" + LabLayout.LINK_PREFIX,
            "dev", l.scannerInterface());
        Exec.check("ip", "-n", inet, "addr", "add", LabLayout.GATEWAY_ADDRESS + "/" + LabLayout.LINK_PREFIX,
            "dev", l.internetInterface());
        Exec.check("ip", "-n", scan, "link", "set", l.scannerInterface(), "up");
        Exec.check("ip", "-n", inet, "link", "set", l.internetInterface(), "up");
        // The lab space is reached through the internet side as through a gateway, never on-link: an on-link
        // /16 would make the kernel ARP for every target, overflow its neighbour table and drop packets.
        Exec.check("ip", "-n", scan, "route", "add", LabLayout.LAB_SPACE, "via", LabLayout.GATEWAY_ADDRESS);
        // A permanent neighbour entry: raw-socket senders look the gateway's MAC up in the kernel's table.
        Exec.check("ip", "-n", scan, "neigh", "replace", LabLayout.GATEWAY_ADDRESS, "lladdr",
            mac(inet, l.internetInterface()), "dev", l.scannerInterface(), "nud", "permanent");
        // AnyIP: the internet side owns every address of these ranges.
        Exec.check("ip", "-n", inet, "route", "add", "local", LabLayout.SIM_SPACE, "dev", "lo");
        Exec.check("ip", "-n", inet, "route", "add", "local", LabLayout.SERVER_SPACE, "dev", "lo");
        for (final ServerSpec s : servers)
        {
            // Daemons that enumerate interface addresses (ntpd) need the address on an interface.
            Exec.run("ip", "-n", inet, "addr", "add", s.address() + "/32", "dev", "lo");
        }
        // The engine sends from raw sockets: the kernel owns none of its source ports and would answer each reply
        // with an ICMP port-unreachable (UDP) or a RST (a SYN-ACK or data to a TCP port it has no socket for). Drop
        // those on the way out of the scanner namespace. The kernel's own ephemeral ports (hostname mode's kernel
        // sockets) are moved below the engine's default raw range, 32768-61000, so its RSTs are never dropped.
        Exec.check("ip", "netns", "exec", scan, "sysctl", "-q", "-w", "net.ipv4.ip_local_port_range=" +
            KERNEL_PORTS_FIRST + " " + KERNEL_PORTS_LAST);
        final Path rules = l.stateDir().resolve("scanner.nft");
        try
        {
            Files.writeString(rules, String.join("\n",
                "table inet timestudy {",
                "  chain output {",
                "    type filter hook output priority 0; policy accept;",
                "    icmp type destination-unreachable icmp code port-unreachable counter drop",
                "    tcp sport " + RAW_PORTS + " tcp flags & rst == rst counter drop",
                "  }",
                "}",
                ""));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        Exec.check("ip", "netns", "exec", scan, tools.nft(), "-f", rules.toString());
        // The simulated Internet answers NTP for its space from a packet socket, which sees each request before the
        // kernel's input hook; the kernel itself must not answer them (with ICMP port-unreachable).
        final Path inetRules = l.stateDir().resolve("internet.nft");
        try
        {
            Files.writeString(inetRules, String.join("\n",
                "table inet timestudy {",
                "  chain input {",
                "    type filter hook input priority 0; policy accept;",
                "    ip daddr " + LabLayout.SIM_SPACE + " udp dport 123 counter drop",
                // The simulated Internet's wildcard HTTP listener would accept connections to real-server addresses
                // that run no web server; those get what a host without one sends: a RST to the SYN (refused).
                "    ip daddr " + LabLayout.SERVER_SPACE + " tcp dport { 80, 443 }" + webServers(servers) +
                    " counter reject with tcp reset",
                "  }",
                "}",
                ""));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        Exec.check("ip", "netns", "exec", inet, tools.nft(), "-f", inetRules.toString());
        // The simulated Internet accepts every connection to its space on one listener: room for line-rate SYNs.
        Exec.check("ip", "netns", "exec", inet, "sysctl", "-q", "-w", "net.core.somaxconn=65535");
        Exec.check("ip", "netns", "exec", inet, "sysctl", "-q", "-w", "net.ipv4.tcp_max_syn_backlog=65535");
    }

    private static String webServers(final List<ServerSpec> servers)
    {
        final List<String> web = servers.stream().filter(x -> x.kind() == ServerKind.NGINX).map(ServerSpec::address)
            .toList();
        return web.isEmpty() ? "" : " ip daddr != { " + String.join(", ", web) + " }";
    }

    private static void checkIsolated(final LabLayout l)
    {
        for (final String ns : List.of(l.scannerNamespace(), l.internetNamespace()))
        {
            final String defaults = Exec.check("ip", "-n", ns, "route", "show", "default").stdout().trim() +
                Exec.check("ip", "-n", ns, "-6", "route", "show", "default").stdout().trim();
            if (!defaults.isEmpty())
            {
                throw new IllegalStateException("lab namespace " + ns + " has a default route: " + defaults);
            }
            final List<String> links = Exec.check("ip", "-n", ns, "-o", "link", "show").stdout().lines()
                .map(line -> line.split(":\\s+")[1].split("@")[0])
                .filter(name -> !name.equals("lo") && !name.equals(l.scannerInterface()) &&
                    !name.equals(l.internetInterface()))
                .toList();
            if (!links.isEmpty())
            {
                throw new IllegalStateException("lab namespace " + ns + " has unexpected links: " + links);
            }
        }
    }

    private static LabManifest.Simulation startSimulation(final LabLayout l, final LabTools tools, final SimSpec sim)
        throws IOException
    {
        final Path status = l.stateDir().resolve("sim-status.json");
        final List<String> command = JvmOptions.javaCommand(SimInternet.class.getName(), List.of(
            "--interface", l.internetInterface(), "--space", sim.space(), "--seed", Long.toString(sim.seed()),
            "--mix", sim.mix(), "--epoch-ns", Long.toString(sim.epochNs()), "--timescale",
            Double.toString(sim.timescale()), "--status", status.toString(),
            "--cert", l.stateDir().resolve("cert.pem").toString(),
            "--key", l.stateDir().resolve("key.pem").toString()));
        final Daemon process = startDaemon(l, tools, "simulated-internet",
            new ServerLaunch(command, java.util.Map.of(), List.of()));
        awaitListening(l, process, ":80 ");
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS * 2);
        while (!Files.exists(status))
        {
            if (ProcessHandle.of(process.pid()).map(h -> !h.isAlive()).orElse(true) ||
                System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the simulated Internet did not start:\n" + read(process.log()));
            }
            sleepMs(50);
        }
        return new LabManifest.Simulation(sim, status.toString(), process.pid(), process.startedAtEpochNs(),
            process.log().toString());
    }

    private static void awaitListening(final LabLayout l, final Daemon process, final String local)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS * 2);
        // A wildcard listener shows as 0.0.0.0:80, *:80 or [::]:80 (dual stack).
        while (Exec.run("ip", "netns", "exec", l.internetNamespace(), "ss", "-Hltn").stdout().lines()
            .noneMatch(line -> (line.contains("0.0.0.0" + local) || line.contains("*" + local) ||
                line.contains("[::]" + local))))
        {
            if (ProcessHandle.of(process.pid()).map(h -> !h.isAlive()).orElse(true) ||
                System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the simulated Internet's HTTP side did not start:\n" +
                    read(process.log()));
            }
            sleepMs(50);
        }
    }

    private static LabManifest.Server start(
        final LabLayout l, final LabTools tools, final ServerSpec s, final ServerLaunch launch) throws IOException
    {
        final Daemon d = startDaemon(l, tools, s.name(), launch);
        return new LabManifest.Server(s.name(), s.kind(), s.address(), s.names(), s.stratum(), s.clock(),
            s.clock().faketime(), d.startedAtEpochNs(), d.pid(), d.log().toString());
    }

    /** A process the lab started, detached from the JVM that started it. */
    private record Daemon(long pid, long startedAtEpochNs, Path log)
    {
    }

    private static Daemon startDaemon(final LabLayout l, final LabTools tools, final String name,
        final ServerLaunch launch) throws IOException
    {
        final List<String> cmd = new ArrayList<>(List.of(
            "setsid", tools.ip(), "netns", "exec", l.internetNamespace(),
            // No lab daemon may set the host's clock, whatever it is told.
            tools.setpriv(), "--bounding-set=-sys_time", "--", "env"));
        launch.env().forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(launch.command());
        final Path logFile = l.stateDir().resolve(name + ".log");
        final long startedAt = Instant.now().toEpochMilli() * 1_000_000L;
        final Process p = new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(logFile.toFile())
            .redirectErrorStream(true)
            .start();
        return new Daemon(p.pid(), startedAt, logFile);
    }

    private static void awaitReady(final LabLayout l, final LabManifest.Server s, final ServerLaunch launch)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        for (final String listen : launch.listens())
        {
            final String[] parts = listen.split(":");
            final String flag = parts[0].equals("udp") ? "-Hlun" : "-Hltn";
            final String local = parts[1] + ":" + parts[2];
            while (true)
            {
                final String out = Exec.run("ip", "netns", "exec", l.internetNamespace(), "ss", flag).stdout();
                if (out.contains(local + " ") || out.contains(local + "\t"))
                {
                    break;
                }
                if (ProcessHandle.of(s.pid()).map(h -> !h.isAlive()).orElse(true))
                {
                    throw new IllegalStateException("lab server " + s.name() + " exited at start:\n" + read(
                        Path.of(s.log())));
                }
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("lab server " + s.name() + " not listening on " + listen +
                        " after " + READY_TIMEOUT_MS + " ms:\n" + read(Path.of(s.log())));
                }
                sleepMs(50);
            }
        }
    }

    private static ServerSpec specOf(final List<ServerSpec> specs, final String name)
    {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String mac(final String ns, final String dev)
    {
        return Exec.check("ip", "netns", "exec", ns, "cat", "/sys/class/net/" + dev + "/address").stdout().trim();
    }

    private static void killAll(final String ns)
    {
        for (int round = 0; round < 3; round++)
        {
            final List<Long> pids = Exec.run("ip", "netns", "pids", ns).stdout().lines()
                .map(String::trim).filter(x -> !x.isEmpty()).map(Long::parseLong).toList();
            if (pids.isEmpty())
            {
                return;
            }
            final boolean force = round == 2;
            for (final long pid : pids)
            {
                ProcessHandle.of(pid).ifPresent(h -> signal(h, force));
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() - deadline < 0 &&
                pids.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)))
            {
                sleepMs(20);
            }
        }
    }

    private static void signal(final ProcessHandle h, final boolean force)
    {
        if (force)
        {
            h.destroyForcibly();
        }
        else
        {
            h.destroy();
        }
    }

    private static String ownerToken()
    {
        final ProcessHandle self = ProcessHandle.current();
        return self.pid() + " " + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static boolean ownerAlive(final String token)
    {
        final String[] parts = token.trim().split(" ");
        try
        {
            final long pid = Long.parseLong(parts[0]);
            final long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == started)
                .orElse(false);
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    private static String serverLogs(final LabLayout l)
    {
        final StringBuilder sb = new StringBuilder();
        final File[] logs = l.stateDir().toFile().listFiles((d, n) -> n.endsWith(".log"));
        if (logs != null)
        {
            for (final File f : logs)
            {
                final String text = read(f.toPath());
                if (text != null && !text.isBlank())
                {
                    sb.append("--- ").append(f.getName()).append('\n').append(text);
                }
            }
        }
        return sb.toString();
    }

    private static String read(final Path p)
    {
        try
        {
            return Files.exists(p) ? Files.readString(p) : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static void deleteTree(final Path root)
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> s = Files.walk(root))
        {
            for (final Path p : s.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
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
}
