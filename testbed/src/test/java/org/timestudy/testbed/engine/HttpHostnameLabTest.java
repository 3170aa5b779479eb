package org.timestudy.testbed.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.ClockTruth;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.LabProcess;
import org.timestudy.testbed.lab.ServerKind;
import org.timestudy.testbed.lab.WireCapture;
import org.timestudy.testbed.sim.HttpAnswers;
import org.timestudy.testbed.sim.SimNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP hostname and precision modes in the lab, as a user runs them ({@code scan -M http --names FILE} in the
 * scanner namespace), against the real nginx servers under libfaketime and the simulated Internet: every naive
 * reading brackets the truth (error at most 0.5 s + RTT/2), precision mode gets within 10 ms in at most 10 requests,
 * and redirects, caches, missing Dates, TLS facts, DNS failures and blocklisted addresses are journaled as such.
 */
@LabTest(simulation = true, simulationSeed = 11)
class HttpHostnameLabTest
{
    private static final double PRECISION_GOAL_S = 0.010;
    private static Population population;
    private static AddressRange space;

    @TempDir
    Path dir;

    @BeforeAll
    static void truth(final Lab lab)
    {
        population = lab.manifest().simulation().spec().population();
        space = AddressRange.parse(lab.manifest().simulation().spec().space());
    }

    @Test
    void shouldBracketEveryNginxClockNaivelyWithinHalfASecondPlusHalfTheRoundTrip(final Lab lab) throws Exception
    {
        final List<HttpRecords> records = scan(lab, List.of("www.lab.test", "tz.lab.test", "stuck.lab.test"),
            List.of());
        final List<LabManifest.Server> nginx = lab.manifest().servers().stream()
            .filter(s -> s.kind() == ServerKind.NGINX).toList();
        for (final LabManifest.Server s : nginx)
        {
            for (final boolean https : new boolean[] {false, true})
            {
                final List<HttpRecords> mine = records.stream()
                    .filter(r -> r.address().equals(s.address()) && r.https() == https).toList();
                assertThat(mine).as("%s %s in %s", s.name(), https, records).isNotEmpty();
                for (final HttpRecords r : mine)
                {
                    assertThat(r.outcome()).as(r.toString()).isEqualTo(HttpOutcome.RESPONSE);
                    assertThat(r.form()).isEqualTo(HttpDateForm.IMF_FIXDATE);
                    assertThat(r.timing()).isEqualTo(HttpTiming.CAPTURE);
                    final double rttS = (r.t4EpochNs() - r.t1EpochNs()) / 1e9;
                    final double truth = s.offsetSecondsAt((r.t1EpochNs() + r.t4EpochNs()) / 2);
                    // 1 µs: the bracket's ends are whole ns, and its half-width is taken in double precision.
                    assertThat(r.errorS()).isLessThanOrEqualTo(0.5 + rttS / 2 + 1e-6);
                    assertThat(r.brackets(truth, 0)).as("%s (%s) truth %.6f s in %s", s.name(), s.faketime(),
                        truth, r).isTrue();
                    assertThat(Math.abs(r.offsetS() - truth)).isLessThanOrEqualTo(0.5 + rttS / 2);
                    if (Math.abs(truth) > 1)
                    {
                        assertThat(r.flags() & RecordFlags.HTTP_CACHED).isZero();
                    }
                }
            }
        }
        // stuck.lab.test also names chrony-stuck, which runs no web server.
        final String chrony = lab.manifest().server("chrony-stuck").address();
        assertThat(records.stream().filter(r -> r.address().equals(chrony)).map(HttpRecords::outcome))
            .containsOnly(HttpOutcome.REFUSED).hasSize(2);
    }

    @Test
    void shouldBracketNginxAndSimulatedClocksToTenMillisecondsInPrecisionMode(final Lab lab) throws Exception
    {
        final List<Integer> sim = find(4, a -> population.httpResponse(a) == Response.NORMAL &&
            population.dateForm(a) != DateForm.INVALID && steady(a));
        final List<String> names = new ArrayList<>(List.of("www.lab.test", "stuck.lab.test"));
        sim.forEach(a -> names.add(Ipv4.format(a)));
        final List<HttpRecords> records = scan(lab, names, List.of("--precision", "--schemes", "http",
            "--precision-requests", "10", "--precision-goal-ms", "2"));
        final List<HttpRecords> finals = records.stream()
            .filter(r -> (r.flags() & RecordFlags.HTTP_PRECISION_FINAL) != 0).toList();
        for (final LabManifest.Server s : lab.manifest().servers())
        {
            if (s.kind() != ServerKind.NGINX || !s.names().contains("www.lab.test"))
            {
                continue;
            }
            final HttpRecords last = only(finals, s.address());
            final double truth = s.offsetSecondsAt((last.t1EpochNs() + last.t4EpochNs()) / 2);
            assertThat(last.mode()).isEqualTo(HttpProbeMode.PRECISION);
            assertThat(last.requestIndex() + 1).as("requests of %s", s.name()).isLessThanOrEqualTo(10);
            assertThat(Math.abs(last.offsetS() - truth)).as("%s: truth %.6f, %s", s.name(), truth, last)
                .isLessThanOrEqualTo(PRECISION_GOAL_S);
            assertThat(last.brackets(truth, 0)).isTrue();
        }
        final HttpRecords stuck = only(finals, lab.manifest().server("nginx-stuck").address());
        assertThat(stuck.flags() & RecordFlags.HTTP_INCONSISTENT).as("a frozen clock contradicts one steady clock: " +
            stuck).isNotZero();
        for (final int a : sim)
        {
            final HttpRecords last = only(finals, Ipv4.format(a));
            final long mid = (last.t1EpochNs() + last.t4EpochNs()) / 2;
            final double truth = population.expectedOffsetNs(a, mid) / 1e9;
            // The simulated clocks jitter by up to 0.5 ms per request around their offset.
            assertThat(Math.abs(last.offsetS() - truth)).as("%s: %s", population.truth(a).toJson(), last)
                .isLessThanOrEqualTo(PRECISION_GOAL_S);
            assertThat(last.requestIndex() + 1).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void shouldRecordRedirectsCachesMissingDatesTlsFactsDnsFailuresAndBlockedAddresses(final Lab lab)
        throws Exception
    {
        final List<Integer> redirects = find(6, a -> population.httpResponse(a) == Response.REDIRECT);
        final int cached = find(1, a -> population.httpResponse(a) == Response.CACHED && steady(a)).get(0);
        final int noDate = find(1, a -> population.httpResponse(a) == Response.NO_DATE).get(0);
        final List<String> names = new ArrayList<>(List.of("www.lab.test", SimNames.name(3), "nothere.lab.test",
            Ipv4.format(cached), Ipv4.format(noDate)));
        redirects.forEach(a -> names.add(Ipv4.format(a)));
        final String blocked = lab.manifest().server("nginx-behind-21h").address();
        final Path blocklist = Files.writeString(dir.resolve("block.txt"), blocked + "\n");
        final Path pcap = dir.resolve("wire.pcap");
        final List<HttpRecords> records;
        try (WireCapture capture = WireCapture.start(lab, "host " + blocked, pcap))
        {
            records = scan(lab, names, List.of("-b", blocklist.toString()));
            Thread.sleep(300);
            assertThat(capture.stopAndCount()[0]).as("packets to the blocklisted address").isZero();
        }
        assertThat(records.stream().filter(r -> r.address().equals(blocked)).map(HttpRecords::outcome))
            .containsOnly(HttpOutcome.BLOCKED).hasSize(2);

        final HttpAnswers answers = new HttpAnswers(population, space.first(), space.size(), SimNames.COUNT);
        final List<String> queuedNames = new ArrayList<>();
        for (final int a : redirects)
        {
            final HttpRecords r = records.stream().filter(x -> x.address().equals(Ipv4.format(a)) && !x.https())
                .findFirst().orElseThrow();
            assertThat(r.status()).as(r.toString()).isIn(301, 302, 307, 308);
            assertThat(r.location()).isEqualTo(answers.location(a));
            assertThat(r.form() == HttpDateForm.MISSING).isEqualTo(!answers.redirectHasDate(a));
            final String location = answers.location(a);
            final boolean absolute = location.startsWith("http");
            final String host = absolute ? location.replaceFirst("https?://", "").replaceFirst("/.*", "") : null;
            if (host != null && !names.contains(host) && !queuedNames.contains(host))
            {
                assertThat(r.flags() & RecordFlags.HTTP_REDIRECT_QUEUED).as("queued: " + r).isNotZero();
                queuedNames.add(host);
            }
            if (!absolute)
            {
                assertThat(r.flags() & RecordFlags.HTTP_REDIRECT_QUEUED).as("relative: same host").isZero();
            }
        }
        assertThat(queuedNames).as("the redirects point elsewhere").isNotEmpty();
        for (final String host : queuedNames)
        {
            final List<HttpRecords> probed = records.stream().filter(r -> r.name().equals(host)).toList();
            assertThat(probed).as("the queued name %s was probed, at depth 1", host).isNotEmpty()
                .allSatisfy(r -> assertThat(r.redirectDepth()).isEqualTo(1));
            assertThat(probed.stream().filter(r -> !r.https()).map(HttpRecords::address).distinct().count())
                .as("once per address").isEqualTo(probed.stream().filter(r -> !r.https()).count());
        }

        final HttpRecords cache = records.stream().filter(r -> r.address().equals(Ipv4.format(cached)) &&
            !r.https()).findFirst().orElseThrow();
        assertThat(cache.flags() & RecordFlags.HTTP_CACHED).isNotZero();
        assertThat(cache.ageSeconds()).isNotNegative();
        final HttpRecords missing = records.stream().filter(r -> r.address().equals(Ipv4.format(noDate)) &&
            !r.https()).findFirst().orElseThrow();
        assertThat(missing.outcome()).isEqualTo(HttpOutcome.RESPONSE);
        assertThat(missing.form()).isEqualTo(HttpDateForm.MISSING);
        assertThat(missing.status()).isEqualTo(200);

        final HttpRecords dns = records.stream().filter(r -> r.name().equals("nothere.lab.test")).findFirst()
            .orElseThrow();
        assertThat(dns.outcome()).isEqualTo(HttpOutcome.DNS_FAILURE);
        assertThat(dns.detail()).contains("NXDOMAIN");

        final int tlsBase = HttpResponseFlyweight.TLS_CERTIFICATE | HttpResponseFlyweight.TLS_SELF_SIGNED;
        for (final HttpRecords r : records.stream().filter(r -> r.https() &&
            r.outcome() == HttpOutcome.RESPONSE).toList())
        {
            assertThat(r.tlsFlags() & (tlsBase | HttpResponseFlyweight.TLS_TRUSTED)).as(r.toString())
                .isEqualTo(tlsBase);
            // The lab's certificate is for *.lab.test: it names www.lab.test, not s3.sim.lab.test or an address.
            assertThat((r.tlsFlags() & HttpResponseFlyweight.TLS_NAME_MATCH) != 0).as(r.toString())
                .isEqualTo(r.name().equals("www.lab.test"));
        }
        assertThat(records.stream().filter(r -> r.name().equals(SimNames.name(3)) && r.https()).count())
            .as("every address of a round-robin name, on https too")
            .isEqualTo(SimNames.addresses(lab.manifest().simulation().spec(), 3).size());
    }

    private List<HttpRecords> scan(final Lab lab, final List<String> names, final List<String> extra)
        throws Exception
    {
        final Path file = Files.writeString(dir.resolve("names-" + System.nanoTime() + ".txt"),
            names.stream().collect(Collectors.joining("\n", "", "\n")));
        final Path journal = dir.resolve("journal-" + System.nanoTime());
        final List<String> args = new ArrayList<>(List.of("-M", "http", "--names", file.toString(), "--dns-server",
            lab.manifest().dnsServer(), "--no-default-blocklist", "--journal", journal.toString(), "-q",
            "--response-timeout-ms", "4000"));
        args.addAll(extra);
        try (LabProcess scan = LabProcess.scan(lab, args, 180_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
        }
        return HttpRecords.read(journal);
    }

    private static HttpRecords only(final List<HttpRecords> records, final String address)
    {
        final List<HttpRecords> mine = records.stream().filter(r -> r.address().equals(address)).toList();
        assertThat(mine).as("final record of %s in %s", address, records).hasSize(1);
        return mine.get(0);
    }

    private static boolean steady(final int address)
    {
        final ClockTruth t = population.truth(address);
        return !t.changes() && (t.clockClass() == ClockClass.SYNCED || t.clockClass() == ClockClass.OFFSET);
    }

    private static List<Integer> find(final int n, final IntPredicate wanted)
    {
        final List<Integer> out = new ArrayList<>();
        for (long i = 1; i < space.size() && out.size() < n; i++)
        {
            final int a = space.first() + (int)i;
            if (wanted.test(a))
            {
                out.add(a);
            }
        }
        assertThat(out).hasSize(n);
        return out;
    }
}
