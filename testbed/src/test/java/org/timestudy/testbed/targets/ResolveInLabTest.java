package org.timestudy.testbed.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.cli.TargetsCommand;
import org.timestudy.testbed.JvmOptions;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Exec;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabLayout;
import org.timestudy.testbed.lab.LabManifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code timestudy targets --resolve} run inside the lab's scanner namespace against the lab's dnsmasq (the only
 * DNS server these tests ever query): A records, CNAME chains, AAAA, NXDOMAIN, REFUSED and timeouts.
 */
@LabTest
class ResolveInLabTest
{
    private static final String DNS = LabLayout.DNS_ADDRESS;

    @TempDir
    Path dir;

    @Test
    void shouldResolveEveryARecordAndKeepTheCnameChainOfEachAddress(final Lab lab) throws Exception
    {
        final List<Row> rows = resolve(lab, List.of("www.lab.test", "cdn.lab.test", "time.lab.test",
            "ntp.lab.test", "nope.lab.test"), "--dns-timeout-ms", "3000");

        assertThat(addresses(rows, "www.lab.test")).containsExactlyInAnyOrder(
            "198.19.0.30", "198.19.0.31", "198.19.0.32");
        assertThat(of(rows, "www.lab.test")).allMatch(r -> r.status.equals("OK") && r.family.equals("4") &&
            r.owner.equals("www.lab.test") && r.cnames.equals("-") && r.allowed.equals("yes"));

        assertThat(addresses(rows, "cdn.lab.test")).containsExactlyInAnyOrder(
            "198.19.0.30", "198.19.0.31", "198.19.0.32");
        assertThat(of(rows, "cdn.lab.test")).allMatch(r ->
            r.owner.equals("www.lab.test") && r.cnames.equals("edge.lab.test>www.lab.test"));

        assertThat(addresses(rows, "ntp.lab.test")).containsExactlyInAnyOrder(
            "198.19.0.11", "198.19.0.12", "198.19.0.20");
        assertThat(addresses(rows, "time.lab.test")).containsExactlyInAnyOrderElementsOf(
            addresses(rows, "ntp.lab.test"));
        assertThat(of(rows, "time.lab.test")).allMatch(r -> r.cnames.equals("ntp.lab.test"));

        assertThat(of(rows, "nope.lab.test")).singleElement().satisfies(r ->
        {
            assertThat(r.status).isEqualTo("NXDOMAIN");
            assertThat(r.address).isEqualTo("-");
        });
    }

    @Test
    void shouldMarkLabAddressesBlockedWhenTheDefaultBlocklistIsOn(final Lab lab) throws Exception
    {
        final List<Row> rows = resolveWithBlocklist(lab, List.of("www.lab.test"));
        assertThat(of(rows, "www.lab.test")).hasSize(3).allMatch(r -> r.allowed.equals("no"));
    }

    @Test
    void shouldResolveAaaaRecordsOnceTheZoneHasThem(final Lab lab) throws Exception
    {
        // The default lab zone has no IPv6 addresses: add two to dnsmasq's hosts file and make it re-read it.
        // The other tests of this class share the lab: the zone is put back afterwards.
        final Path hosts = lab.layout().stateDir().resolve("zone.hosts");
        assertThat(hosts).exists();
        final String zone = Files.readString(hosts);
        final List<Row> rows;
        try
        {
            Files.writeString(hosts, zone + "2001:db8::30 www.lab.test\n2001:db8::99 v6only.lab.test\n");
            Exec.check("kill", "-HUP", Long.toString(dnsmasq(lab).pid()));
            rows = resolve(lab, List.of("www.lab.test", "v6only.lab.test", "cdn.lab.test"),
                "--dns-timeout-ms", "3000");
        }
        finally
        {
            Files.writeString(hosts, zone);
            Exec.check("kill", "-HUP", Long.toString(dnsmasq(lab).pid()));
        }
        assertThat(addresses(rows, "www.lab.test")).containsExactlyInAnyOrder(
            "198.19.0.30", "198.19.0.31", "198.19.0.32", "2001:db8::30");
        assertThat(of(rows, "v6only.lab.test")).singleElement().satisfies(r ->
        {
            assertThat(r.family).isEqualTo("6");
            assertThat(r.address).isEqualTo("2001:db8::99");
        });
        assertThat(of(rows, "cdn.lab.test")).filteredOn(r -> r.family.equals("6")).singleElement()
            .satisfies(r -> assertThat(r.cnames).isEqualTo("edge.lab.test>www.lab.test"));
    }

    @Test
    void shouldRecordRefusalAndTimeoutAsResults(final Lab lab) throws Exception
    {
        // dnsmasq answers only for lab.test and has no upstream: any other name is refused, nothing is forwarded.
        final List<Row> refused = resolve(lab, List.of("elsewhere.example"), "--dns-timeout-ms", "3000");
        assertThat(of(refused, "elsewhere.example")).singleElement()
            .satisfies(r -> assertThat(r.status).isEqualTo("REFUSED"));

        final LabManifest.Server dnsmasq = dnsmasq(lab);
        Exec.check("kill", "-STOP", Long.toString(dnsmasq.pid()));
        try
        {
            final List<Row> rows = resolve(lab, List.of("www.lab.test"), "--dns-timeout-ms", "300");
            assertThat(of(rows, "www.lab.test")).singleElement().satisfies(r ->
            {
                assertThat(r.status).isEqualTo("TIMEOUT");
                assertThat(r.detail).contains("www.lab.test");
            });
        }
        finally
        {
            Exec.check("kill", "-CONT", Long.toString(dnsmasq.pid()));
        }
    }

    private List<Row> resolve(final Lab lab, final List<String> names, final String... extra) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("--no-default-blocklist"));
        args.addAll(List.of(extra));
        return run(lab, names, args);
    }

    private List<Row> resolveWithBlocklist(final Lab lab, final List<String> names) throws Exception
    {
        return run(lab, names, List.of());
    }

    private List<Row> run(final Lab lab, final List<String> names, final List<String> extra) throws Exception
    {
        final Path file = Files.write(dir.resolve("names-" + System.nanoTime() + ".txt"), names);
        final List<String> args = new ArrayList<>(List.of("--resolve", file.toString(), "--dns-server", DNS));
        args.addAll(extra);
        final Exec.Result r = lab.inScanner(
            JvmOptions.javaCommand(TargetsCommand.class.getName(), args).toArray(new String[0])).check();
        final List<Row> rows = new ArrayList<>();
        for (final String line : r.stdout().split("\n"))
        {
            if (!line.startsWith("#") && !line.isBlank())
            {
                rows.add(Row.parse(line));
            }
        }
        return rows;
    }

    private static LabManifest.Server dnsmasq(final Lab lab)
    {
        return lab.manifest().servers().stream().filter(s -> s.name().equals("dnsmasq")).findFirst().orElseThrow();
    }

    private static List<Row> of(final List<Row> rows, final String name)
    {
        return rows.stream().filter(r -> r.name.equals(name)).toList();
    }

    private static List<String> addresses(final List<Row> rows, final String name)
    {
        return of(rows, name).stream().map(r -> r.address).toList();
    }

    /** One line of {@code --resolve} output. */
    private record Row(String name, String status, String family, String address, String owner, String cnames,
        String ttl, String allowed, String detail)
    {
        static Row parse(final String line)
        {
            final String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(9);
            return new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        }
    }
}
