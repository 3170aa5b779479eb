package org.timestudy.targets.names;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetInputException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class NtpServerListPageTest
{
    /** The saved pages in the project's shared data (beside the repository, as in CI). */
    public static Path fixture(final String name)
    {
        final Path repo = Path.of(System.getProperty("timestudy.repo", "."));
        for (final Path p : List.of(repo.resolve("../shared/data/ntp-server-lists"),
            Path.of("/work/shared/data/ntp-server-lists")))
        {
            if (Files.isRegularFile(p.resolve(name)))
            {
                return p.resolve(name);
            }
        }
        throw new AssertionError("fixture " + name + " not found beside the repository in shared/data");
    }

    @Test
    void shouldParseEveryRowOfTheStratumOnePage()
    {
        final List<NtpServerListing> rows = NtpServerListPage.read(fixture("StratumOneTimeServers.html"));
        assertThat(rows).hasSize(324).allMatch(r -> r.stratum() == 1);
        final NtpServerListing first = rows.get(0);
        assertThat(first.country()).isEqualTo("254");
        assertThat(first.location()).isEqualTo("nairobi");
        assertThat(first.sponsor()).isEmpty();
        assertThat(first.serviceArea()).isEqualTo("nairobi");
        assertThat(first.accessPolicy()).isEqualTo(AccessPolicy.OPEN);
        assertThat(first.notifyOwner()).isTrue();
        assertThat(first.lastModified()).isEqualTo(Instant.parse("2014-09-08T11:22:30Z"));
        assertThat(first.page()).isEqualTo(
            URI.create("http://support.ntp.org/bin/view/Servers/PublicTimeServer001123"));
        assertThat(counts(rows)).isEqualTo(Map.of(AccessPolicy.OPEN, 249L, AccessPolicy.RESTRICTED, 58L,
            AccessPolicy.CLOSED, 17L));
        assertThat(rows.stream().filter(NtpServerListing::notifyOwner).count()).isEqualTo(158);
        final NtpServerListing dublin = byPage(rows, "PublicTimeServer001152");
        assertThat(dublin.sponsor()).isEqualTo("Doran, Hahn & Co.");
        assertThat(dublin.serviceArea()).isEqualTo("Ireland, UK");
    }

    @Test
    void shouldParseEveryRowOfTheStratumTwoPageDecodingLatin1AndEntities()
    {
        final List<NtpServerListing> rows = NtpServerListPage.read(fixture("StratumTwoTimeServers.html"));
        assertThat(rows).hasSize(686).allMatch(r -> r.stratum() == 2);
        assertThat(counts(rows)).isEqualTo(Map.of(AccessPolicy.OPEN, 629L, AccessPolicy.RESTRICTED, 49L,
            AccessPolicy.CLOSED, 8L));
        assertThat(byPage(rows, "PublicTimeServer001006").sponsor())
            .isEqualTo("Ponto de Presen\u00e7a da RNP no Cear\u00e1 - PoP -CE");
        assertThat(byPage(rows, "PublicTimeServer001237").sponsor())
            .isEqualTo("Dalian Neusoft University of Information (\u5927\u8fde\u4e1c\u8f6f\u4fe1\u606f\u5b66\u9662)");
        assertThat(byPage(rows, "PublicTimeServer000684").serviceArea()).isEqualTo("RTT < 50ms");
        assertThat(rows).allMatch(r -> r.page().toString().startsWith("http://support.ntp.org/bin/view/Servers/"));
        assertThat(rows).allMatch(r -> !r.location().contains("<") && !r.sponsor().contains("<a"));
    }

    @Test
    void shouldNameTheLineOfARowThatDoesNotParse()
    {
        final String page = String.join("\n",
            "<html><head><title> StratumTwoTimeServers &lt; Servers &lt; NTP</title>",
            "<base href=\"http://support.ntp.org/bin/view/Servers/StratumTwoTimeServers\"></base></head><body>",
            "<table id=\"table1\">",
            "<tr><th>ISO:</th><th>Location:</th><th>Host / Sponsor:</th><th>Service Area:</th>" +
                "<th>Access Policy:</th><th>Notify?</th><th>LastModified:</th></tr>",
            "<tr><td><a href=\"/bin/view/Servers/PublicTimeServer000001\">DE</a></td><td>Berlin</td><td>x</td>" +
                "<td>Europe</td><td>OpenAccess</td><td>No</td><td>2015-01-01T00:00:00Z</td></tr>",
            "<tr><td><a href=\"/bin/view/Servers/PublicTimeServer000002\">DE</a></td><td>Bonn</td><td>y</td>" +
                "<td>Europe</td><td>SometimesAccess</td><td>No</td><td>2015-01-01T00:00:00Z</td></tr>",
            "<tr><td><a href=\"/bin/view/Servers/PublicTimeServer000003\">DE</a></td><td>Ulm</td><td>z</td>" +
                "<td>Europe</td><td>OpenAccess</td><td>No</td><td>yesterday</td></tr>",
            "</table></body></html>");
        assertThatThrownBy(() -> NtpServerListPage.parse(page, "page.html"))
            .isInstanceOf(TargetInputException.class)
            .hasMessageContaining("page.html:6: unknown access policy: 'SometimesAccess'")
            .hasMessageContaining("page.html:7: ");
        assertThat(NtpServerListPage.parse(page.replace("SometimesAccess", "ClosedAccess")
            .replace("yesterday", "2016-02-03T04:05:06Z"), "page.html"))
            .extracting(NtpServerListing::location).containsExactly("Berlin", "Bonn", "Ulm");
    }

    @Test
    void shouldRefuseAPageWithoutTheServerTable()
    {
        assertThatThrownBy(() -> NtpServerListPage.parse("<title>StratumOneTimeServers</title><table><tr><td>x" +
            "</td></tr></table>", "other.html")).hasMessageContaining("other.html: no server table");
        assertThatThrownBy(() -> NtpServerListPage.parse("<title>Weather</title>", "w.html"))
            .hasMessageContaining("not a StratumOne/StratumTwo server list page");
    }

    private static Map<AccessPolicy, Long> counts(final List<NtpServerListing> rows)
    {
        return rows.stream().collect(Collectors.groupingBy(NtpServerListing::accessPolicy, Collectors.counting()));
    }

    private static NtpServerListing byPage(final List<NtpServerListing> rows, final String page)
    {
        final Map<String, NtpServerListing> byPage = rows.stream().collect(Collectors.toMap(
            r -> r.page().getPath().substring(r.page().getPath().lastIndexOf('/') + 1), Function.identity(),
            (a, b) -> a));
        return byPage.get(page);
    }
}
