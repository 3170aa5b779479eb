package org.timestudy.targets.cli;

import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.TargetSpaceBuilder;
import org.timestudy.targets.permute.ScanOrder;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that say what a scan probes and in which order, shared by {@code scan} and {@code targets} (a picocli
 * mixin): targets, allow/block lists, the default blocklist's loud opt-out, ports, seed, sharding and
 * {@code --max-targets}, with zmap's names.
 */
public final class TargetSpaceOptions
{
    @Parameters(paramLabel = "TARGET", arity = "0..*",
        description = "IPv4 address, CIDR (192.0.2.0/24) or range (a.b.c.d-e.f.g.h).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-I", "--input-file"}, paramLabel = "FILE",
        description = "File of targets, one per line, # comments; - for stdin. Repeatable.")
    List<String> inputFiles = new ArrayList<>();

    @Option(names = {"-w", "--allowlist-file"}, paramLabel = "FILE",
        description = "Probe only addresses listed here. Repeatable.")
    List<String> allowlistFiles = new ArrayList<>();

    @Option(names = {"-b", "--blocklist-file"}, paramLabel = "FILE", description = "Never probe these. Repeatable.")
    List<String> blocklistFiles = new ArrayList<>();

    @Option(names = "--no-default-blocklist",
        description = "DANGER: also probe reserved space (private, loopback, multicast, benchmarking...). "
            + "Only for the lab, which lives in 198.18.0.0/15.")
    boolean noDefaultBlocklist;

    @Option(names = {"-p", "--target-ports", "--ports"}, split = ",", paramLabel = "PORT",
        description = "Ports to probe (default: the probe's port).")
    int[] ports;

    @Option(names = "--seed", description = "Seed of the scan order, the same on every shard (random if not given).")
    Long seed;

    @Option(names = "--shards", description = "Number of shards (machines) sharing the scan.", defaultValue = "1")
    int shards;

    @Option(names = "--shard", description = "This shard, 0 to shards - 1.", defaultValue = "0")
    int shard;

    @Option(names = {"-n", "--max-targets"}, paramLabel = "N|P%",
        description = "Most targets over all shards: a count, or a percentage of the space.")
    String maxTargets;

    private long usedSeed;

    /**
     * @return true when no target was given at all.
     */
    public boolean noTargets()
    {
        return targets.isEmpty() && inputFiles.isEmpty();
    }

    /**
     * Builds the target space.
     *
     * @param defaultPort port when none is given.
     * @param err         where the warning about --no-default-blocklist goes.
     * @return the space.
     * @throws TargetInputException naming the file and line of a bad entry.
     */
    public TargetSpace space(final int defaultPort, final PrintWriter err)
    {
        final TargetSpaceBuilder b = new TargetSpaceBuilder()
            .targets(targets)
            .defaultBlocklist(!noDefaultBlocklist)
            .ports(ports == null ? new int[] {defaultPort} : ports);
        inputFiles.forEach(b::targetFile);
        allowlistFiles.forEach(b::allowlistFile);
        blocklistFiles.forEach(b::blocklistFile);
        if (noDefaultBlocklist)
        {
            err.println("timestudy: WARNING: --no-default-blocklist: reserved address space is NOT excluded");
        }
        return b.build();
    }

    /**
     * @return the default and user blocklists as one list (IPv6 entries included), for hostname results.
     */
    public org.timestudy.targets.address.AddressList blocklist()
    {
        return new TargetSpaceBuilder().defaultBlocklist(!noDefaultBlocklist).blocklistFiles(blocklistFiles)
            .blocklist();
    }

    /**
     * This shard's order over a space.
     *
     * @param space the targets.
     * @param err   where a random seed is printed, so the scan can be repeated or resumed.
     * @return the order.
     */
    public ScanOrder order(final TargetSpace space, final PrintWriter err)
    {
        usedSeed = seed != null ? seed : new SecureRandom().nextLong();
        if (seed == null)
        {
            err.println("timestudy: seed " + usedSeed + " (pass --seed " + usedSeed + " to repeat or resume this order)");
        }
        final long max = maxTargets == null ? 0 : ScanOrder.parseMaxTargets(maxTargets, space.size());
        return ScanOrder.of(space, usedSeed, shards, shard, max);
    }

    /**
     * @param space the scan's space.
     * @return what blocklists are in force, for the summary.
     */
    public String blocklistSummary(final TargetSpace space)
    {
        final String lists = blocklistFiles.isEmpty() ? "" : " + " + String.join(", ", blocklistFiles);
        final String base = noDefaultBlocklist ? "DEFAULT BLOCKLIST OFF (--no-default-blocklist)" :
            "default (IANA special-purpose ranges)";
        return base + lists + "; " + String.format("%,d", space.blocked().size()) + " addresses blocked" +
            (allowlistFiles.isEmpty() ? "" : "; allowlist " + String.join(", ", allowlistFiles));
    }

    /**
     * @return the seed the order was built with.
     */
    public long seed()
    {
        return usedSeed;
    }

    /**
     * @return the given targets and lists, for the scan's metadata.
     */
    public List<String> describe()
    {
        final List<String> d = new ArrayList<>(targets);
        inputFiles.forEach(f -> d.add("-I " + f));
        allowlistFiles.forEach(f -> d.add("-w " + f));
        blocklistFiles.forEach(f -> d.add("-b " + f));
        return d;
    }

    /**
     * @return shards.
     */
    public int shards()
    {
        return shards;
    }

    /**
     * @return this shard.
     */
    public int shard()
    {
        return shard;
    }
}
