package org.timestudy.testbed.lab;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names and addresses of one lab. Everything lies inside 198.18.0.0/15, the range set aside for network benchmarks
 * (RFC 2544), and inside two namespaces that have no default route and no link to the host's interfaces.
 *
 * <pre>
 *   scanner namespace                          internet namespace
 *   tl{id}s 198.19.255.2/30  ----- veth -----  tl{id}n 198.19.255.1/30
 *   route 198.18.0.0/15 via 198.19.255.1       local 198.18.0.0/16 dev lo   (simulated Internet, AnyIP)
 *                                              local 198.19.0.0/24 dev lo   (real servers, one address each)
 * </pre>
 *
 * @param id short unique id of the lab ([a-z0-9], at most 8 characters).
 */
public record LabLayout(String id)
{
    /** All the lab's addresses: the benchmarking range. */
    public static final String LAB_SPACE = "198.18.0.0/15";
    /** The simulated Internet, answered through an AnyIP route. */
    public static final String SIM_SPACE = "198.18.0.0/16";
    /** Real servers, one address each. */
    public static final String SERVER_SPACE = "198.19.0.0/24";
    /** The scanner's address on the veth. */
    public static final String SCANNER_ADDRESS = "198.19.255.2";
    /** The internet side's address on the veth: the scanner's gateway. */
    public static final String GATEWAY_ADDRESS = "198.19.255.1";
    /** Prefix length of the veth link. */
    public static final int LINK_PREFIX = 30;
    /** The lab's DNS server. */
    public static final String DNS_ADDRESS = "198.19.0.53";
    /** The lab's DNS zone. */
    public static final String ZONE = "lab.test";
    /** Prefix of every namespace a lab makes; {@code lab down} looks for it. */
    public static final String NAMESPACE_PREFIX = "tslab-";
    /** The time the stuck servers' clocks show (chrony's barely moves, nginx's not at all). */
    public static final Instant STUCK_AT = Instant.parse("2016-05-14T01:38:26Z");

    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,8}");

    /**
     * @param id short unique id of the lab.
     */
    public LabLayout
    {
        if (!ID.matcher(id).matches())
        {
            throw new IllegalArgumentException("lab id must be 1-8 characters of [a-z0-9]: " + id);
        }
    }

    /**
     * @return the scanner's namespace.
     */
    public String scannerNamespace()
    {
        return NAMESPACE_PREFIX + id + "-scan";
    }

    /**
     * @return the simulated Internet's namespace.
     */
    public String internetNamespace()
    {
        return NAMESPACE_PREFIX + id + "-inet";
    }

    /**
     * @return the scanner's end of the veth (at most 15 characters).
     */
    public String scannerInterface()
    {
        return "tl" + id + "s";
    }

    /**
     * @return the internet side's end of the veth.
     */
    public String internetInterface()
    {
        return "tl" + id + "n";
    }

    /**
     * @return where the lab keeps its configs, logs, pid files and manifest.
     */
    public Path stateDir()
    {
        return stateRoot().resolve(id);
    }

    /**
     * @return the parent of every lab's state directory.
     */
    public static Path stateRoot()
    {
        return Path.of(System.getProperty("timestudy.lab.root", "/tmp/timestudy-labs"));
    }

    /**
     * @param namespace a namespace name.
     * @return the lab id it belongs to, or null if it is not a lab namespace.
     */
    public static String idOfNamespace(final String namespace)
    {
        if (!namespace.startsWith(NAMESPACE_PREFIX))
        {
            return null;
        }
        final String rest = namespace.substring(NAMESPACE_PREFIX.length());
        final int dash = rest.lastIndexOf('-');
        return dash > 0 ? rest.substring(0, dash) : null;
    }

    /**
     * The lab's standard real servers: chronyd and nginx on several faked clocks, ntpsec on the real clock, and
     * dnsmasq with round-robin names that mix clocks and CNAME chains.
     *
     * @return the server specs.
     */
    public static List<ServerSpec> defaultServers()
    {
        final String ntp = "ntp." + ZONE;
        final String www = "www." + ZONE;
        return List.of(
            new ServerSpec("chrony-ahead-37s", ServerKind.CHRONY, "198.19.0.11", List.of(ntp), 1,
                FakeClock.offset(37)),
            new ServerSpec("chrony-behind-3h", ServerKind.CHRONY, "198.19.0.12", List.of(ntp), 2,
                FakeClock.offset(-3 * 3600)),
            new ServerSpec("chrony-ahead-halfsec", ServerKind.CHRONY, "198.19.0.13", List.of("half." + ZONE), 2,
                FakeClock.offset(0.5)),
            new ServerSpec("chrony-behind-quartersec", ServerKind.CHRONY, "198.19.0.14", List.of("quarter." + ZONE),
                3, FakeClock.offset(-0.25)),
            new ServerSpec("chrony-drift-1000ppm", ServerKind.CHRONY, "198.19.0.15", List.of("drift." + ZONE), 2,
                FakeClock.rate(10, 1.001)),
            new ServerSpec("chrony-stuck", ServerKind.CHRONY, "198.19.0.16", List.of("stuck." + ZONE), 1,
                FakeClock.nearFrozen(STUCK_AT)),
            new ServerSpec("ntpsec-real", ServerKind.NTPSEC, "198.19.0.20", List.of(ntp), 4, FakeClock.real()),
            new ServerSpec("nginx-real", ServerKind.NGINX, "198.19.0.30", List.of(www), 0, FakeClock.real()),
            new ServerSpec("nginx-behind-21h", ServerKind.NGINX, "198.19.0.31", List.of(www), 0,
                FakeClock.offset(-(21 * 3600 + 57 * 60 + 13))),
            new ServerSpec("nginx-ahead-1h", ServerKind.NGINX, "198.19.0.32", List.of(www, "tz." + ZONE), 0,
                FakeClock.offset(3600)),
            new ServerSpec("nginx-stuck", ServerKind.NGINX, "198.19.0.33", List.of("stuck." + ZONE), 0,
                FakeClock.frozen(STUCK_AT)),
            new ServerSpec("dnsmasq", ServerKind.DNSMASQ, DNS_ADDRESS, List.of("ns." + ZONE), 0, FakeClock.real()));
    }

    /**
     * CNAMEs of the lab zone: alias to target.
     *
     * @return pairs {alias, target}.
     */
    public static List<String[]> defaultCnames()
    {
        return List.of(
            new String[] {"time." + ZONE, "ntp." + ZONE},
            new String[] {"cdn." + ZONE, "edge." + ZONE},
            new String[] {"edge." + ZONE, "www." + ZONE});
    }
}
