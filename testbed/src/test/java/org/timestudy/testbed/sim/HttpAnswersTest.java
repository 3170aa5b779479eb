package org.timestudy.testbed.sim;

import org.junit.jupiter.api.Test;
import org.timestudy.http.HttpDate;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.PopulationMix;
import org.timestudy.testbed.clock.Response;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the simulated HTTP servers say, without a lab: each behaviour's response head as the population has it.
 */
class HttpAnswersTest
{
    private static final long NOW = 1_795_000_000L * 1_000_000_000L;
    private final AddressRange space = AddressRange.parse("198.18.0.0/16");
    private final Population population = Population.of(3, new PopulationMix().epochNs(NOW - 3_600_000_000_000L));
    private final HttpAnswers answers = new HttpAnswers(population, space.first(), space.size(), SimNames.COUNT);

    @Test
    void shouldAnswerEachBehaviourAsItsTruthSays()
    {
        final HttpDate date = new HttpDate();
        final int normal = find(a -> population.httpResponse(a) == Response.NORMAL &&
            population.dateForm(a) == DateForm.IMF_FIXDATE && answers.hostility(a) < 0);
        final String head = text(answers.response(normal, NOW, 1, true, true));
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nServer: " + answers.server(normal),
            "\r\nContent-Length: ", "\r\nConnection: keep-alive\r\n\r\n");
        assertThat(date.parse(header(head, "Date"), NOW / 1_000_000_000L)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(Math.floorDiv(population.remoteTimeNs(normal, NOW, 1),
            1_000_000_000L));
        assertThat(answers.response(normal, NOW, 1, false, false).length).as("GET: a body")
            .isGreaterThan(head.length() + 199);

        final int cached = find(a -> population.httpResponse(a) == Response.CACHED);
        final String c = text(answers.response(cached, NOW, 1, true, false));
        assertThat(Long.parseLong(header(c, "Age"))).isEqualTo(population.cacheAgeNs(cached, NOW) / 1_000_000_000L);
        assertThat(c).contains("\r\nX-Cache: HIT\r\n", "\r\nVia: ", "\r\nConnection: close\r\n");

        final int noDate = find(a -> population.httpResponse(a) == Response.NO_DATE);
        assertThat(header(text(answers.response(noDate, NOW, 1, true, true)), "Date")).isNull();
        assertThat(answers.date(noDate, NOW, 1)).isNull();

        final int redirect = find(a -> population.httpResponse(a) == Response.REDIRECT);
        final String r = text(answers.response(redirect, NOW, 1, true, true));
        assertThat(r).matches("(?s)HTTP/1.1 30[1278] .*");
        assertThat(header(r, "Location")).isEqualTo(answers.location(redirect));

        final int invalid = find(a -> population.dateForm(a) == DateForm.INVALID &&
            population.httpResponse(a) == Response.NORMAL);
        assertThat(date.parse(answers.date(invalid, NOW, 1), NOW / 1_000_000_000L)).isFalse();
        for (final DateForm form : new DateForm[] {DateForm.RFC_850, DateForm.ASCTIME})
        {
            final int a = find(x -> population.dateForm(x) == form && population.httpResponse(x) == Response.NORMAL);
            assertThat(date.parse(answers.date(a, NOW, 1), NOW / 1_000_000_000L)).as(form.name()).isTrue();
            assertThat(date.form().name()).isEqualTo(form.name());
        }
    }

    @Test
    void shouldBuildTheHostileResponses()
    {
        final int oversized = find(a -> answers.hostility(a) == HttpAnswers.OVERSIZED_DATE_LAST);
        final String o = text(answers.response(oversized, NOW, 1, true, true));
        assertThat(o.length()).isGreaterThan(HttpAnswers.OVERSIZED_BYTES);
        assertThat(o.indexOf("\r\nDate: ")).isGreaterThan(HttpAnswers.OVERSIZED_BYTES - 1000);
        final int first = find(a -> answers.hostility(a) == HttpAnswers.OVERSIZED_DATE_FIRST);
        assertThat(text(answers.response(first, NOW, 1, true, true)).indexOf("\r\nDate: ")).isLessThan(100);
        final int garbage = find(a -> answers.hostility(a) == HttpAnswers.GARBAGE);
        assertThat(text(answers.response(garbage, NOW, 1, true, true))).startsWith("SSH-2.0");
    }

    @Test
    void shouldNameSimulatedAddressesForDnsmasq()
    {
        final SimSpec spec = SimSpec.lab(3, "198.18.0.0/16", NOW);
        assertThat(SimNames.hostsLines(spec)).hasSizeGreaterThanOrEqualTo(SimNames.COUNT)
            .allSatisfy(l -> assertThat(l).matches("198\\.18\\.\\d+\\.\\d+ s\\d+\\.sim\\.lab\\.test"));
        assertThat(SimNames.addresses(spec, 3)).hasSizeBetween(1, 4).allSatisfy(a -> assertThat(space.contains(a))
            .isTrue());
        assertThat(SimNames.addresses(spec, 3)).isEqualTo(SimNames.addresses(spec, 3));
    }

    private int find(final IntPredicate wanted)
    {
        for (long i = 1; i < space.size(); i++)
        {
            if (wanted.test(space.first() + (int)i))
            {
                return space.first() + (int)i;
            }
        }
        throw new AssertionError("none in the population");
    }

    private static String text(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String header(final String response, final String name)
    {
        return response.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
            .findFirst().orElse(null);
    }
}
