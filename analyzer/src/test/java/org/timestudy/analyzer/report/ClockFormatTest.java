package org.timestudy.analyzer.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockFormatTest
{
    @Test
    void shouldWriteOffsetsBelowAMinuteToTheMicrosecond()
    {
        assertThat(ClockFormat.offset(0.000412)).isEqualTo("+0.000412 s");
        assertThat(ClockFormat.offset(-37.0000121)).isEqualTo("-37.000012 s");
        assertThat(ClockFormat.offset(0)).isEqualTo("+0.000000 s");
        assertThat(ClockFormat.offset(59.999999)).isEqualTo("+59.999999 s");
    }

    @Test
    void shouldWriteOffsetsOfAMinuteOrMoreAsAClockReadingWithDays()
    {
        assertThat(ClockFormat.offset(-(21 * 3600 + 57 * 60 + 13))).isEqualTo("-21:57:13");
        assertThat(ClockFormat.offset(3 * 86_400 + 4 * 3600)).isEqualTo("+3d 04:00:00");
        assertThat(ClockFormat.offset(-332_606_619.980238)).isEqualTo("-3849d 14:43:40");
        assertThat(ClockFormat.offset(59.9999996)).as("rounds up to a minute").isEqualTo("+00:01:00");
        assertThat(ClockFormat.offset(-3600)).isEqualTo("-01:00:00");
        assertThat(ClockFormat.offsetNs(-(1L << 31) * 1_000_000_000L)).as("68 years: NTP's era")
            .isEqualTo("-24855d 03:14:08");
        assertThat(ClockFormat.offsetNs(Long.MIN_VALUE)).isEqualTo("-106751d 23:47:17");
    }

    @Test
    void shouldWriteADashForNothing()
    {
        assertThat(ClockFormat.offset(Double.NaN)).isEqualTo("-");
        assertThat(ClockFormat.offset(Double.POSITIVE_INFINITY)).isEqualTo("-");
        assertThat(ClockFormat.scaled(Double.NaN)).isEqualTo("-");
        assertThat(ClockFormat.ratePpm(Double.NEGATIVE_INFINITY)).isEqualTo("-");
        assertThat(ClockFormat.span(-1)).isEqualTo("-");
        assertThat(ClockFormat.tick(0)).isEqualTo("-");
        assertThat(ClockFormat.dateTime(Long.MIN_VALUE)).isEqualTo("-");
    }

    @Test
    void shouldScaleDurationsToTheirLargestUnit()
    {
        assertThat(ClockFormat.scaled(845.7e-6)).isEqualTo("845.7 us");
        assertThat(ClockFormat.scaled(-0.0123)).isEqualTo("-12.3 ms");
        assertThat(ClockFormat.scaled(3)).isEqualTo("3.000 s");
        assertThat(ClockFormat.scaled(9000)).isEqualTo("2.50 h");
        assertThat(ClockFormat.scaled(41.2 * 86_400)).isEqualTo("41.2 d");
        assertThat(ClockFormat.scaledNs(20_030_000)).isEqualTo("20.0 ms");
    }

    @Test
    void shouldWriteSpansRatesAndTicks()
    {
        assertThat(ClockFormat.span(45.2)).isEqualTo("45 s");
        assertThat(ClockFormat.span(86)).isEqualTo("1 min 26 s");
        assertThat(ClockFormat.span(2 * 3600 + 5 * 60)).isEqualTo("2 h 05 min");
        assertThat(ClockFormat.span(3 * 86_400 + 4 * 3600)).isEqualTo("3 d 04 h");
        assertThat(ClockFormat.ratePpm(0.0123)).isEqualTo("+0.012 ppm");
        assertThat(ClockFormat.ratePpm(-1e6)).isEqualTo("-1000000.0 ppm");
        assertThat(ClockFormat.tick(1e-6)).isEqualTo("1 us");
        assertThat(ClockFormat.tick(1e-4)).isEqualTo("100 us");
        assertThat(ClockFormat.tick(0.1)).isEqualTo("100 ms");
        assertThat(ClockFormat.tick(1)).isEqualTo("1 s");
        assertThat(ClockFormat.tick(1000)).isEqualTo("1000 s");
        assertThat(ClockFormat.tick(1e4)).isEqualTo("1e4 s");
        assertThat(ClockFormat.tick(2.5e5)).isEqualTo("2.5e5 s");
    }

    @Test
    void shouldWriteTimesInUtcLeavingOutTheSecondDateOfOneDay()
    {
        final long t = 1_795_780_800_000_000_000L;
        assertThat(ClockFormat.dateTime(t)).isEqualTo("2026-11-27 12:00:00");
        assertThat(ClockFormat.interval(t, t + 86_000_000_000L)).isEqualTo("2026-11-27 12:00:00 to 12:01:26 UTC");
        assertThat(ClockFormat.interval(t, t + 86_400_000_000_000L))
            .isEqualTo("2026-11-27 12:00:00 to 2026-11-28 12:00:00 UTC");
    }
}
