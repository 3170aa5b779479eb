package org.timestudy.analyzer.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way timestudy writes a clock's offset, a duration or a rate for people.
 * <ul>
 *   <li>{@link #offset(double)}: signed, to the µs below a minute ({@code +0.000412 s}, {@code -37.000012 s}), then
 *   as a clock reading ({@code -21:57:13}) and with days beyond a day ({@code +3d 04:00:00},
 *   {@code -3849d 12:38:45}); what an offset is compared with (a clock face) at a glance.</li>
 *   <li>{@link #scaled(double)}: in the largest fitting unit ({@code 845.7 us}, {@code 12.3 ms}, {@code 3.000 s},
 *   {@code 2.50 h}, {@code 41.2 d}), for uncertainties, spreads and steps.</li>
 * </ul>
 * and {@link #ratePpm(double)} for R − 1. Text is ASCII and locale-independent; NaN and infinities print as
 * {@code -}.
 */
public final class ClockFormat
{
    /** What a missing or non-finite value prints as. */
    public static final String MISSING = "-";

    private static final double NANOS = 1e9;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final long SECONDS_PER_DAY = 86_400;

    private ClockFormat()
    {
    }

    /**
     * @param seconds an offset, seconds (remote minus true).
     * @return it as {@code +0.000412 s}, {@code -21:57:13} or {@code +3d 04:00:00}.
     */
    public static String offset(final double seconds)
    {
        if (!Double.isFinite(seconds))
        {
            return MISSING;
        }
        final double abs = Math.abs(seconds);
        final String sign = seconds < 0 ? "-" : "+";
        if (abs < 59.9999995)
        {
            return String.format(Locale.ROOT, "%s%.6f s", sign, abs);
        }
        final long s = Math.round(abs);
        final long days = s / SECONDS_PER_DAY;
        final String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s % SECONDS_PER_DAY) / 3600,
            (s % 3600) / 60, s % 60);
        return days > 0 ? sign + days + "d " + hms : sign + hms;
    }

    /**
     * @param ns an offset, ns.
     * @return it as {@link #offset(double)} writes it.
     */
    public static String offsetNs(final long ns)
    {
        return offset(ns / NANOS);
    }

    /**
     * @param seconds a duration, uncertainty or step, seconds (signed).
     * @return it in the largest fitting unit: {@code 12.3 us}, {@code 12.3 ms}, {@code -3.000 s}, {@code 2.50 h},
     *         {@code 41.2 d}.
     */
    public static String scaled(final double seconds)
    {
        if (!Double.isFinite(seconds))
        {
            return MISSING;
        }
        final double a = Math.abs(seconds);
        if (a < 1e-3)
        {
            return String.format(Locale.ROOT, "%.1f us", seconds * 1e6);
        }
        if (a < 1)
        {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
        }
        if (a < 600)
        {
            return String.format(Locale.ROOT, "%.3f s", seconds);
        }
        if (a < SECONDS_PER_DAY)
        {
            return String.format(Locale.ROOT, "%.2f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / SECONDS_PER_DAY);
    }

    /**
     * @param ns a duration, uncertainty or step, ns (signed).
     * @return it as {@link #scaled(double)} writes it.
     */
    public static String scaledNs(final long ns)
    {
        return scaled(ns / NANOS);
    }

    /**
     * @param seconds a length of time, seconds (not negative).
     * @return it as a span: {@code 45 s}, {@code 1 min 26 s}, {@code 2 h 05 min}, {@code 3 d 04 h}.
     */
    public static String span(final double seconds)
    {
        if (!Double.isFinite(seconds) || seconds < 0)
        {
            return MISSING;
        }
        final long s = Math.round(seconds);
        if (s < 60)
        {
            return s + " s";
        }
        if (s < 3600)
        {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < SECONDS_PER_DAY)
        {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%d d %02d h", s / SECONDS_PER_DAY, (s % SECONDS_PER_DAY) / 3600);
    }

    /**
     * @param ppm R − 1, ppm.
     * @return it signed, with 3 decimals below 100 ppm and 1 beyond: {@code +0.012 ppm}, {@code -1000000.0 ppm}.
     */
    public static String ratePpm(final double ppm)
    {
        if (!Double.isFinite(ppm))
        {
            return MISSING;
        }
        return String.format(Locale.ROOT, Math.abs(ppm) < 100 ? "%+.3f ppm" : "%+.1f ppm", ppm);
    }

    /**
     * @param seconds a positive length of time on a log-scale axis, seconds.
     * @return it short, for a tick: {@code 1 us}, {@code 100 ms}, {@code 10 s}, {@code 1e4 s}.
     */
    public static String tick(final double seconds)
    {
        if (!Double.isFinite(seconds) || seconds <= 0)
        {
            return MISSING;
        }
        if (seconds < 1e-3)
        {
            return trimmed(seconds * 1e6) + " us";
        }
        if (seconds < 1)
        {
            return trimmed(seconds * 1e3) + " ms";
        }
        if (seconds < 1e4)
        {
            return trimmed(seconds) + " s";
        }
        final int exponent = (int)Math.floor(Math.log10(seconds) + 1e-9);
        final double mantissa = seconds / Math.pow(10, exponent);
        return (Math.abs(mantissa - 1) < 1e-6 ? "1" : trimmed(mantissa)) + "e" + exponent + " s";
    }

    private static String trimmed(final double v)
    {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * @param epochNs a time, ns since 1970 (Long.MIN_VALUE: unknown).
     * @return it in UTC, to the second: {@code 2026-11-27 16:20:44}.
     */
    public static String dateTime(final long epochNs)
    {
        return epochNs == Long.MIN_VALUE ? MISSING : DATE_TIME.format(Instant.ofEpochSecond(0, epochNs));
    }

    /**
     * @param fromNs start, ns since 1970.
     * @param toNs   end, ns since 1970.
     * @return the interval in UTC, the end's date left out when it is the start's:
     *         {@code 2026-11-27 16:20:44 to 16:22:10 UTC}.
     */
    public static String interval(final long fromNs, final long toNs)
    {
        final boolean sameDay = Math.floorDiv(fromNs, NANOS_PER_DAY) == Math.floorDiv(toNs, NANOS_PER_DAY);
        return dateTime(fromNs) + " to " + (sameDay ? TIME.format(Instant.ofEpochSecond(0, toNs)) : dateTime(toNs)) +
            " UTC";
    }
}
