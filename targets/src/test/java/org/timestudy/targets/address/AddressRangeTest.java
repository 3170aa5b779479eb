package org.timestudy.targets.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTest
{
    @Test
    void shouldParseSingleAddressCidrAndRange()
    {
        assertThat(AddressRange.parse("192.0.2.7")).isEqualTo(range("192.0.2.7", "192.0.2.7"));
        assertThat(AddressRange.parse("192.0.2.0/24")).isEqualTo(range("192.0.2.0", "192.0.2.255"));
        assertThat(AddressRange.parse("10.0.0.5-10.0.1.4").size()).isEqualTo(256);
        assertThat(AddressRange.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(AddressRange.parse("255.255.255.255/32").size()).isEqualTo(1);
    }

    @Test
    void shouldClearHostBitsWhenCidrHasThem()
    {
        assertThat(AddressRange.parse("192.0.2.77/24")).isEqualTo(AddressRange.parse("192.0.2.0/24"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.0/33", "192.0.2.0/", "192.0.2.0/x", "10.0.0.9-10.0.0.1", "10.0.0.1-",
        "1.2.3.4/24-1.2.3.5", "300.1.1.1", "hostname.example"})
    void shouldRejectMalformedEntries(final String text)
    {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(text);
    }

    @Test
    void shouldPrintAsPrefixWhenAligned()
    {
        assertThat(AddressRange.parse("198.18.0.0/15").toString()).isEqualTo("198.18.0.0/15");
        assertThat(AddressRange.parse("10.0.0.1-10.0.0.2").toString()).isEqualTo("10.0.0.1-10.0.0.2");
        assertThat(AddressRange.ALL.toString()).isEqualTo("0.0.0.0/0");
    }

    private static AddressRange range(final String first, final String last)
    {
        return new AddressRange(Ipv4.parse(first), Ipv4.parse(last));
    }
}
