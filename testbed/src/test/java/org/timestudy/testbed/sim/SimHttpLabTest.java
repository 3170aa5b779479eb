package org.timestudy.testbed.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpDateForm;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.ClockTruth;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Exec;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabClients;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated Internet's HTTP side, read from the scanner side with curl and a raw socket client, checked against
 * the ground truth ({@code lab truth}: the population): a sample of addresses of every HTTP behaviour and Date form,
 * plain and TLS, the sim names in DNS, and the real-server addresses that run no web server.
 */
@LabTest(simulation = true, simulationSeed = 7)
class SimHttpLabTest
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads whatever a server sends for a while, from the scanner side: {bytes, head, elapsed_s, error}. */
    private static final String RAW_CLIENT = String.join("\n",
        "import socket, sys, time, json",
        "a, port, wait = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])",
        "s = socket.create_connection((a, port), timeout=3)",
        "s.sendall(b'HEAD /raw HTTP/1.1\\r\\nHost: ' + a.encode() + b'\\r\\nConnection: close\\r\\n\\r\\n')",
        "s.settimeout(0.2); t0 = time.time(); data = b''; err = ''",
        "while time.time() - t0 < wait:",
        "    try:",
        "        b = s.recv(65536)",
        "        if not b: break",
        "        data += b",
        "    except socket.timeout: pass",
        "    except Exception as e: err = str(e); break",
        "print(json.dumps({'bytes': len(data), 'head': data[:400].decode('latin-1'), "
            + "'elapsed_s': time.time() - t0, 'error': err}))");

    private static Population population;
    private static AddressRange space;
    private static HttpAnswers answers;

    @BeforeAll
    static void truth(final Lab lab)
    {
        population = lab.manifest().simulation().spec().population();
        space = AddressRange.parse(lab.manifest().simulation().spec().space());
        answers = new HttpAnswers(population, space.first(), space.size(), SimNames.COUNT);
    }

    @Test
    void shouldGiveEachNormalServerItsClocksDateInItsForm(final Lab lab)
    {
        final HttpDate parser = new HttpDate();
        for (final DateForm form : DateForm.values())
        {
            for (final int address : find(3, a -> population.httpResponse(a) == Response.NORMAL &&
                population.dateForm(a) == form && steady(a)))
            {
                final long t1 = now();
                final Exec.Result r = lab.inScanner("curl", "-skI", "--max-time", "5",
                    "http://" + Ipv4.format(address) + "/x");
                final long t4 = now();
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                final String date = header(r.stdout(), "Date");
                assertThat(date).as("Date of %s (%s)", Ipv4.format(address), form).isNotNull();
                final boolean valid = parser.parse(date, t4 / SECOND_NS);
                if (form == DateForm.INVALID)
                {
                    assertThat(valid).as("'%s' is invalid", date).isFalse();
                    continue;
                }
                assertThat(valid).as("'%s'", date).isTrue();
                assertThat(parser.form()).isEqualTo(HttpDateForm.valueOf(form.name()));
                final long low = Math.floorDiv(population.remoteTimeNs(address, t1, 0) - 2_000_000, SECOND_NS);
                final long high = Math.floorDiv(population.remoteTimeNs(address, t4, 0) + 2_000_000, SECOND_NS);
                assertThat(parser.epochSecond()).as("Date of %s: %s", Ipv4.format(address),
                    population.truth(address).toJson()).isBetween(low, high);
                assertThat(header(r.stdout(), "Server")).isEqualTo(answers.server(address));
                assertThat(header(r.stdout(), "Content-Length")).isNotNull();
            }
        }
    }

    @Test
    void shouldAnswerTlsWithTheSameClock(final Lab lab)
    {
        final LabClients clients = new LabClients(lab);
        for (final int address : find(3, a -> population.httpResponse(a) == Response.NORMAL &&
            population.dateForm(a) == DateForm.IMF_FIXDATE && steady(a)))
        {
            final LabClients.HttpReading r = clients.curlDate(Ipv4.format(address), true);
            final long low = Math.floorDiv(population.remoteTimeNs(address, r.t1EpochNs(), 0) - 2_000_000,
                SECOND_NS);
            final long high = Math.floorDiv(population.remoteTimeNs(address, r.t4EpochNs(), 0) + 2_000_000,
                SECOND_NS);
            assertThat(r.dateEpochSeconds()).isBetween(low, high);
        }
    }

    @Test
    void shouldServeNoDateCachedAndRedirectAsTheTruthSays(final Lab lab)
    {
        for (final int address : find(3, a -> population.httpResponse(a) == Response.NO_DATE))
        {
            final Exec.Result r = lab.inScanner("curl", "-sI", "--max-time", "5", "http://" + Ipv4.format(address));
            assertThat(r.stdout()).startsWith("HTTP/1.1 200");
            assertThat(header(r.stdout(), "Date")).isNull();
        }
        final HttpDate parser = new HttpDate();
        for (final int address : find(3, a -> population.httpResponse(a) == Response.CACHED &&
            population.dateForm(a) == DateForm.IMF_FIXDATE && steady(a)))
        {
            final long t = now();
            final Exec.Result r = lab.inScanner("curl", "-sI", "--max-time", "5", "http://" + Ipv4.format(address));
            final long age = Long.parseLong(header(r.stdout(), "Age"));
            assertThat(age * SECOND_NS).isCloseTo(population.cacheAgeNs(address, t),
                org.assertj.core.api.Assertions.within(2 * SECOND_NS));
            assertThat(header(r.stdout(), "X-Cache")).isEqualTo("HIT");
            assertThat(parser.parse(header(r.stdout(), "Date"), t / SECOND_NS)).isTrue();
            final long stale = Math.floorDiv(population.remoteTimeNs(address, t - age * SECOND_NS, 0), SECOND_NS);
            assertThat(parser.epochSecond()).as("a stale Date, about Age seconds old").isBetween(stale - 2, stale + 2);
        }
        for (final int address : find(4, a -> population.httpResponse(a) == Response.REDIRECT))
        {
            final Exec.Result r = lab.inScanner("curl", "-sI", "--max-time", "5", "http://" + Ipv4.format(address));
            assertThat(r.stdout()).matches("(?s)HTTP/1.1 30[1278] .*");
            assertThat(header(r.stdout(), "Location")).isEqualTo(answers.location(address));
            assertThat(header(r.stdout(), "Date") != null).isEqualTo(answers.redirectHasDate(address));
        }
    }

    @Test
    void shouldBeSilentResetSlowAndHostileAsTheTruthSays(final Lab lab) throws Exception
    {
        for (final int address : find(2, a -> population.httpResponse(a) == Response.SILENT))
        {
            final JsonNode r = raw(lab, address, 1.5);
            assertThat(r.get("bytes").asInt()).as("silent %s", Ipv4.format(address)).isZero();
            assertThat(r.get("error").asText()).isEmpty();
        }
        for (final int address : find(2, a -> population.httpResponse(a) == Response.UNREACHABLE))
        {
            final Exec.Result r = lab.inScanner("curl", "-sSI", "--max-time", "3", "http://" + Ipv4.format(address));
            // Accepted, then reset: curl says 56 (recv failure) or 52 (empty reply), or 7 when the reset arrived
            // before it checked its connect (then it says "reset", never "refused": that would be a missing listener).
            assertThat(r.exitCode()).as("reset by %s: %s", Ipv4.format(address), r.stderr()).isIn(7, 52, 56);
            assertThat(r.stderr()).as("reset by %s", Ipv4.format(address)).doesNotContainIgnoringCase("refused");
        }
        for (final int address : find(2, a -> population.httpResponse(a) == Response.SLOW &&
            population.slowDelayNs(a) < 2 * SECOND_NS))
        {
            final JsonNode r = raw(lab, address, 3);
            assertThat(r.get("head").asText()).startsWith("HTTP/1.1");
            assertThat(r.get("elapsed_s").asDouble()).as("slow %s", Ipv4.format(address))
                .isGreaterThanOrEqualTo(population.slowDelayNs(address) / 1e9 - 0.05);
        }
        for (final int kind : new int[] {HttpAnswers.SLOW_LORIS, HttpAnswers.OVERSIZED_DATE_FIRST,
            HttpAnswers.OVERSIZED_DATE_LAST, HttpAnswers.GARBAGE})
        {
            for (final int address : find(1, a -> answers.hostility(a) == kind))
            {
                final JsonNode r = raw(lab, address, 2);
                final int bytes = r.get("bytes").asInt();
                final String head = r.get("head").asText();
                switch (kind)
                {
                    case HttpAnswers.SLOW_LORIS -> assertThat(bytes).as("a byte each 200 ms").isBetween(3, 15);
                    case HttpAnswers.OVERSIZED_DATE_FIRST ->
                    {
                        assertThat(bytes).isGreaterThan(HttpAnswers.OVERSIZED_BYTES);
                        assertThat(head).contains("\r\nDate: ");
                    }
                    case HttpAnswers.OVERSIZED_DATE_LAST ->
                    {
                        assertThat(bytes).isGreaterThan(HttpAnswers.OVERSIZED_BYTES);
                        assertThat(head).doesNotContain("\r\nDate: ");
                    }
                    default -> assertThat(head).startsWith("SSH-2.0");
                }
            }
        }
    }

    @Test
    void shouldServeSimNamesAndRefuseRealAddressesWithoutAWebServer(final Lab lab)
    {
        final LabClients clients = new LabClients(lab);
        for (int i = 0; i < SimNames.COUNT; i += 5)
        {
            final List<String> expected = SimNames.addresses(lab.manifest().simulation().spec(), i).stream()
                .map(Ipv4::format).toList();
            assertThat(clients.dig(SimNames.name(i), "A")).containsExactlyInAnyOrderElementsOf(expected);
        }
        final Exec.Result refused = lab.inScanner("curl", "-sI", "--max-time", "3", "http://198.19.0.11/");
        assertThat(refused.exitCode()).as("chrony's address refuses HTTP: %s", refused.stderr()).isEqualTo(7);
        assertThat(lab.inScanner("curl", "-sI", "--max-time", "3", "http://198.19.0.30/").stdout())
            .as("nginx still answers for its own address").contains("nginx");
    }

    private static JsonNode raw(final Lab lab, final int address, final double waitS) throws Exception
    {
        final Exec.Result r = lab.inScanner("python3", "-c", RAW_CLIENT, Ipv4.format(address), "80",
            Double.toString(waitS));
        return JSON.readTree(r.stdout().trim());
    }

    /** Addresses whose clock is a steady one (synced or a constant offset, one clock, no change). */
    private static boolean steady(final int address)
    {
        final ClockTruth t = population.truth(address);
        return !t.changes() && (t.clockClass() == org.timestudy.analyzer.classify.ClockClass.SYNCED ||
            t.clockClass() == org.timestudy.analyzer.classify.ClockClass.OFFSET);
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
        assertThat(out).as("addresses of the kind in the population").hasSize(n);
        return out;
    }

    private static String header(final String response, final String name)
    {
        return response.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
            .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }

    private static long now()
    {
        final java.time.Instant n = java.time.Instant.now();
        return n.getEpochSecond() * SECOND_NS + n.getNano();
    }
}
