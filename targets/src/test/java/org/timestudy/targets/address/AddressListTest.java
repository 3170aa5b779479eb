package org.timestudy.targets.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.TargetInputException;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressListTest
{
    @Test
    void shouldSkipCommentsAndBlankLinesAndKeepIpv6Apart()
    {
        final AddressList list = AddressList.parse(new StringReader(String.join("\n",
            "# a comment",
            "",
            "192.0.2.0/24   # documentation",
            "  198.51.100.1-198.51.100.10",
            "2001:db8::/32",
            "203.0.113.9",
            "::1")), "list.txt");
        assertThat(list.ipv4().size()).isEqualTo(256 + 10 + 1);
        assertThat(list.ipv6()).extracting(Object::toString).containsExactly("2001:db8::/32", "::1");
        assertThat(list.containsAddress("2001:db8::99")).isTrue();
        assertThat(list.containsAddress("2001:db9::99")).isFalse();
        assertThat(list.containsAddress("198.51.100.10")).isTrue();
    }

    @Test
    void shouldNameFileAndLineOfEveryMalformedEntry()
    {
        assertThatThrownBy(() -> AddressList.parse(new StringReader(String.join("\n",
            "192.0.2.0/24",
            "192.0.2.300",
            "# fine",
            "10.0.0.0/8 10.1.0.0/16",
            "2001:db8:::1")), "blocklist.conf"))
            .isInstanceOf(TargetInputException.class)
            .hasMessageContaining("blocklist.conf:2: not an IPv4 address, CIDR or range: '192.0.2.300'")
            .hasMessageContaining("blocklist.conf:4: one entry per line")
            .hasMessageContaining("blocklist.conf:5: not an IPv6 address or prefix");
    }

    @Test
    void shouldCapReportedErrorsAndCountTheRest()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < 25; i++)
        {
            text.append("bad").append(i).append('\n');
        }
        assertThatThrownBy(() -> AddressList.parse(new StringReader(text.toString()), "f"))
            .hasMessageContaining("f:10: ")
            .hasMessageNotContaining("f:11: ")
            .hasMessageContaining("and 15 more bad lines in f");
    }

    @Test
    void shouldMergeOverlappingEntriesOfAFile()
    {
        final AddressList list = AddressList.parse(new StringReader(
            "10.0.0.0/16\n10.0.128.0/17\n10.0.255.255-10.1.0.9\n"), "f");
        assertThat(list.ipv4().rangeCount()).isEqualTo(1);
        assertThat(list.ipv4().size()).isEqualTo(65536 + 10);
    }

    @Test
    void shouldReadStdinForDash()
    {
        final AddressList list = AddressList.read("-",
            new ByteArrayInputStream("192.0.2.1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(list.ipv4().size()).isEqualTo(1);
    }

    @Test
    void shouldSayWhichFileIsMissing(@TempDir final Path dir)
    {
        final String missing = dir.resolve("nope.txt").toString();
        assertThatThrownBy(() -> AddressList.read(missing, System.in))
            .isInstanceOf(TargetInputException.class).hasMessageContaining(missing);
    }

    @Test
    void shouldReadAFile(@TempDir final Path dir) throws Exception
    {
        final Path f = Files.writeString(dir.resolve("t.txt"), "192.0.2.0/25\n192.0.2.128/25\n");
        assertThat(AddressList.read(f.toString(), System.in).ipv4().ranges())
            .containsExactly(AddressRange.parse("192.0.2.0/24"));
    }
}
