package org.timestudy.testbed.clock;

import org.timestudy.analyzer.classify.ClockClass;

import java.util.concurrent.TimeUnit;

/**
 * The mix a {@link Population} draws from: the share of each clock class, of behaviour changes, of each response
 * behaviour and Date form, the parameter ranges, the epoch, and the timescale. Fluent setters, checked once by
 * {@link #conclude()}.
 * <p>
 * The default loosely follows published figures: most clocks synced, about three quarters of servers within 10 s
 * of UTC (Buchholz and Tjaden 2007 saw ~74%), and a long tail of offsets (time-zone and wrong-minute mistakes
 * among them), drifting, resetting, stuck, multi-clock and erratic clocks.
 * <p>
 * The timescale accelerates every rate-like behaviour: drift accrues {@code timescale} times faster, reset periods
 * and change times shrink by it. 1 is real time; the lab uses e.g. 1440 (a day per minute) so behaviours show
 * within minutes. Offsets, frozen times and jitter are not scaled.
 */
public final class PopulationMix
{
    /** Default epoch: 2026-01-01T00:00:00Z, ns since 1970. */
    public static final long EPOCH_NS_DEFAULT = 1_767_225_600L * 1_000_000_000L;

    static final int CLASSES = ClockClass.values().length;
    static final int RESPONSES = Response.values().length;
    static final int FORMS = DateForm.values().length;

    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);

    private final double[] classWeight = new double[CLASSES];
    private final double[] ntpResponseWeight = new double[RESPONSES];
    private final double[] httpResponseWeight = new double[RESPONSES];
    private final double[] dateFormWeight = new double[FORMS];
    private double changeShare = 0.03;
    private long epochNs = EPOCH_NS_DEFAULT;
    private double timescale = 1;
    private double driftPpmMin = 5;
    private double driftPpmMax = 200;
    private double resetPpmMin = 20;
    private double resetPpmMax = 200;
    private long resetPeriodMinNs = 2 * DAY_NS;
    private long resetPeriodMaxNs = 7 * DAY_NS;
    private double periodicShare = 0.7;
    private long changeFromNs = DAY_NS;
    private long changeToNs = 3 * DAY_NS;

    private final long[] classThreshold = new long[CLASSES];
    private final long[] ntpThreshold = new long[RESPONSES];
    private final long[] httpThreshold = new long[RESPONSES];
    private final long[] formThreshold = new long[FORMS];
    private boolean concluded;

    /**
     * A mix with the default shares (see the class comment).
     */
    public PopulationMix()
    {
        classWeight[ClockClass.SYNCED.ordinal()] = 0.70;
        classWeight[ClockClass.OFFSET.ordinal()] = 0.13;
        classWeight[ClockClass.DRIFT.ordinal()] = 0.06;
        classWeight[ClockClass.RESET_DRIFT.ordinal()] = 0.04;
        classWeight[ClockClass.STUCK.ordinal()] = 0.02;
        classWeight[ClockClass.MULTI_CLOCK.ordinal()] = 0.03;
        classWeight[ClockClass.ERRATIC.ordinal()] = 0.02;

        ntpResponseWeight[Response.NORMAL.ordinal()] = 0.90;
        ntpResponseWeight[Response.UNSYNC.ordinal()] = 0.03;
        ntpResponseWeight[Response.KOD_RATE.ordinal()] = 0.01;
        ntpResponseWeight[Response.KOD_DENY.ordinal()] = 0.005;
        ntpResponseWeight[Response.KOD_RSTR.ordinal()] = 0.005;
        ntpResponseWeight[Response.SILENT.ordinal()] = 0.02;
        ntpResponseWeight[Response.UNREACHABLE.ordinal()] = 0.01;
        ntpResponseWeight[Response.RATE_LIMITED.ordinal()] = 0.01;
        ntpResponseWeight[Response.SLOW.ordinal()] = 0.005;
        ntpResponseWeight[Response.MALFORMED.ordinal()] = 0.0025;
        ntpResponseWeight[Response.SPOOFED.ordinal()] = 0.0025;

        httpResponseWeight[Response.NORMAL.ordinal()] = 0.92;
        httpResponseWeight[Response.REDIRECT.ordinal()] = 0.01;
        httpResponseWeight[Response.NO_DATE.ordinal()] = 0.01;
        httpResponseWeight[Response.CACHED.ordinal()] = 0.02;
        httpResponseWeight[Response.SILENT.ordinal()] = 0.01;
        httpResponseWeight[Response.UNREACHABLE.ordinal()] = 0.01;
        httpResponseWeight[Response.SLOW.ordinal()] = 0.01;
        httpResponseWeight[Response.MALFORMED.ordinal()] = 0.01;

        dateFormWeight[DateForm.IMF_FIXDATE.ordinal()] = 0.975;
        dateFormWeight[DateForm.RFC_850.ordinal()] = 0.01;
        dateFormWeight[DateForm.ASCTIME.ordinal()] = 0.01;
        dateFormWeight[DateForm.INVALID.ordinal()] = 0.005;
    }

    /**
     * Checks the settings and prepares the draws.
     *
     * @return this.
     * @throws IllegalArgumentException when a setting is out of range.
     */
    public PopulationMix conclude()
    {
        require(classWeight[ClockClass.INSUFFICIENT.ordinal()] == 0, "INSUFFICIENT is not a clock model");
        require(changeShare >= 0 && changeShare <= 1, "changeShare must be in [0, 1]");
        require(timescale > 0 && Double.isFinite(timescale), "timescale must be > 0");
        require(driftPpmMin > 0 && driftPpmMax >= driftPpmMin, "need 0 < driftPpmMin <= driftPpmMax");
        require(resetPpmMin > 0 && resetPpmMax >= resetPpmMin, "need 0 < resetPpmMin <= resetPpmMax");
        require(resetPeriodMinNs > 0 && resetPeriodMaxNs >= resetPeriodMinNs, "need 0 < reset period min <= max");
        require(periodicShare >= 0 && periodicShare <= 1, "periodicShare must be in [0, 1]");
        require(changeFromNs >= 0 && changeToNs >= changeFromNs, "need 0 <= changeFromNs <= changeToNs");
        cumulate(classWeight, classThreshold, "class weights");
        cumulate(ntpResponseWeight, ntpThreshold, "NTP response weights");
        cumulate(httpResponseWeight, httpThreshold, "HTTP response weights");
        cumulate(dateFormWeight, formThreshold, "Date form weights");
        concluded = true;
        return this;
    }

    boolean concluded()
    {
        return concluded;
    }

    private static void cumulate(final double[] weights, final long[] thresholds, final String what)
    {
        double sum = 0;
        for (final double w : weights)
        {
            require(w >= 0 && Double.isFinite(w), what + " must be >= 0");
            sum += w;
        }
        require(sum > 0, what + " must not all be 0");
        double running = 0;
        int lastNonZero = 0;
        for (int i = 0; i < weights.length; i++)
        {
            running += weights[i];
            thresholds[i] = (long)(running / sum * (1L << 53));
            if (weights[i] > 0)
            {
                lastNonZero = i;
            }
        }
        for (int i = lastNonZero; i < weights.length; i++)
        {
            thresholds[i] = 1L << 53;
        }
    }

    static int pick(final long[] thresholds, final long bits)
    {
        final long draw = bits >>> 11;
        for (int i = 0; i < thresholds.length; i++)
        {
            if (draw < thresholds[i])
            {
                return i;
            }
        }
        return thresholds.length - 1;
    }

    int pickClass(final long bits)
    {
        return pick(classThreshold, bits);
    }

    int pickNtpResponse(final long bits)
    {
        return pick(ntpThreshold, bits);
    }

    int pickHttpResponse(final long bits)
    {
        return pick(httpThreshold, bits);
    }

    int pickDateForm(final long bits)
    {
        return pick(formThreshold, bits);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param clockClass a clock class (not INSUFFICIENT).
     * @param weight     its relative weight.
     * @return this.
     */
    public PopulationMix classWeight(final ClockClass clockClass, final double weight)
    {
        classWeight[clockClass.ordinal()] = weight;
        return this;
    }

    /**
     * @param clockClass a clock class.
     * @return its relative weight.
     */
    public double classWeight(final ClockClass clockClass)
    {
        return classWeight[clockClass.ordinal()];
    }

    /**
     * Gives every clock class the same weight (the accuracy benchmark's balanced mix).
     *
     * @return this.
     */
    public PopulationMix balancedClasses()
    {
        for (final ClockClass c : ClockClass.values())
        {
            classWeight[c.ordinal()] = c == ClockClass.INSUFFICIENT ? 0 : 1;
        }
        return this;
    }

    /**
     * @param response a response behaviour.
     * @param weight   its relative weight on the NTP side.
     * @return this.
     */
    public PopulationMix ntpResponseWeight(final Response response, final double weight)
    {
        ntpResponseWeight[response.ordinal()] = weight;
        return this;
    }

    /**
     * @param response a response behaviour.
     * @param weight   its relative weight on the HTTP side.
     * @return this.
     */
    public PopulationMix httpResponseWeight(final Response response, final double weight)
    {
        httpResponseWeight[response.ordinal()] = weight;
        return this;
    }

    /**
     * Makes every server answer normally on both sides (for clock-only experiments).
     *
     * @return this.
     */
    public PopulationMix allNormal()
    {
        java.util.Arrays.fill(ntpResponseWeight, 0);
        java.util.Arrays.fill(httpResponseWeight, 0);
        ntpResponseWeight[Response.NORMAL.ordinal()] = 1;
        httpResponseWeight[Response.NORMAL.ordinal()] = 1;
        return this;
    }

    /**
     * @param form   a Date form.
     * @param weight its relative weight.
     * @return this.
     */
    public PopulationMix dateFormWeight(final DateForm form, final double weight)
    {
        dateFormWeight[form.ordinal()] = weight;
        return this;
    }

    /**
     * @param changeShare share of addresses whose behaviour changes once, 0..1.
     * @return this.
     */
    public PopulationMix changeShare(final double changeShare)
    {
        this.changeShare = changeShare;
        return this;
    }

    /**
     * @return share of addresses whose behaviour changes once.
     */
    public double changeShare()
    {
        return changeShare;
    }

    /**
     * @param epochNs the population's reference time, ns since 1970: drift ages, reset phases and change times
     *                count from it.
     * @return this.
     */
    public PopulationMix epochNs(final long epochNs)
    {
        this.epochNs = epochNs;
        return this;
    }

    /**
     * @return the reference time, ns since 1970.
     */
    public long epochNs()
    {
        return epochNs;
    }

    /**
     * @param timescale model seconds per true second (1 = real time; 1440 = a day per minute).
     * @return this.
     */
    public PopulationMix timescale(final double timescale)
    {
        this.timescale = timescale;
        return this;
    }

    /**
     * @return model seconds per true second.
     */
    public double timescale()
    {
        return timescale;
    }

    /**
     * @param minPpm smallest |R − 1| of a DRIFT clock, ppm of model time.
     * @param maxPpm largest, ppm.
     * @return this.
     */
    public PopulationMix driftPpm(final double minPpm, final double maxPpm)
    {
        driftPpmMin = minPpm;
        driftPpmMax = maxPpm;
        return this;
    }

    double driftPpmMin()
    {
        return driftPpmMin;
    }

    double driftPpmMax()
    {
        return driftPpmMax;
    }

    /**
     * @param minPpm smallest |R − 1| of a RESET+DRIFT clock, ppm of model time.
     * @param maxPpm largest, ppm.
     * @return this.
     */
    public PopulationMix resetPpm(final double minPpm, final double maxPpm)
    {
        resetPpmMin = minPpm;
        resetPpmMax = maxPpm;
        return this;
    }

    double resetPpmMin()
    {
        return resetPpmMin;
    }

    double resetPpmMax()
    {
        return resetPpmMax;
    }

    /**
     * @param minNs shortest mean interval between resets, ns of model time.
     * @param maxNs longest, ns.
     * @return this.
     */
    public PopulationMix resetPeriodNs(final long minNs, final long maxNs)
    {
        resetPeriodMinNs = minNs;
        resetPeriodMaxNs = maxNs;
        return this;
    }

    long resetPeriodMinNs()
    {
        return resetPeriodMinNs;
    }

    long resetPeriodMaxNs()
    {
        return resetPeriodMaxNs;
    }

    /**
     * @param periodicShare share of RESET+DRIFT clocks that reset at a fixed period (the rest jitter ±45%).
     * @return this.
     */
    public PopulationMix periodicShare(final double periodicShare)
    {
        this.periodicShare = periodicShare;
        return this;
    }

    double periodicShare()
    {
        return periodicShare;
    }

    /**
     * @param fromNs earliest behaviour change after the epoch, ns of model time.
     * @param toNs   latest, ns of model time.
     * @return this.
     */
    public PopulationMix changeWindowNs(final long fromNs, final long toNs)
    {
        changeFromNs = fromNs;
        changeToNs = toNs;
        return this;
    }

    long changeFromNs()
    {
        return changeFromNs;
    }

    long changeToNs()
    {
        return changeToNs;
    }
}
