package org.timestudy.targets;

import org.timestudy.targets.address.AddressList;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.address.Ipv6Prefix;
import org.timestudy.targets.blocklist.DefaultBlocklist;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the command line's target options into a {@link TargetSpace}:
 * <pre>
 *   allowed = (positional targets + -I files) within the -w allowlists (if any)
 *             - the default blocklist (unless turned off) - the -b blocklists
 * </pre>
 * It refuses to build a space nobody asked for: with no positional target and no {@code -I} file it fails, and it
 * fails when the blocklists leave nothing. To sweep everything, say {@code 0.0.0.0/0}.
 */
public final class TargetSpaceBuilder
{
    /** Port probed when none is given: NTP. */
    public static final int DEFAULT_PORT = 123;

    private final List<String> targets = new ArrayList<>();
    private final List<String> targetFiles = new ArrayList<>();
    private final List<String> allowlistFiles = new ArrayList<>();
    private final List<String> blocklistFiles = new ArrayList<>();
    private boolean defaultBlocklist = true;
    private int[] ports = {DEFAULT_PORT};
    private InputStream stdin = System.in;

    /**
     * @param entry a positional target: address, CIDR, range (or an IPv6 address/prefix, kept for hostname mode).
     * @return this.
     */
    public TargetSpaceBuilder target(final String entry)
    {
        targets.add(entry);
        return this;
    }

    /**
     * @param entries positional targets.
     * @return this.
     */
    public TargetSpaceBuilder targets(final List<String> entries)
    {
        targets.addAll(entries);
        return this;
    }

    /**
     * @param file a target list file ({@code -I}), or {@code -} for standard input.
     * @return this.
     */
    public TargetSpaceBuilder targetFile(final String file)
    {
        targetFiles.add(file);
        return this;
    }

    /**
     * @param file an allowlist file ({@code -w}): targets outside every allowlist are dropped.
     * @return this.
     */
    public TargetSpaceBuilder allowlistFile(final String file)
    {
        allowlistFiles.add(file);
        return this;
    }

    /**
     * @param file a blocklist file ({@code -b}).
     * @return this.
     */
    public TargetSpaceBuilder blocklistFile(final String file)
    {
        blocklistFiles.add(file);
        return this;
    }

    /**
     * @param files blocklist files ({@code -b}).
     * @return this.
     */
    public TargetSpaceBuilder blocklistFiles(final List<String> files)
    {
        blocklistFiles.addAll(files);
        return this;
    }

    /**
     * @param apply false only for an explicit {@code --no-default-blocklist} (the lab lives in reserved space).
     * @return this.
     */
    public TargetSpaceBuilder defaultBlocklist(final boolean apply)
    {
        this.defaultBlocklist = apply;
        return this;
    }

    /**
     * @param ports ports to probe on every address, each 0-65535, no duplicates.
     * @return this.
     */
    public TargetSpaceBuilder ports(final int... ports)
    {
        if (ports.length == 0)
        {
            throw new TargetInputException("at least one port");
        }
        final int[] sorted = ports.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++)
        {
            if (sorted[i] < 0 || sorted[i] > 65535)
            {
                throw new TargetInputException("port must be 0-65535: " + sorted[i]);
            }
            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new TargetInputException("port given twice: " + sorted[i]);
            }
        }
        this.ports = ports.clone();
        return this;
    }

    /**
     * @param in what {@code -} reads (standard input by default).
     * @return this.
     */
    public TargetSpaceBuilder stdin(final InputStream in)
    {
        this.stdin = in;
        return this;
    }

    /**
     * @return the IPv4 addresses the default and user blocklists remove.
     */
    public AddressList blocklist()
    {
        AddressList blocked = defaultBlocklist ? DefaultBlocklist.list() : AddressList.EMPTY;
        for (final String f : blocklistFiles)
        {
            blocked = blocked.union(AddressList.read(f, stdin));
        }
        return blocked;
    }

    /**
     * @return the target space.
     * @throws TargetInputException if no target was given, an input is malformed, or nothing is left to probe.
     */
    public TargetSpace build()
    {
        if (targets.isEmpty() && targetFiles.isEmpty())
        {
            throw new TargetInputException("no targets given: name addresses, CIDRs or ranges, or a list with -I FILE" +
                " (a sweep of everything is 0.0.0.0/0; timestudy never scans an implicit target set)");
        }
        AddressList wanted = AddressList.EMPTY;
        for (final String t : targets)
        {
            wanted = wanted.union(AddressList.ofEntry(t));
        }
        for (final String f : targetFiles)
        {
            wanted = wanted.union(AddressList.read(f, stdin));
        }
        AddressSet allowed = wanted.ipv4();
        if (!allowlistFiles.isEmpty())
        {
            AddressSet allow = AddressSet.EMPTY;
            for (final String f : allowlistFiles)
            {
                allow = allow.union(AddressList.read(f, stdin).ipv4());
            }
            allowed = allowed.intersect(allow);
        }
        final AddressList blocked = blocklist();
        final long before = allowed.size();
        allowed = allowed.minus(blocked.ipv4());
        final List<Ipv6Prefix> v6 = wanted.ipv6();
        if (allowed.isEmpty() && v6.isEmpty())
        {
            throw new TargetInputException("no IPv4 target left: " + before + " given, all removed by the " +
                (allowlistFiles.isEmpty() ? "" : "allowlist or the ") + "blocklists" +
                (defaultBlocklist ? " (the default blocklist removes reserved space such as 10.0.0.0/8 and " +
                "198.18.0.0/15; --no-default-blocklist turns it off)" : ""));
        }
        return new TargetSpace(allowed, ports, v6, blocked.ipv4());
    }
}
