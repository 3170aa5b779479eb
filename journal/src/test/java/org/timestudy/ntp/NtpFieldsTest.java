package org.timestudy.ntp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NtpFieldsTest
{
    @Test
    void shouldSplitAndJoinTheFirstByte()
    {
        final int b = NtpFields.firstByte(3, 4, 4);
        assertThat(b).isEqualTo(0xE4);
        assertThat(NtpFields.leap(b)).isEqualTo(3);
        assertThat(NtpFields.version(b)).isEqualTo(4);
        assertThat(NtpFields.mode(b)).isEqualTo(4);
        assertThat(NtpFields.firstByte(0, 4, 3)).isEqualTo(0x23);
    }

    @Test
    void shouldDecodeRefidByStratum()
    {
        assertThat(NtpFields.refid(1, NtpFields.ascii("GPS"))).isEqualTo("GPS");
        assertThat(NtpFields.refid(0, NtpFields.ascii("RATE"))).isEqualTo("RATE");
        assertThat(NtpFields.refid(2, 0xC0A80001)).isEqualTo("192.168.0.1");
        assertThat(NtpFields.refidText(0x4C4F434C)).isEqualTo("LOCL");
        assertThat(NtpFields.refidText(0x01020300)).isEqualTo("???");
    }

    @Test
    void shouldSayWhenUnsynchronised()
    {
        assertThat(NtpFields.unsynchronised(3, 2)).isTrue();
        assertThat(NtpFields.unsynchronised(0, 16)).isTrue();
        assertThat(NtpFields.unsynchronised(0, 2)).isFalse();
    }
}
