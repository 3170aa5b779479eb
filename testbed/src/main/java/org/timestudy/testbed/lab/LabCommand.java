package org.timestudy.testbed.lab;

import picocli.CommandLine.Command;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.TruthDump;
import org.timestudy.testbed.sim.SimSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy lab up|down|status|truth}: the isolated lab every engine test, benchmark and demo runs in.
 */
@Command(
    name = "lab",
    header = "Bring the isolated lab up or down, show it, or print its ground truth.",
    description = {
        "The lab is two network namespaces joined by one veth pair, with no route out. The internet side owns",
        "198.18.0.0/16 (AnyIP) and runs real chronyd, ntpsec, nginx and dnsmasq servers on faked clocks in",
        "198.19.0.0/24. Needs root."},
    mixinStandardHelpOptions = true,
    subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class, LabCommand.Truth.class})
public final class LabCommand implements Callable<Integer>
{
    /** Default id of the lab made by the CLI. */
    public static final String DEFAULT_ID = "lab";

    /** {@code lab up}. */
    @Command(name = "up", header = "Bring the lab up (and print what is there).", mixinStandardHelpOptions = true)
    static final class Up implements Callable<Integer>
    {
        @Option(names = "--id", description = "Lab id ([a-z0-9], at most 8).", defaultValue = DEFAULT_ID,
            showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS)
        String id;

        @Option(names = "--sim", description = "Also run the simulated Internet on " + LabLayout.SIM_SPACE + ".")
        boolean sim;

        @Option(names = "--sim-seed", description = "Seed of the simulated population.", defaultValue = "1")
        long simSeed;

        @Option(names = "--sim-mix", description = "Population mix: lab (behaviours show within minutes), survey " +
            "(real time), balanced (equal classes, lab time), bench (every request answered normally, real time).",
            defaultValue = "lab")
        String simMix;

        @Override
        public Integer call()
        {
            final long now = Instant.now().toEpochMilli() * 1_000_000L;
            final SimSpec spec = !sim ? null : simMix.equals("survey") || simMix.equals(SimSpec.BENCH) ?
                new SimSpec(simSeed, simMix, LabLayout.SIM_SPACE, now, 1) :
                new SimSpec(simSeed, simMix, LabLayout.SIM_SPACE, now, SimSpec.LAB_TIMESCALE);
            final Lab lab = Lab.up(id, true, LabLayout.defaultServers(), LabLayout.defaultCnames(), spec, System.err);
            Status.print(lab);
            return 0;
        }
    }

    /** {@code lab down}. */
    @Command(name = "down", header = "Take the lab down, and any lab left behind by a crash.",
        mixinStandardHelpOptions = true)
    static final class Down implements Callable<Integer>
    {
        @Option(names = "--id", description = "Lab id.", defaultValue = DEFAULT_ID,
            showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS)
        String id;

        @Option(names = "--all", description = "Take down every lab on this machine, including running tests' labs.")
        boolean all;

        @Override
        public Integer call()
        {
            Lab.requireRoot();
            final List<String> ids = all ? Lab.ids() : List.of(id);
            for (final String each : ids)
            {
                Lab.down(new LabLayout(each), System.err);
            }
            Lab.downStale(System.err);
            return 0;
        }
    }

    /** {@code lab status}. */
    @Command(name = "status", header = "Show the lab: namespaces, addresses, servers and their clocks.",
        mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer>
    {
        @Option(names = "--id", description = "Lab id.", defaultValue = DEFAULT_ID,
            showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS)
        String id;

        @Option(names = "--json", description = "Print the manifest (ground truth) as JSON.")
        boolean json;

        @Override
        public Integer call()
        {
            final Lab lab = Lab.open(id);
            if (json)
            {
                System.out.println(lab.manifest().toJson());
            }
            else
            {
                print(lab);
            }
            return 0;
        }

        static void print(final Lab lab)
        {
            final LabManifest m = lab.manifest();
            final long now = Instant.now().toEpochMilli() * 1_000_000L;
            System.out.printf("lab %s (up since %s)%n", m.id(), m.createdAt());
            System.out.printf("  scanner   netns %-20s %s %s/%d mac %s, routes %s via %s%n", m.scannerNamespace(),
                m.scannerInterface(), m.scannerAddress(), LabLayout.LINK_PREFIX, m.scannerMac(), m.labSpace(),
                m.gatewayAddress());
            System.out.printf("  internet  netns %-20s %s %s/%d mac %s, AnyIP %s and %s%n", m.internetNamespace(),
                m.internetInterface(), m.gatewayAddress(), LabLayout.LINK_PREFIX, m.gatewayMac(), m.simulatedSpace(),
                m.serverSpace());
            System.out.printf("  dns %s zone %s; manifest %s%n", m.dnsServer(), m.zone(), lab.manifestFile());
            System.out.printf("  %-26s %-8s %-13s %-6s %-14s %-32s %s%n",
                "SERVER", "KIND", "ADDRESS", "ALIVE", "OFFSET NOW", "FAKETIME", "NAMES");
            for (final LabManifest.Server s : m.servers())
            {
                final boolean alive = ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
                System.out.printf("  %-26s %-8s %-13s %-6s %-14s %-32s %s%n", s.name(), s.kind(), s.address(),
                    alive ? "yes" : "NO", String.format("%+.3f s", s.offsetSecondsAt(now)),
                    s.faketime() == null ? "(real clock)" : s.faketime(), String.join(",", s.names()));
            }
            for (final LabManifest.Cname c : m.cnames())
            {
                System.out.printf("  CNAME %s -> %s%n", c.alias(), c.target());
            }
            final LabManifest.Simulation sim = m.simulation();
            if (sim != null)
            {
                final boolean alive = ProcessHandle.of(sim.pid()).map(ProcessHandle::isAlive).orElse(false);
                System.out.printf("  simulated Internet %s: mix %s, seed %d, timescale %.0f, %s; status %s%n",
                    sim.spec().space(), sim.spec().mix(), sim.spec().seed(), sim.spec().timescale(),
                    alive ? "running" : "NOT RUNNING", sim.statusFile());
            }
        }
    }

    /** {@code lab truth}. */
    @Command(name = "truth", header = "Print the ground truth of simulated addresses (JSON).",
        mixinStandardHelpOptions = true)
    static final class Truth implements Callable<Integer>
    {
        @Option(names = "--id", description = "Lab id.", defaultValue = DEFAULT_ID,
            showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS)
        String id;

        @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "Simulated addresses.")
        List<String> addresses = new java.util.ArrayList<>();

        @Option(names = "--dump", paramLabel = "FILE", description = "Write the truth of every simulated address " +
            "as JSON lines (- for stdout).")
        String dump;

        @Override
        public Integer call() throws Exception
        {
            final LabManifest.Simulation sim = Lab.open(id).manifest().simulation();
            if (sim == null)
            {
                throw new IllegalArgumentException("lab '" + id + "' runs no simulated Internet (lab up --sim)");
            }
            final Population population = sim.spec().population();
            final AddressRange space = AddressRange.parse(sim.spec().space());
            for (final String a : addresses)
            {
                final int address = Ipv4.parse(a);
                if (!space.contains(address))
                {
                    throw new IllegalArgumentException(a + " is not in the simulated space " + space);
                }
                System.out.println(population.truth(address).toJson());
            }
            if (dump != null)
            {
                try (java.io.Writer w = dump.equals("-") ? new java.io.PrintWriter(System.out) :
                    java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(dump)))
                {
                    TruthDump.writeJsonLines(population, space.first(), (int)space.size(), w);
                }
            }
            return 0;
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(System.err);
        return CommandLine.ExitCode.USAGE;
    }
}
