package org.timestudy.testbed.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The lab's ground truth, written as {@code manifest.json} in its state directory: the namespaces and addresses,
 * and every server with its names, kind and clock. Tests and benchmarks read it; so can any script.
 *
 * @param id                lab id.
 * @param createdAt         ISO-8601 time the lab came up.
 * @param scannerNamespace  where the engine runs.
 * @param internetNamespace where the servers run.
 * @param scannerInterface  scanner's end of the veth.
 * @param internetInterface internet's end of the veth.
 * @param scannerAddress    scanner's address.
 * @param scannerMac        scanner's MAC.
 * @param gatewayAddress    the internet side's address, the scanner's next hop.
 * @param gatewayMac        the internet side's MAC.
 * @param labSpace          the whole lab range.
 * @param simulatedSpace    range answered by the simulated Internet.
 * @param serverSpace       range of the real servers.
 * @param dnsServer         address of the lab's DNS server.
 * @param zone              the lab's DNS zone.
 * @param servers           every real server.
 * @param cnames            CNAME records of the zone.
 * @param simulation        the simulated Internet, or null when the lab runs without it.
 */
public record LabManifest(
    String id,
    String createdAt,
    String scannerNamespace,
    String internetNamespace,
    String scannerInterface,
    String internetInterface,
    String scannerAddress,
    String scannerMac,
    String gatewayAddress,
    String gatewayMac,
    String labSpace,
    String simulatedSpace,
    String serverSpace,
    String dnsServer,
    String zone,
    List<Server> servers,
    List<Cname> cnames,
    Simulation simulation)
{
    /** File name of the manifest inside the lab's state directory. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One running server.
     *
     * @param name             unique label.
     * @param kind             which daemon.
     * @param address          its address.
     * @param names            DNS names that resolve to it.
     * @param stratum          stratum it claims (NTP), 0 otherwise.
     * @param clock            its clock model.
     * @param faketime         the FAKETIME value it runs under, or null for the real clock.
     * @param startedAtEpochNs when its process was started, ns since 1970 (anchors rates).
     * @param pid              its process id.
     * @param log              its log file.
     */
    public record Server(
        String name,
        ServerKind kind,
        String address,
        List<String> names,
        int stratum,
        FakeClock clock,
        String faketime,
        long startedAtEpochNs,
        long pid,
        String log)
    {
        /**
         * @param trueEpochNs true time, ns since 1970.
         * @return the server's offset at that time, in seconds.
         */
        public double offsetSecondsAt(final long trueEpochNs)
        {
            return clock.offsetSecondsAt(trueEpochNs, startedAtEpochNs);
        }

        /**
         * @param trueEpochNs true time, ns since 1970.
         * @return the time the server shows at that time, seconds since 1970.
         */
        public double remoteEpochSecondsAt(final long trueEpochNs)
        {
            return clock.remoteEpochSeconds(trueEpochNs, startedAtEpochNs);
        }
    }

    /**
     * The simulated Internet of a lab.
     *
     * @param spec             how its population is made (seed, mix, space, epoch, timescale).
     * @param statusFile       where it writes its counters once a second (JSON).
     * @param pid              its process id.
     * @param startedAtEpochNs when it started, ns since 1970.
     * @param log              its log file.
     */
    public record Simulation(org.timestudy.testbed.sim.SimSpec spec, String statusFile, long pid,
        long startedAtEpochNs, String log)
    {
    }

    /**
     * A CNAME record.
     *
     * @param alias  the name.
     * @param target what it points at.
     */
    public record Cname(String alias, String target)
    {
    }

    /**
     * @param name a server's label.
     * @return that server.
     */
    public Server server(final String name)
    {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new NoSuchElementException("no lab server " + name));
    }

    /**
     * @param kind a server kind.
     * @return the servers of that kind.
     */
    public List<Server> servers(final ServerKind kind)
    {
        return servers.stream().filter(s -> s.kind() == kind).toList();
    }

    /**
     * @param file a manifest file.
     * @return the manifest.
     */
    public static LabManifest read(final Path file)
    {
        try
        {
            return JSON.readValue(file.toFile(), LabManifest.class);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes the manifest atomically.
     *
     * @param file where.
     */
    public void write(final Path file)
    {
        try
        {
            final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the manifest as JSON text.
     */
    public String toJson()
    {
        try
        {
            return JSON.writeValueAsString(this);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
