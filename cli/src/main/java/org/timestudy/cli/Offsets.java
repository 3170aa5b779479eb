package org.timestudy.cli;

/**
 * Formats a clock offset for people: {@code +0.000412 s} below a minute, {@code -21:57:13} below a day,
 * {@code +3d 04:00:00} beyond.
 */
final class Offsets
{
    private Offsets()
    {
    }

    static String format(final double seconds)
    {
        final double abs = Math.abs(seconds);
        final String sign = seconds < 0 ? "-" : "+";
        if (abs < 60)
        {
            return String.format("%s%.6f s", sign, abs);
        }
        final long s = Math.round(abs);
        final long days = s / 86_400;
        final String hms = String.format("%02d:%02d:%02d", (s % 86_400) / 3600, (s % 3600) / 60, s % 60);
        return days > 0 ? sign + days + "d " + hms : sign + hms;
    }
}
