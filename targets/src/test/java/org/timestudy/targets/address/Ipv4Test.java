package org.timestudy.targets.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ipv4Test
{
    @Test
    void shouldParseAndFormatInNetworkOrder()
    {
        assertThat(Ipv4.parse("1.2.3.4")).isEqualTo(0x01020304);
        assertThat(Ipv4.format(0x01020304)).isEqualTo("1.2.3.4");
        assertThat(Ipv4.parse("0.0.0.0")).isZero();
        assertThat(Ipv4.parse("255.255.255.255")).isEqualTo(-1);
        assertThat(Ipv4.format(-1)).isEqualTo("255.255.255.255");
        assertThat(Ipv4.format(Ipv4.parse("198.18.0.1"))).isEqualTo("198.18.0.1");
    }

    @Test
    void shouldCompareAsUnsignedWhenTopBitIsSet()
    {
        assertThat(Ipv4.compare(Ipv4.parse("200.0.0.0"), Ipv4.parse("100.0.0.0"))).isPositive();
        assertThat(Ipv4.toLong(Ipv4.parse("255.255.255.255"))).isEqualTo(4_294_967_295L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", "1.2.3.", ".1.2.3",
        "a.b.c.d", "1.2.3.4 ", "1.2.3.-4", "1234.1.1.1", "::1"})
    void shouldRejectTextThatIsNotADottedQuad(final String text)
    {
        assertThat(Ipv4.isAddress(text)).isFalse();
        assertThatThrownBy(() -> Ipv4.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not an IPv4 address");
    }

    @Test
    void shouldRoundTripBytes()
    {
        final int a = Ipv4.parse("203.0.113.200");
        assertThat(Ipv4.fromBytes(Ipv4.toBytes(a))).isEqualTo(a);
        assertThat(Ipv4.toBytes(a)).containsExactly((byte)203, (byte)0, (byte)113, (byte)200);
    }

    @Test
    void shouldGiveNetmasks()
    {
        assertThat(Ipv4.netmask(0)).isZero();
        assertThat(Ipv4.netmask(24)).isEqualTo(0xFFFFFF00);
        assertThat(Ipv4.netmask(32)).isEqualTo(-1);
        assertThatThrownBy(() -> Ipv4.netmask(33)).isInstanceOf(IllegalArgumentException.class);
    }
}
