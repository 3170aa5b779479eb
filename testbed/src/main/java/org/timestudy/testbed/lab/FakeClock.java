package org.timestudy.testbed.lab;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.math.BigDecimal;

/**
 * The clock a lab server runs on, as libfaketime gives it to a process, and the truth it implies: the server's time
 * as a function of true time. {@code startedAtEpochNs} is when the process started, which anchors rates.
 *
 * @param model                what kind of clock.
 * @param offsetSeconds        constant offset added to true time (OFFSET, RATE).
 * @param rate                 remote seconds per true second (RATE, NEAR_FROZEN); 1 otherwise.
 * @param frozenAtEpochSeconds the time a frozen clock shows (FROZEN, NEAR_FROZEN).
 */
public record FakeClock(Model model, double offsetSeconds, double rate, long frozenAtEpochSeconds)
{
    private static final DateTimeFormatter FAKETIME_DATE =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Kinds of clock libfaketime can give a process. */
    public enum Model
    {
        /** The real clock: offset 0. */
        REAL,
        /** A constant offset. */
        OFFSET,
        /** An offset at start, then a rate other than 1. */
        RATE,
        /** A truly frozen clock (an absolute time without {@code @}). */
        FROZEN,
        /** Almost frozen: starts at a time and runs at a tiny rate (chronyd cannot start on a frozen clock). */
        NEAR_FROZEN
    }

    /**
     * @return the real clock.
     */
    public static FakeClock real()
    {
        return new FakeClock(Model.REAL, 0, 1, 0);
    }

    /**
     * @param seconds ahead (positive) or behind (negative).
     * @return a constant offset.
     */
    public static FakeClock offset(final double seconds)
    {
        return new FakeClock(Model.OFFSET, seconds, 1, 0);
    }

    /**
     * @param seconds offset at process start.
     * @param rate    remote seconds per true second.
     * @return a drifting clock.
     */
    public static FakeClock rate(final double seconds, final double rate)
    {
        return new FakeClock(Model.RATE, seconds, rate, 0);
    }

    /**
     * @param at the time the clock shows forever (whole seconds).
     * @return a frozen clock.
     */
    public static FakeClock frozen(final Instant at)
    {
        return new FakeClock(Model.FROZEN, 0, 0, at.getEpochSecond());
    }

    /**
     * @param at the time the clock starts at.
     * @return a clock that runs a million times slower than real time from {@code at}.
     */
    public static FakeClock nearFrozen(final Instant at)
    {
        return new FakeClock(Model.NEAR_FROZEN, 0, 1e-6, at.getEpochSecond());
    }

    /**
     * @return the FAKETIME value for libfaketime, or null for the real clock.
     */
    public String faketime()
    {
        return switch (model)
        {
            case REAL -> null;
            case OFFSET -> signed(offsetSeconds);
            case RATE -> signed(offsetSeconds) + " x" + plain(rate);
            case FROZEN -> FAKETIME_DATE.format(Instant.ofEpochSecond(frozenAtEpochSeconds));
            case NEAR_FROZEN -> "@" + FAKETIME_DATE.format(Instant.ofEpochSecond(frozenAtEpochSeconds)) + " x" +
                plain(rate);
        };
    }

    /**
     * The time the server shows at a true time.
     *
     * @param trueEpochNs      true time, ns since 1970.
     * @param startedAtEpochNs when the server's process started, ns since 1970.
     * @return the server's time, seconds since 1970.
     */
    public double remoteEpochSeconds(final long trueEpochNs, final long startedAtEpochNs)
    {
        final double t = trueEpochNs / 1e9;
        final double sinceStart = (trueEpochNs - startedAtEpochNs) / 1e9;
        return switch (model)
        {
            case REAL -> t;
            case OFFSET -> t + offsetSeconds;
            case RATE -> startedAtEpochNs / 1e9 + offsetSeconds + sinceStart * rate;
            case FROZEN -> frozenAtEpochSeconds;
            case NEAR_FROZEN -> frozenAtEpochSeconds + sinceStart * rate;
        };
    }

    /**
     * The server's offset (its time minus true time) at a true time.
     *
     * @param trueEpochNs      true time, ns since 1970.
     * @param startedAtEpochNs when the server's process started, ns since 1970.
     * @return offset in seconds.
     */
    public double offsetSecondsAt(final long trueEpochNs, final long startedAtEpochNs)
    {
        return remoteEpochSeconds(trueEpochNs, startedAtEpochNs) - trueEpochNs / 1e9;
    }

    private static String signed(final double v)
    {
        return (v < 0 ? "-" : "+") + plain(Math.abs(v));
    }

    private static String plain(final double v)
    {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
