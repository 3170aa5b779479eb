package org.timestudy.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.timestudy.testbed.lab.Exec;
import org.timestudy.testbed.lab.LabManifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts NTP on the wire, in the kernel, independently of every scanner: nftables netdev counters on both ends of the
 * lab's veth. On the internet side, the requests that arrived (ingress) and the replies that left (egress); on the
 * scanner side, the probes that left (egress) and the replies that arrived (ingress). Only UDP to or from port 123 of
 * the simulated space is counted, so nothing else crossing the veth (the heartbeat) is.
 *
 * <p>With {@code ingressDrop}, NTP arriving at either end is dropped right after it is counted: the netdev ingress
 * hook runs after the packet taps (every scanner's capture, the responder's socket) and before the IP stack, so the
 * kernel's own IP and UDP input, and its port-unreachable answer, are spared for every tool alike. No tool reads
 * NTP through a kernel UDP socket here.
 */
public final class WireCounters
{
    /** nftables table that holds the counters, in both namespaces. */
    public static final String TABLE = "timestudy_bench";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabManifest lab;

    /**
     * Figures at one moment.
     *
     * @param requestsIn     NTP requests that reached the internet side.
     * @param repliesOut     NTP replies the internet side sent.
     * @param probesOut      NTP probes that left the scanner's interface.
     * @param repliesIn      NTP replies that reached the scanner's interface.
     */
    public record Snapshot(long requestsIn, long repliesOut, long probesOut, long repliesIn)
    {
        /**
         * @param before an earlier snapshot.
         * @return the counts since it.
         */
        public Snapshot minus(final Snapshot before)
        {
            return new Snapshot(requestsIn - before.requestsIn, repliesOut - before.repliesOut,
                probesOut - before.probesOut, repliesIn - before.repliesIn);
        }
    }

    private WireCounters(final LabManifest lab)
    {
        this.lab = lab;
    }

    /**
     * Installs the counters (replacing any of an earlier run).
     *
     * @param lab         the lab.
     * @param workDir     where to write the rule files.
     * @param ingressDrop drop counted NTP at ingress, after the taps (see the class comment).
     * @return the counters.
     */
    public static WireCounters install(final LabManifest lab, final Path workDir, final boolean ingressDrop)
    {
        final String space = lab.simulatedSpace();
        final String verdict = ingressDrop ? " drop" : "";
        install(lab.internetNamespace(), workDir.resolve("internet-counters.nft"), String.join("\n",
            "table netdev " + TABLE + " {",
            "  counter requests_in { }",
            "  counter replies_out { }",
            "  chain in {",
            "    type filter hook ingress device \"" + lab.internetInterface() + "\" priority -500; policy accept;",
            "    ip daddr " + space + " udp dport 123 counter name \"requests_in\"" + verdict,
            "  }",
            "  chain out {",
            "    type filter hook egress device \"" + lab.internetInterface() + "\" priority -500; policy accept;",
            "    ip saddr " + space + " udp sport 123 counter name \"replies_out\"",
            "  }",
            "}",
            ""));
        install(lab.scannerNamespace(), workDir.resolve("scanner-counters.nft"), String.join("\n",
            "table netdev " + TABLE + " {",
            "  counter probes_out { }",
            "  counter replies_in { }",
            "  chain out {",
            "    type filter hook egress device \"" + lab.scannerInterface() + "\" priority -500; policy accept;",
            "    ip daddr " + space + " udp dport 123 counter name \"probes_out\"",
            "  }",
            "  chain in {",
            "    type filter hook ingress device \"" + lab.scannerInterface() + "\" priority -500; policy accept;",
            "    ip saddr " + space + " udp sport 123 counter name \"replies_in\"" + verdict,
            "  }",
            "}",
            ""));
        return new WireCounters(lab);
    }

    private static void install(final String namespace, final Path file, final String rules)
    {
        try
        {
            Files.writeString(file, rules);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        Exec.run("ip", "netns", "exec", namespace, "nft", "delete", "table", "netdev", TABLE);
        Exec.check("ip", "netns", "exec", namespace, "nft", "-f", file.toString());
    }

    /**
     * @return the counters now.
     */
    public Snapshot read()
    {
        final JsonNode inet = counters(lab.internetNamespace());
        final JsonNode scan = counters(lab.scannerNamespace());
        return new Snapshot(packets(inet, "requests_in"), packets(inet, "replies_out"), packets(scan, "probes_out"),
            packets(scan, "replies_in"));
    }

    private static JsonNode counters(final String namespace)
    {
        final Exec.Result r = Exec.check("ip", "netns", "exec", namespace, "nft", "-j", "list", "counters", "table",
            "netdev", TABLE);
        try
        {
            return JSON.readTree(r.stdout()).path("nftables");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static long packets(final JsonNode nftables, final String name)
    {
        for (final JsonNode item : nftables)
        {
            final JsonNode c = item.path("counter");
            if (name.equals(c.path("name").asText()))
            {
                return c.path("packets").asLong();
            }
        }
        throw new IllegalStateException("nftables counter " + name + " is missing from table " + TABLE + " (in " +
            List.of(nftables) + ")");
    }
}
