package org.timestudy.http;

import org.agrona.DirectBuffer;

/**
 * The one parser (and formatter) of HTTP Date values, RFC 9110 section 5.6.7. A reusable instance per thread:
 * {@link #parse} reads a value without allocating and leaves its result in {@link #form()},
 * {@link #epochSecond()} and {@link #weekdayMismatch()}. It never throws: whatever is not one of the three grammars
 * below, exactly, is {@link HttpDateForm#INVALID}, and the caller keeps the raw text.
 *
 * <pre>
 *   IMF-fixdate  Sun, 06 Nov 1994 08:49:37 GMT      29 characters
 *   RFC 850      Sunday, 06-Nov-94 08:49:37 GMT     day name, then 23 characters; two-digit year
 *   asctime      Sun Nov  6 08:49:37 1994           24 characters; day as 2DIGIT or SP DIGIT
 * </pre>
 *
 * Rules: the value may carry optional whitespace (SP, HTAB) around it, nothing else; names are case-sensitive as the
 * grammar says; hour 00-23, minute 00-59, second 00-60 (60, a leap second, reads as the next minute's 00); the day
 * must exist in its month (29 February only in leap years); years 0000-9999 of the proleptic Gregorian calendar. A
 * day name that does not match the date is accepted (the date wins) and reported by {@link #weekdayMismatch()}.
 * An RFC 850 two-digit year is read in the century that puts the time no more than 50 years after the reference
 * time (RFC 9110: a time "more than 50 years in the future" means the most recent past year with those digits).
 */
public final class HttpDate
{
    /** Length of an IMF-fixdate value. */
    public static final int IMF_FIXDATE_LENGTH = 29;
    /** Length of an asctime value. */
    public static final int ASCTIME_LENGTH = 24;
    /** Length of an RFC 850 value after its day name. */
    public static final int RFC_850_TAIL_LENGTH = 23;
    /** Longest value any form can have (RFC 850 with "Wednesday"). */
    public static final int MAX_LENGTH = 9 + 1 + RFC_850_TAIL_LENGTH;

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIFTY_YEARS_S = 50L * 36_524_25L * SECONDS_PER_DAY / 10_000L;
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final byte[] scratch = new byte[MAX_LENGTH];
    private HttpDateForm form = HttpDateForm.MISSING;
    private long epochSecond;
    private boolean weekdayMismatch;

    /**
     * Parses a Date header value.
     *
     * @param buffer            holding the value.
     * @param offset            of its first byte.
     * @param length            in bytes (0 is an empty, invalid value; a missing header is not parsed at all).
     * @param referenceEpochSec now, for RFC 850's two-digit year: seconds since 1970.
     * @return true when the value is a valid HTTP-date.
     */
    public boolean parse(final DirectBuffer buffer, final int offset, final int length, final long referenceEpochSec)
    {
        if (offset < 0 || length < 0 || (long)offset + length > buffer.capacity())
        {
            return invalid();
        }
        int start = offset;
        int end = offset + length;
        while (start < end && isWhitespace(buffer.getByte(start)))
        {
            start++;
        }
        while (end > start && isWhitespace(buffer.getByte(end - 1)))
        {
            end--;
        }
        final int n = end - start;
        if (n < ASCTIME_LENGTH || n > MAX_LENGTH)
        {
            return invalid();
        }
        buffer.getBytes(start, scratch, 0, n);
        return parse(n, referenceEpochSec);
    }

    /**
     * Parses a Date header value given as text (not on hot paths: characters above U+00FF make it invalid).
     *
     * @param value             the value.
     * @param referenceEpochSec now, for RFC 850's two-digit year: seconds since 1970.
     * @return true when the value is a valid HTTP-date.
     */
    public boolean parse(final CharSequence value, final long referenceEpochSec)
    {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start)))
        {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1)))
        {
            end--;
        }
        final int n = end - start;
        if (n < ASCTIME_LENGTH || n > MAX_LENGTH)
        {
            return invalid();
        }
        for (int i = 0; i < n; i++)
        {
            final char c = value.charAt(start + i);
            if (c > 0xFF)
            {
                return invalid();
            }
            scratch[i] = (byte)c;
        }
        return parse(n, referenceEpochSec);
    }

    /**
     * Marks the Date header absent (for callers that reuse one instance per response).
     */
    public void missing()
    {
        form = HttpDateForm.MISSING;
        epochSecond = 0;
        weekdayMismatch = false;
    }

    /**
     * @return the form of the last value parsed ({@link HttpDateForm#INVALID} when it was none).
     */
    public HttpDateForm form()
    {
        return form;
    }

    /**
     * @return the time of the last valid value, seconds since 1970 (meaningless when the form is not valid).
     */
    public long epochSecond()
    {
        return epochSecond;
    }

    /**
     * @return true when the last valid value named a weekday other than its date's.
     */
    public boolean weekdayMismatch()
    {
        return weekdayMismatch;
    }

    private boolean parse(final int n, final long referenceEpochSec)
    {
        weekdayMismatch = false;
        if (n == IMF_FIXDATE_LENGTH && scratch[3] == ',')
        {
            return imfFixdate();
        }
        if (n == ASCTIME_LENGTH && scratch[3] == ' ')
        {
            return asctime();
        }
        final int comma = n - RFC_850_TAIL_LENGTH - 1;
        if (comma >= 6 && scratch[comma] == ',')
        {
            return rfc850(comma, referenceEpochSec);
        }
        return invalid();
    }

    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private boolean imfFixdate()
    {
        final int weekday = name(0, DAYS);
        final int day = twoDigits(5);
        final int month = name(8, MONTHS);
        final int year = fourDigits(12);
        if (weekday < 0 || scratch[4] != ' ' || scratch[7] != ' ' || scratch[11] != ' ' || scratch[16] != ' ' ||
            scratch[25] != ' ' || !gmt(26) || month < 0 || year < 0)
        {
            return invalid();
        }
        return finish(HttpDateForm.IMF_FIXDATE, weekday, year, month, day, 17);
    }

    /** {@code Sun Nov  6 08:49:37 1994}. */
    private boolean asctime()
    {
        final int weekday = name(0, DAYS);
        final int month = name(4, MONTHS);
        final int day = scratch[8] == ' ' ? digit(9) : twoDigits(8);
        final int year = fourDigits(20);
        if (weekday < 0 || month < 0 || scratch[7] != ' ' || scratch[10] != ' ' || scratch[19] != ' ' || year < 0)
        {
            return invalid();
        }
        return finish(HttpDateForm.ASCTIME, weekday, year, month, day, 11);
    }

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}: the tail starts after the comma. */
    private boolean rfc850(final int comma, final long referenceEpochSec)
    {
        int weekday = -1;
        for (int i = 0; i < LONG_DAYS.length; i++)
        {
            if (LONG_DAYS[i].length() == comma && matches(0, LONG_DAYS[i]))
            {
                weekday = i;
            }
        }
        final int t = comma + 1;
        final int day = twoDigits(t + 1);
        final int month = name(t + 4, MONTHS);
        final int yy = twoDigits(t + 8);
        if (weekday < 0 || scratch[t] != ' ' || scratch[t + 3] != '-' || scratch[t + 7] != '-' ||
            scratch[t + 10] != ' ' || scratch[t + 19] != ' ' || !gmt(t + 20) || month < 0 || yy < 0)
        {
            return invalid();
        }
        final long referenceDays = Math.floorDiv(referenceEpochSec, SECONDS_PER_DAY);
        final int referenceYear = yearOfDays(referenceDays);
        int year = Math.floorDiv(referenceYear, 100) * 100 + yy;
        if (!finish(HttpDateForm.RFC_850, weekday, year, month, day, t + 11))
        {
            return false;
        }
        if (epochSecond - referenceEpochSec > FIFTY_YEARS_S)
        {
            year -= 100;
            return finish(HttpDateForm.RFC_850, weekday, year, month, day, t + 11);
        }
        return true;
    }

    /** Checks the date and {@code HH:MM:SS} at {@code time}, and sets the result. */
    private boolean finish(
        final HttpDateForm parsedForm, final int weekday, final int year, final int month, final int day,
        final int time)
    {
        final int hour = twoDigits(time);
        final int minute = twoDigits(time + 3);
        final int second = twoDigits(time + 6);
        if (scratch[time + 2] != ':' || scratch[time + 5] != ':' || hour < 0 || hour > 23 || minute < 0 ||
            minute > 59 || second < 0 || second > 60 || day < 1 || day > daysInMonth(year, month + 1))
        {
            return invalid();
        }
        final long days = daysFromCivil(year, month + 1, day);
        epochSecond = days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        weekdayMismatch = weekday != weekdayOf(days);
        form = parsedForm;
        return true;
    }

    private boolean invalid()
    {
        form = HttpDateForm.INVALID;
        epochSecond = 0;
        weekdayMismatch = false;
        return false;
    }

    private boolean gmt(final int at)
    {
        return scratch[at] == 'G' && scratch[at + 1] == 'M' && scratch[at + 2] == 'T';
    }

    private int name(final int at, final String[] names)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (matches(at, names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(final int at, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (scratch[at + i] != text.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private int digit(final int at)
    {
        final int d = scratch[at] - '0';
        return d >= 0 && d <= 9 ? d : -1;
    }

    private int twoDigits(final int at)
    {
        final int a = digit(at);
        final int b = digit(at + 1);
        return a < 0 || b < 0 ? -1 : a * 10 + b;
    }

    private int fourDigits(final int at)
    {
        final int a = twoDigits(at);
        final int b = twoDigits(at + 2);
        return a < 0 || b < 0 ? -1 : a * 100 + b;
    }

    private static boolean isWhitespace(final int c)
    {
        return c == ' ' || c == '\t';
    }

    /**
     * Formats a time as a Date value (IMF-fixdate is what servers send; the others for tests and the lab's hostile
     * servers).
     *
     * @param epochSecond seconds since 1970, within years 0000-9999.
     * @param form        {@link HttpDateForm#IMF_FIXDATE}, {@link HttpDateForm#RFC_850} or
     *                    {@link HttpDateForm#ASCTIME}.
     * @param out         where to append the value.
     * @return {@code out}.
     * @throws IllegalArgumentException for another form or a year outside 0000-9999.
     */
    public static StringBuilder format(final long epochSecond, final HttpDateForm form, final StringBuilder out)
    {
        final long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        final int secondOfDay = (int)Math.floorMod(epochSecond, SECONDS_PER_DAY);
        final int year = yearOfDays(days);
        if (year < 0 || year > 9999)
        {
            throw new IllegalArgumentException("HTTP-date years are 0000-9999: " + year);
        }
        int month = 1;
        while (month < 12 && daysFromCivil(year, month + 1, 1) <= days)
        {
            month++;
        }
        final int day = (int)(days - daysFromCivil(year, month, 1)) + 1;
        final int weekday = weekdayOf(days);
        final int hour = secondOfDay / 3600;
        final int minute = secondOfDay / 60 % 60;
        final int second = secondOfDay % 60;
        switch (form)
        {
            case IMF_FIXDATE ->
            {
                out.append(DAYS[weekday]).append(", ");
                pad2(out, day).append(' ').append(MONTHS[month - 1]).append(' ');
                pad4(out, year).append(' ');
                time(out, hour, minute, second).append(" GMT");
            }
            case RFC_850 ->
            {
                out.append(LONG_DAYS[weekday]).append(", ");
                pad2(out, day).append('-').append(MONTHS[month - 1]).append('-');
                pad2(out, year % 100).append(' ');
                time(out, hour, minute, second).append(" GMT");
            }
            case ASCTIME ->
            {
                out.append(DAYS[weekday]).append(' ').append(MONTHS[month - 1]).append(' ');
                if (day < 10)
                {
                    out.append(' ').append(day);
                }
                else
                {
                    out.append(day);
                }
                out.append(' ');
                time(out, hour, minute, second).append(' ');
                pad4(out, year);
            }
            default -> throw new IllegalArgumentException("no text form for " + form);
        }
        return out;
    }

    /**
     * @param epochSecond seconds since 1970.
     * @return its IMF-fixdate.
     */
    public static String format(final long epochSecond)
    {
        return format(epochSecond, HttpDateForm.IMF_FIXDATE, new StringBuilder(IMF_FIXDATE_LENGTH)).toString();
    }

    private static StringBuilder time(final StringBuilder out, final int hour, final int minute, final int second)
    {
        pad2(out, hour).append(':');
        pad2(out, minute).append(':');
        return pad2(out, second);
    }

    private static StringBuilder pad2(final StringBuilder out, final int v)
    {
        return out.append((char)('0' + v / 10)).append((char)('0' + v % 10));
    }

    private static StringBuilder pad4(final StringBuilder out, final int v)
    {
        pad2(out, v / 100);
        return pad2(out, v % 100);
    }

    private static boolean leap(final int year)
    {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysInMonth(final int year, final int month)
    {
        return switch (month)
        {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(final int year, final int month, final int day)
    {
        final long y = month <= 2 ? year - 1L : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int yearOfDays(final long days)
    {
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        return (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    }

    /** 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday. */
    private static int weekdayOf(final long days)
    {
        return (int)Math.floorMod(days + 3, 7);
    }
}
