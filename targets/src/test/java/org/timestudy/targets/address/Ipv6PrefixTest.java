package org.timestudy.targets.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv6PrefixTest
{
    @ParameterizedTest
    @CsvSource({
        "2001:db8::1, 2001:db8::1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "fe80::/10, fe80::/10",
        "2001:db8::/32, 2001:db8::/32",
        "::ffff:192.0.2.1, ::ffff:c000:201",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1::1, 2001:0:0:1::1",
        "1::, 1::",
        "2001:db8::ff/120, 2001:db8::/120"})
    void shouldParseAndPrintRfc5952Text(final String text, final String printed)
    {
        assertThat(Ipv6Prefix.parse(text).toString()).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "::/129",
        "1.2.3.4::", "1:2:3:4:5:6:7", "fe80::1%eth0", "::/"})
    void shouldRejectMalformedIpv6(final String text)
    {
        assertThatThrownBy(() -> Ipv6Prefix.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldContainAddressesInsideThePrefixOnly()
    {
        final Ipv6Prefix doc = Ipv6Prefix.parse("2001:db8::/32");
        final Ipv6Prefix inside = Ipv6Prefix.parse("2001:db8:ffff::7");
        final Ipv6Prefix outside = Ipv6Prefix.parse("2001:db9::1");
        assertThat(doc.contains(inside.high(), inside.low())).isTrue();
        assertThat(doc.contains(outside.high(), outside.low())).isFalse();
        assertThat(Ipv6Prefix.parse("::/0").contains(outside.high(), outside.low())).isTrue();
        final Ipv6Prefix low = Ipv6Prefix.parse("::1:0/112");
        assertThat(low.contains(0, 0x1_ABCDL)).isTrue();
        assertThat(low.contains(0, 0x2_0000L)).isFalse();
    }
}
