package org.timestudy.targets.dns;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.address.Ipv4;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolutionTableTest
{
    @Test
    void shouldParseWhatItFormatsWithCnameChainsAndFailures()
    {
        final List<String> lines = new ArrayList<>(List.of(ResolutionTable.HEADER));
        lines.addAll(ResolutionTable.format(new Resolution("cdn.lab.test", ResolutionStatus.OK, ResolutionStatus.OK,
            List.of("edge.lab.test", "www.lab.test"), List.of(
            new ResolvedAddress("198.19.0.30", 4, "www.lab.test", List.of("edge.lab.test", "www.lab.test"), 0),
            new ResolvedAddress("198.19.0.31", 4, "www.lab.test", List.of("edge.lab.test", "www.lab.test"), 0),
            new ResolvedAddress("2001:db8::30", 6, "www.lab.test", List.of("edge.lab.test", "www.lab.test"), 0)),
            ""), a -> a.startsWith("198.19.0.31")));
        lines.addAll(ResolutionTable.format(new Resolution("nope.lab.test", ResolutionStatus.NXDOMAIN,
            ResolutionStatus.NXDOMAIN, List.of(), List.of(), "no such name"), a -> false));

        final ResolutionTable t = ResolutionTable.parse(new StringReader(String.join("\n", lines)), "t.tsv");

        assertThat(t.rows()).hasSize(4);
        assertThat(t.rows().get(1)).isEqualTo(new ResolutionTable.Row("cdn.lab.test", ResolutionStatus.OK, 4,
            "198.19.0.31", "www.lab.test", List.of("edge.lab.test", "www.lab.test"), 0, false, ""));
        assertThat(t.rows().get(3)).isEqualTo(new ResolutionTable.Row("nope.lab.test", ResolutionStatus.NXDOMAIN, 0,
            null, null, List.of(), -1, false, "no such name"));
        assertThat(t.ipv4ByName()).containsOnlyKeys("cdn.lab.test");
        assertThat(t.ipv4ByName().get("cdn.lab.test"))
            .containsExactly(Ipv4.parse("198.19.0.30"), Ipv4.parse("198.19.0.31"));
        assertThat(t.cnames("cdn.lab.test")).containsExactly("edge.lab.test", "www.lab.test");
    }

    @Test
    void shouldNameEveryBadLine()
    {
        assertThatThrownBy(() -> ResolutionTable.parse(new StringReader(
            "# header\nwww\tOK\t4\t198.19.0.300\tw\t-\t0\tyes\t-\nwww\tOK\t4\n" +
            "www\tMAYBE\t4\t198.19.0.3\tw\t-\t0\tyes\t-\n"), "names.tsv"))
            .isInstanceOf(TargetInputException.class)
            .hasMessageContaining("names.tsv:2: not an IPv4 address: '198.19.0.300'")
            .hasMessageContaining("names.tsv:3: expected 9 tab-separated columns")
            .hasMessageContaining("names.tsv:4: unknown status 'MAYBE'");
    }
}
