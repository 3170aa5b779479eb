package org.timestudy.testbed.lab;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FakeClockTest
{
    private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void shouldWriteFaketimeValuesLibfaketimeAccepts()
    {
        assertThat(FakeClock.offset(37).faketime()).isEqualTo("+37");
        assertThat(FakeClock.offset(-3 * 3600).faketime()).isEqualTo("-10800");
        assertThat(FakeClock.offset(0.5).faketime()).isEqualTo("+0.5");
        assertThat(FakeClock.offset(-0.25).faketime()).isEqualTo("-0.25");
        assertThat(FakeClock.rate(10, 1.001).faketime()).isEqualTo("+10 x1.001");
        assertThat(FakeClock.frozen(Instant.parse("2016-05-14T01:38:26Z")).faketime())
            .isEqualTo("2016-05-14 01:38:26");
        assertThat(FakeClock.nearFrozen(Instant.parse("2016-05-14T01:38:26Z")).faketime())
            .isEqualTo("@2016-05-14 01:38:26 x0.000001");
        assertThat(FakeClock.real().faketime()).isNull();
    }

    @Test
    void shouldReadNtpdigsUnpaddedMicroseconds()
    {
        final double base = Instant.parse("2016-05-14T01:38:26Z").getEpochSecond();
        assertThat(LabClients.ntpdigTime("2016-05-14T01:38:26.3+0000")).isCloseTo(base + 3e-6, within(1e-9));
        assertThat(LabClients.ntpdigTime("2016-05-14T01:38:26.719923+0000")).isCloseTo(base + 0.719923,
            within(1e-9));
        assertThat(LabClients.ntpdigTime("2016-05-14T01:38:26+0000")).isEqualTo(base);
    }

    @Test
    void shouldGiveTheTruthOfEachModel()
    {
        final long later = T0 + 100_000_000_000L;
        assertThat(FakeClock.offset(-0.25).offsetSecondsAt(later, T0)).isCloseTo(-0.25, within(1e-9));
        assertThat(FakeClock.rate(10, 1.001).offsetSecondsAt(later, T0)).isCloseTo(10.1, within(1e-6));
        final FakeClock frozen = FakeClock.frozen(Instant.parse("2016-05-14T01:38:26Z"));
        assertThat(frozen.remoteEpochSeconds(later, T0)).isEqualTo(frozen.remoteEpochSeconds(T0, T0));
        assertThat(FakeClock.nearFrozen(Instant.parse("2016-05-14T01:38:26Z")).remoteEpochSeconds(later, T0))
            .isCloseTo(Instant.parse("2016-05-14T01:38:26Z").getEpochSecond() + 100e-6, within(1e-6));
        assertThat(FakeClock.real().offsetSecondsAt(later, T0)).isZero();
    }
}
