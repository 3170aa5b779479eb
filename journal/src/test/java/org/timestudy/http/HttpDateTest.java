package org.timestudy.http;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDateTest
{
    private static final long NOW = Instant.parse("2026-11-27T12:00:00Z").getEpochSecond();
    private static final long RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z").getEpochSecond();

    private final HttpDate date = new HttpDate();

    @Test
    void shouldParseTheThreeFormsOfTheRfcExample()
    {
        assertThat(date.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isTrue();
        assertThat(date.form()).isEqualTo(HttpDateForm.IMF_FIXDATE);
        assertThat(date.epochSecond()).isEqualTo(RFC_EXAMPLE);
        assertThat(date.weekdayMismatch()).isFalse();

        assertThat(date.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isTrue();
        assertThat(date.form()).isEqualTo(HttpDateForm.RFC_850);
        assertThat(date.epochSecond()).isEqualTo(RFC_EXAMPLE);

        assertThat(date.parse("Sun Nov  6 08:49:37 1994", NOW)).isTrue();
        assertThat(date.form()).isEqualTo(HttpDateForm.ASCTIME);
        assertThat(date.epochSecond()).isEqualTo(RFC_EXAMPLE);
    }

    @Test
    void shouldParseFromABufferWithSurroundingWhitespace()
    {
        final byte[] bytes = "Date:\t Sun, 06 Nov 1994 08:49:37 GMT  \r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(date.parse(new UnsafeBuffer(bytes), 5, bytes.length - 7, NOW)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(RFC_EXAMPLE);
    }

    @Test
    void shouldReadTwoDigitYearsNoMoreThanFiftyYearsAheadOfTheReference()
    {
        assertThat(date.parse("Thursday, 01-Jan-70 00:00:00 GMT", NOW)).isTrue();
        assertThat(date.epochSecond()).as("70 seen from 2026 is 2070 (44 years ahead)").isEqualTo(
            Instant.parse("2070-01-01T00:00:00Z").getEpochSecond());
        assertThat(date.weekdayMismatch()).as("2070-01-01 is a Wednesday").isTrue();
        assertThat(date.parse("Monday, 01-Jan-80 00:00:00 GMT", NOW)).isTrue();
        assertThat(date.epochSecond()).as("80 seen from 2026 would be 54 years ahead: 1980")
            .isEqualTo(Instant.parse("1980-01-01T00:00:00Z").getEpochSecond());
        assertThat(date.weekdayMismatch()).as("1980-01-01 was a Tuesday").isTrue();
        assertThat(date.parse("Friday, 27-Nov-26 11:59:59 GMT", NOW)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(NOW - 1);
        assertThat(date.weekdayMismatch()).isFalse();
    }

    @Test
    void shouldAcceptAWrongWeekdayButSaySo()
    {
        assertThat(date.parse("Mon, 06 Nov 1994 08:49:37 GMT", NOW)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(RFC_EXAMPLE);
        assertThat(date.weekdayMismatch()).isTrue();
    }

    @Test
    void shouldReadALeapSecondAsTheNextMinute()
    {
        assertThat(date.parse("Sat, 31 Dec 2016 23:59:60 GMT", NOW)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(Instant.parse("2017-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void shouldAcceptTwentyNinthOfFebruaryOnlyInLeapYears()
    {
        assertThat(date.parse("Tue, 29 Feb 2000 00:00:00 GMT", NOW)).isTrue();
        assertThat(date.parse("Thu, 29 Feb 2024 00:00:00 GMT", NOW)).isTrue();
        assertThat(date.parse("Sun, 29 Feb 2100 00:00:00 GMT", NOW)).isFalse();
        assertThat(date.parse("Fri, 29 Feb 2019 00:00:00 GMT", NOW)).isFalse();
        assertThat(date.form()).isEqualTo(HttpDateForm.INVALID);
    }

    @Test
    void shouldAcceptATwoDigitAsctimeDay()
    {
        assertThat(date.parse("Sun Nov 06 08:49:37 1994", NOW)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(RFC_EXAMPLE);
        assertThat(date.parse("Thu Nov 26 08:49:37 2026", NOW)).isTrue();
    }

    @Test
    void shouldRefuseWhatTheGrammarDoesNotAllow()
    {
        for (final String bad : new String[] {
            "", " ", "Sun, 06 Nov 1994 08:49:37 UTC", "sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun,06 Nov 1994 08:49:37 GMT ",
            "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT", "Sunday, 06 Nov 94 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94", "Sun Nov  6 08:49:37 1994 GMT",
            "2026-11-27T12:00:00Z", "1764244800", "Sun, 06 Nov 1994 08:49:37 GMT\r\nX: y",
            "Sun, 06 Nov 1994 08:49:37 GMT\n", "Sun, 06 Nov 1994 08:49:37 GMT\u0000",
            "Sun, 06 Nov 1994 08:49:37 G\u00c9T", "Sun, 06 Nov 1994 08:49:37 GM\u20ac",
            "Sun, 06 Nov 1994 08\u00ff49:37 GMT"})
        {
            assertThat(date.parse(bad, NOW)).as("'%s'", bad).isFalse();
            assertThat(date.form()).as("'%s'", bad).isEqualTo(HttpDateForm.INVALID);
        }
    }

    @Test
    void shouldNotThrowOnRangesOutsideTheBuffer()
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[40]);
        assertThat(date.parse(b, -1, 30, NOW)).isFalse();
        assertThat(date.parse(b, 20, 30, NOW)).isFalse();
        assertThat(date.parse(b, 0, -5, NOW)).isFalse();
        assertThat(date.parse(b, Integer.MAX_VALUE, Integer.MAX_VALUE, NOW)).isFalse();
    }

    @Test
    void shouldFormatEachForm()
    {
        assertThat(HttpDate.format(RFC_EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(RFC_EXAMPLE, HttpDateForm.RFC_850, new StringBuilder()).toString())
            .isEqualTo("Sunday, 06-Nov-94 08:49:37 GMT");
        assertThat(HttpDate.format(RFC_EXAMPLE, HttpDateForm.ASCTIME, new StringBuilder()).toString())
            .isEqualTo("Sun Nov  6 08:49:37 1994");
        assertThat(HttpDate.format(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond()))
            .isEqualTo("Sat, 01 Jan 0000 00:00:00 GMT");
        assertThat(HttpDate.format(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()))
            .isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
    }

    @Test
    void shouldMarkAMissingDate()
    {
        date.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW);
        date.missing();
        assertThat(date.form()).isEqualTo(HttpDateForm.MISSING);
        assertThat(HttpDateForm.of(date.form().code())).isEqualTo(HttpDateForm.MISSING);
        assertThat(HttpDateForm.of(99)).isEqualTo(HttpDateForm.INVALID);
    }
}
