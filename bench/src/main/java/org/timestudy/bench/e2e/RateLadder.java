package org.timestudy.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The requested rates of a benchmark: a comma-separated list of probes per second ({@code 50000}, {@code 50k}) and
 * {@code max}. One {@code parse} for the format.
 */
public final class RateLadder
{
    /** The ladder of issue 10 plus 250 k (the engine's journal-completeness figure). */
    public static final String DEFAULT = "50k,100k,250k,300k,max";

    private RateLadder()
    {
    }

    /**
     * @param text e.g. {@code 50k,100k,300k,max}.
     * @return the rates in pps, {@link Double#POSITIVE_INFINITY} for max.
     * @throws IllegalArgumentException on a rate that is not a positive number, a k-suffixed one, or max.
     */
    public static List<Double> parse(final String text)
    {
        final List<Double> rates = new ArrayList<>();
        for (final String part : text.split(","))
        {
            final String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("max"))
            {
                rates.add(Double.POSITIVE_INFINITY);
                continue;
            }
            final double scale = p.endsWith("k") ? 1000 : 1;
            final String digits = p.endsWith("k") ? p.substring(0, p.length() - 1) : p;
            final double rate;
            try
            {
                rate = Double.parseDouble(digits) * scale;
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("not a rate: '" + part + "' (e.g. 50000, 50k or max)");
            }
            if (!(rate >= 1) || Double.isInfinite(rate))
            {
                throw new IllegalArgumentException("rate must be at least 1 pps: '" + part + "'");
            }
            rates.add(rate);
        }
        if (rates.isEmpty())
        {
            throw new IllegalArgumentException("no rate given");
        }
        return rates;
    }

    /**
     * @param ratePps a rate, or {@link Double#POSITIVE_INFINITY}.
     * @return its label: {@code max}, {@code 50k}, {@code 1500}.
     */
    public static String label(final double ratePps)
    {
        if (Double.isInfinite(ratePps))
        {
            return "max";
        }
        if (ratePps >= 1000 && ratePps % 1000 == 0)
        {
            return (long)(ratePps / 1000) + "k";
        }
        return Long.toString((long)ratePps);
    }
}
