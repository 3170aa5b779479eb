package org.timestudy.http;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the Date parser against an independent reference (regular expressions of RFC 9110's grammar plus
 * java.time) over millions of inputs: valid dates of every form, valid dates with one to three characters changed,
 * inserted or removed, and random strings over a date-like alphabet. The parser must never throw and must agree with
 * the reference on validity, form, time and weekday mismatch, from text and from a buffer.
 */
class HttpDatePropertiesTest
{
    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_9999_END = 253_402_300_799L;
    private static final String DAYS = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    private static final String LONG_DAYS = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String MONTHS = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String TIME = "(\\d\\d):(\\d\\d):(\\d\\d)";
    private static final Pattern IMF = Pattern.compile(
        "[ \\t]*" + DAYS + ", (\\d\\d) " + MONTHS + " (\\d{4}) " + TIME + " GMT[ \\t]*");
    private static final Pattern RFC_850 = Pattern.compile(
        "[ \\t]*" + LONG_DAYS + ", (\\d\\d)-" + MONTHS + "-(\\d\\d) " + TIME + " GMT[ \\t]*");
    private static final Pattern ASCTIME = Pattern.compile(
        "[ \\t]*" + DAYS + " " + MONTHS + " ( \\d|\\d\\d) " + TIME + " (\\d{4})[ \\t]*");
    private static final List<String> MONTH_NAMES = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
        "Sep", "Oct", "Nov", "Dec");
    private static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private final HttpDate date = new HttpDate();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Property(tries = 1_000_000, generation = GenerationMode.RANDOMIZED)
    void shouldReadBackEveryTimeItFormats(
        @ForAll @LongRange(min = YEAR_0000, max = YEAR_9999_END) final long epochSecond,
        @ForAll("forms") final HttpDateForm form)
    {
        final String text = HttpDate.format(epochSecond, form, new StringBuilder()).toString();
        // An RFC 850 date is read back within 50 years of the reference: use a reference near the time itself.
        assertThat(date.parse(text, epochSecond)).as(text).isTrue();
        assertThat(date.form()).isEqualTo(form);
        assertThat(date.epochSecond()).as(text).isEqualTo(epochSecond);
        assertThat(date.weekdayMismatch()).isFalse();
    }

    @Property(tries = 3_000_000, generation = GenerationMode.RANDOMIZED)
    void shouldAgreeWithTheReferenceGrammarOnAnyInput(
        @ForAll("inputs") final String input,
        @ForAll @LongRange(min = 0, max = 4_102_444_800L) final long referenceEpochSec)
    {
        final Reference expected = reference(input, referenceEpochSec);
        final boolean parsed = date.parse(input, referenceEpochSec);
        assertThat(parsed).as("'%s'", input).isEqualTo(expected.form.valid());
        assertThat(date.form()).as("'%s'", input).isEqualTo(expected.form);
        if (parsed)
        {
            assertThat(date.epochSecond()).as("'%s'", input).isEqualTo(expected.epochSecond);
            assertThat(date.weekdayMismatch()).as("'%s'", input).isEqualTo(expected.weekdayMismatch);
        }
        final byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length + 3 <= buffer.capacity() && input.chars().allMatch(c -> c <= 0xFF))
        {
            buffer.putBytes(3, bytes);
            assertThat(date.parse(buffer, 3, bytes.length, referenceEpochSec)).as("'%s' from a buffer", input)
                .isEqualTo(parsed);
            assertThat(date.form()).isEqualTo(expected.form);
        }
    }

    @Provide
    Arbitrary<HttpDateForm> forms()
    {
        return Arbitraries.of(HttpDateForm.IMF_FIXDATE, HttpDateForm.RFC_850, HttpDateForm.ASCTIME);
    }

    @Provide
    Arbitrary<String> inputs()
    {
        final Arbitrary<String> valid = Combinators.combine(
            Arbitraries.longs().between(YEAR_0000, YEAR_9999_END), forms())
            .as((t, f) -> HttpDate.format(t, f, new StringBuilder()).toString());
        final Arbitrary<String> fields = Combinators.combine(
            Arbitraries.of(DAY_NAMES), Arbitraries.integers().between(0, 39), Arbitraries.of(MONTH_NAMES),
            Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99))
            .as((d, day, m, y, hh, mm, ss) -> String.format("%s, %02d %s %04d %02d:%02d:%02d GMT", d, day, m, y, hh,
                mm, ss));
        final Arbitrary<String> mutated = Combinators.combine(Arbitraries.oneOf(valid, fields),
            Arbitraries.integers().between(1, 3), Arbitraries.longs())
            .as(HttpDatePropertiesTest::mutate);
        final Arbitrary<String> random = Arbitraries.strings()
            .withChars(" \t,:-0123456789GMTSunMonTueWedThuFriSatJanFebMarAprMayJunJulAugSepOctNovDecdaysy\r\n\u00ff")
            .ofMinLength(0).ofMaxLength(40);
        final Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(40);
        final Arbitrary<String> padded = Combinators.combine(valid, Arbitraries.strings().withChars(" \t")
            .ofMaxLength(3), Arbitraries.strings().withChars(" \t").ofMaxLength(3)).as((v, a, b) -> a + v + b);
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(3, fields), net.jqwik.api.Tuple.of(8, mutated),
            net.jqwik.api.Tuple.of(4, random), net.jqwik.api.Tuple.of(1, anything), net.jqwik.api.Tuple.of(1, padded));
    }

    private static String mutate(final String s, final int edits, final long seed)
    {
        final StringBuilder sb = new StringBuilder(s);
        final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        final String alphabet = " ,:-0123456789GMTNovSund\t\u00ff";
        for (int i = 0; i < edits; i++)
        {
            final int op = r.nextInt(3);
            final int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            final char c = alphabet.charAt(r.nextInt(alphabet.length()));
            if (op == 0 && sb.length() > 0)
            {
                sb.setCharAt(at, c);
            }
            else if (op == 1)
            {
                sb.insert(at, c);
            }
            else if (sb.length() > 0)
            {
                sb.deleteCharAt(at);
            }
        }
        return sb.toString();
    }

    private record Reference(HttpDateForm form, long epochSecond, boolean weekdayMismatch)
    {
    }

    private static Reference reference(final String input, final long referenceEpochSec)
    {
        Matcher m = IMF.matcher(input);
        if (m.matches())
        {
            return time(HttpDateForm.IMF_FIXDATE, DAY_NAMES.indexOf(m.group(1)), Integer.parseInt(m.group(4)),
                MONTH_NAMES.indexOf(m.group(3)) + 1, Integer.parseInt(m.group(2)), m, 5);
        }
        m = ASCTIME.matcher(input);
        if (m.matches())
        {
            return time(HttpDateForm.ASCTIME, DAY_NAMES.indexOf(m.group(1)), Integer.parseInt(m.group(7)),
                MONTH_NAMES.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(3).trim()), m, 4);
        }
        m = RFC_850.matcher(input);
        if (m.matches())
        {
            final int weekday = DAY_NAMES.indexOf(m.group(1).substring(0, 3));
            final int referenceYear = java.time.Instant.ofEpochSecond(referenceEpochSec).atZone(ZoneOffset.UTC)
                .getYear();
            final int yy = Integer.parseInt(m.group(4));
            final int year = Math.floorDiv(referenceYear, 100) * 100 + yy;
            final Reference r = time(HttpDateForm.RFC_850, weekday, year, MONTH_NAMES.indexOf(m.group(3)) + 1,
                Integer.parseInt(m.group(2)), m, 5);
            if (r.form.valid() && r.epochSecond - referenceEpochSec > 50L * 31_556_952L)
            {
                return time(HttpDateForm.RFC_850, weekday, year - 100, MONTH_NAMES.indexOf(m.group(3)) + 1,
                    Integer.parseInt(m.group(2)), m, 5);
            }
            return r;
        }
        return new Reference(HttpDateForm.INVALID, 0, false);
    }

    private static Reference time(
        final HttpDateForm form, final int weekday, final int year, final int month, final int day, final Matcher m,
        final int group)
    {
        final int hour = Integer.parseInt(m.group(group));
        final int minute = Integer.parseInt(m.group(group + 1));
        final int second = Integer.parseInt(m.group(group + 2));
        if (hour > 23 || minute > 59 || second > 60)
        {
            return new Reference(HttpDateForm.INVALID, 0, false);
        }
        try
        {
            final LocalDate d = LocalDate.of(year, month, day);
            final long epoch = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + hour * 3600L + minute * 60L + second;
            return new Reference(form, epoch, d.getDayOfWeek().ordinal() != weekday);
        }
        catch (final DateTimeException ex)
        {
            return new Reference(HttpDateForm.INVALID, 0, false);
        }
    }
}
