package org.timestudy.analyzer.classify;

import java.util.concurrent.TimeUnit;

/**
 * Settings of a {@link Classifier}, gathered through fluent accessors and checked once by {@link #conclude()}. The
 * defaults follow SCIENCE.md §3; the lab, whose behaviours are accelerated and whose runs last minutes, lowers
 * {@link #minSpanNs(long)} (and says so in what it reports).
 */
public final class ClassifierConfig
{
    /** Default fewest points for a class other than INSUFFICIENT (STUCK needs only 3). */
    public static final int MIN_SAMPLES_DEFAULT = 10;
    /** Default shortest span for a class other than INSUFFICIENT, ns: 24 h. */
    public static final long MIN_SPAN_NS_DEFAULT = TimeUnit.HOURS.toNanos(24);
    /** Default burst window, ns: samples within 30 s of a burst's first form one point. */
    public static final long BURST_WINDOW_NS_DEFAULT = TimeUnit.SECONDS.toNanos(30);
    /** Default share of samples within max(u, τ) for SYNCED. */
    public static final double SYNCED_FRACTION_DEFAULT = 0.95;
    /** Default PELT penalty per change, in units of ln n. */
    public static final double PENALTY_FACTOR_DEFAULT = 6;
    /** Default fewest points in a segment other than the first and the last (which may have one). */
    public static final int MIN_SEGMENT_POINTS_DEFAULT = 2;
    /** Default CUSUM k, standard deviations. */
    public static final double CUSUM_DRIFT_DEFAULT = 0.5;
    /** Default CUSUM h of the online detector, standard deviations. */
    public static final double CUSUM_THRESHOLD_DEFAULT = 5;
    /**
     * Default CUSUM h of the segmentation's one-segment fast path, standard deviations. A step of Δσ lasting m
     * samples alarms when m(Δ − 0.5) &gt; 8: a 9σ step at once, 2.1σ within 5 samples, 1.5σ within 8. Short
     * steps PELT alone would take (m·Δ² &gt; 6 ln n) are found a sample or two later; in exchange most steady series
     * (96% of synced NTP ones in the benchmark, against 77% at h = 5) skip PELT's O(n²).
     */
    public static final double SEGMENT_CUSUM_THRESHOLD_DEFAULT = 8;
    /** Default most components tried for MULTI-CLOCK. */
    public static final int MIXTURE_MAX_COMPONENTS_DEFAULT = 3;
    /** Default ΔBIC a mixture must gain over one clock. */
    public static final double MIXTURE_MIN_BIC_GAIN_DEFAULT = 10;
    /** Default Kalman frequency random-walk density A, 1/s. */
    public static final double KALMAN_RANDOM_WALK_DEFAULT = 1e-20;
    /** Default Kalman prior σ of the frequency: 1 s/s, diffuse enough to learn a stuck clock (R = 0) at once. */
    public static final double KALMAN_FREQUENCY_SIGMA_DEFAULT = 1;
    /** Default half-life of the priority boost after a change, ns: 7 days. */
    public static final long CHANGE_HALF_LIFE_NS_DEFAULT = TimeUnit.DAYS.toNanos(7);
    /** Default re-measurement interval at priority 1, ns: 1 h. */
    public static final long MIN_REMEASURE_NS_DEFAULT = TimeUnit.HOURS.toNanos(1);
    /** Default re-measurement interval at priority 0, ns: 7 days. */
    public static final long MAX_REMEASURE_NS_DEFAULT = TimeUnit.DAYS.toNanos(7);

    private int minSamples = MIN_SAMPLES_DEFAULT;
    private long minSpanNs = MIN_SPAN_NS_DEFAULT;
    private long burstWindowNs = BURST_WINDOW_NS_DEFAULT;
    private double syncedFraction = SYNCED_FRACTION_DEFAULT;
    private double penaltyFactor = PENALTY_FACTOR_DEFAULT;
    private int minSegmentPoints = MIN_SEGMENT_POINTS_DEFAULT;
    private double cusumDrift = CUSUM_DRIFT_DEFAULT;
    private double cusumThreshold = CUSUM_THRESHOLD_DEFAULT;
    private double segmentCusumThreshold = SEGMENT_CUSUM_THRESHOLD_DEFAULT;
    private int mixtureMaxComponents = MIXTURE_MAX_COMPONENTS_DEFAULT;
    private double mixtureMinBicGain = MIXTURE_MIN_BIC_GAIN_DEFAULT;
    private double kalmanRandomWalk = KALMAN_RANDOM_WALK_DEFAULT;
    private double kalmanFrequencySigma = KALMAN_FREQUENCY_SIGMA_DEFAULT;
    private long changeHalfLifeNs = CHANGE_HALF_LIFE_NS_DEFAULT;
    private long minRemeasureNs = MIN_REMEASURE_NS_DEFAULT;
    private long maxRemeasureNs = MAX_REMEASURE_NS_DEFAULT;
    private boolean concluded;

    /**
     * Checks ranges; call once before use (the classifier does).
     *
     * @return this.
     * @throws IllegalArgumentException when a setting is out of range.
     */
    public ClassifierConfig conclude()
    {
        require(minSamples >= 1, "minSamples must be >= 1");
        require(minSpanNs >= 0, "minSpanNs must be >= 0");
        require(burstWindowNs >= 0, "burstWindowNs must be >= 0");
        require(syncedFraction > 0 && syncedFraction <= 1, "syncedFraction must be in (0, 1]");
        require(penaltyFactor > 0, "penaltyFactor must be > 0");
        require(minSegmentPoints >= 2, "minSegmentPoints must be >= 2");
        require(cusumDrift >= 0 && cusumThreshold > 0 && segmentCusumThreshold > 0,
            "CUSUM k must be >= 0 and h > 0");
        require(mixtureMaxComponents >= 1 && mixtureMaxComponents <= 4, "mixtureMaxComponents must be in 1..4");
        require(mixtureMinBicGain >= 0, "mixtureMinBicGain must be >= 0");
        require(kalmanRandomWalk >= 0 && kalmanFrequencySigma > 0, "Kalman A must be >= 0, frequency sigma > 0");
        require(changeHalfLifeNs > 0, "changeHalfLifeNs must be > 0");
        require(minRemeasureNs > 0 && maxRemeasureNs >= minRemeasureNs, "need 0 < minRemeasureNs <= maxRemeasureNs");
        concluded = true;
        return this;
    }

    /**
     * @return a new, unconcluded config with the same settings.
     */
    public ClassifierConfig copy()
    {
        return new ClassifierConfig()
            .minSamples(minSamples)
            .minSpanNs(minSpanNs)
            .burstWindowNs(burstWindowNs)
            .syncedFraction(syncedFraction)
            .penaltyFactor(penaltyFactor)
            .minSegmentPoints(minSegmentPoints)
            .cusumDrift(cusumDrift)
            .cusumThreshold(cusumThreshold)
            .segmentCusumThreshold(segmentCusumThreshold)
            .mixtureMaxComponents(mixtureMaxComponents)
            .mixtureMinBicGain(mixtureMinBicGain)
            .kalmanRandomWalk(kalmanRandomWalk)
            .kalmanFrequencySigma(kalmanFrequencySigma)
            .changeHalfLifeNs(changeHalfLifeNs)
            .minRemeasureNs(minRemeasureNs)
            .maxRemeasureNs(maxRemeasureNs);
    }

    /**
     * @return true once {@link #conclude()} has passed.
     */
    public boolean concluded()
    {
        return concluded;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param minSamples fewest points for a class other than INSUFFICIENT.
     * @return this.
     */
    public ClassifierConfig minSamples(final int minSamples)
    {
        this.minSamples = minSamples;
        return this;
    }

    /**
     * @return fewest points for a class other than INSUFFICIENT.
     */
    public int minSamples()
    {
        return minSamples;
    }

    /**
     * @param minSpanNs shortest span for a class other than INSUFFICIENT, ns.
     * @return this.
     */
    public ClassifierConfig minSpanNs(final long minSpanNs)
    {
        this.minSpanNs = minSpanNs;
        return this;
    }

    /**
     * @return shortest span for a class other than INSUFFICIENT, ns.
     */
    public long minSpanNs()
    {
        return minSpanNs;
    }

    /**
     * @param burstWindowNs samples within this of a burst's first sample form one point, ns.
     * @return this.
     */
    public ClassifierConfig burstWindowNs(final long burstWindowNs)
    {
        this.burstWindowNs = burstWindowNs;
        return this;
    }

    /**
     * @return the burst window, ns.
     */
    public long burstWindowNs()
    {
        return burstWindowNs;
    }

    /**
     * @param syncedFraction share of samples within max(u, τ) for SYNCED.
     * @return this.
     */
    public ClassifierConfig syncedFraction(final double syncedFraction)
    {
        this.syncedFraction = syncedFraction;
        return this;
    }

    /**
     * @return share of samples within max(u, τ) for SYNCED.
     */
    public double syncedFraction()
    {
        return syncedFraction;
    }

    /**
     * @param penaltyFactor PELT penalty per change in units of ln n.
     * @return this.
     */
    public ClassifierConfig penaltyFactor(final double penaltyFactor)
    {
        this.penaltyFactor = penaltyFactor;
        return this;
    }

    /**
     * @return PELT penalty per change in units of ln n.
     */
    public double penaltyFactor()
    {
        return penaltyFactor;
    }

    /**
     * @param minSegmentPoints fewest points in a segment.
     * @return this.
     */
    public ClassifierConfig minSegmentPoints(final int minSegmentPoints)
    {
        this.minSegmentPoints = minSegmentPoints;
        return this;
    }

    /**
     * @return fewest points in a segment.
     */
    public int minSegmentPoints()
    {
        return minSegmentPoints;
    }

    /**
     * @param cusumDrift CUSUM k, standard deviations.
     * @return this.
     */
    public ClassifierConfig cusumDrift(final double cusumDrift)
    {
        this.cusumDrift = cusumDrift;
        return this;
    }

    /**
     * @return CUSUM k, standard deviations.
     */
    public double cusumDrift()
    {
        return cusumDrift;
    }

    /**
     * @param cusumThreshold CUSUM h, standard deviations.
     * @return this.
     */
    public ClassifierConfig cusumThreshold(final double cusumThreshold)
    {
        this.cusumThreshold = cusumThreshold;
        return this;
    }

    /**
     * @return CUSUM h, standard deviations.
     */
    public double cusumThreshold()
    {
        return cusumThreshold;
    }

    /**
     * @param segmentCusumThreshold CUSUM h of the segmentation's fast path, standard deviations.
     * @return this.
     */
    public ClassifierConfig segmentCusumThreshold(final double segmentCusumThreshold)
    {
        this.segmentCusumThreshold = segmentCusumThreshold;
        return this;
    }

    /**
     * @return CUSUM h of the segmentation's fast path, standard deviations.
     */
    public double segmentCusumThreshold()
    {
        return segmentCusumThreshold;
    }

    /**
     * @param mixtureMaxComponents most clocks tried behind one address (1 turns MULTI-CLOCK off).
     * @return this.
     */
    public ClassifierConfig mixtureMaxComponents(final int mixtureMaxComponents)
    {
        this.mixtureMaxComponents = mixtureMaxComponents;
        return this;
    }

    /**
     * @return most clocks tried behind one address.
     */
    public int mixtureMaxComponents()
    {
        return mixtureMaxComponents;
    }

    /**
     * @param mixtureMinBicGain ΔBIC a mixture must gain over one clock.
     * @return this.
     */
    public ClassifierConfig mixtureMinBicGain(final double mixtureMinBicGain)
    {
        this.mixtureMinBicGain = mixtureMinBicGain;
        return this;
    }

    /**
     * @return ΔBIC a mixture must gain over one clock.
     */
    public double mixtureMinBicGain()
    {
        return mixtureMinBicGain;
    }

    /**
     * @param kalmanRandomWalk Kalman frequency random-walk density A, 1/s.
     * @return this.
     */
    public ClassifierConfig kalmanRandomWalk(final double kalmanRandomWalk)
    {
        this.kalmanRandomWalk = kalmanRandomWalk;
        return this;
    }

    /**
     * @return Kalman frequency random-walk density A, 1/s.
     */
    public double kalmanRandomWalk()
    {
        return kalmanRandomWalk;
    }

    /**
     * @param kalmanFrequencySigma Kalman prior σ of the frequency, s/s.
     * @return this.
     */
    public ClassifierConfig kalmanFrequencySigma(final double kalmanFrequencySigma)
    {
        this.kalmanFrequencySigma = kalmanFrequencySigma;
        return this;
    }

    /**
     * @return Kalman prior σ of the frequency, s/s.
     */
    public double kalmanFrequencySigma()
    {
        return kalmanFrequencySigma;
    }

    /**
     * @param changeHalfLifeNs half-life of the priority boost after a change, ns.
     * @return this.
     */
    public ClassifierConfig changeHalfLifeNs(final long changeHalfLifeNs)
    {
        this.changeHalfLifeNs = changeHalfLifeNs;
        return this;
    }

    /**
     * @return half-life of the priority boost after a change, ns.
     */
    public long changeHalfLifeNs()
    {
        return changeHalfLifeNs;
    }

    /**
     * @param minRemeasureNs re-measurement interval at priority 1, ns.
     * @return this.
     */
    public ClassifierConfig minRemeasureNs(final long minRemeasureNs)
    {
        this.minRemeasureNs = minRemeasureNs;
        return this;
    }

    /**
     * @return re-measurement interval at priority 1, ns.
     */
    public long minRemeasureNs()
    {
        return minRemeasureNs;
    }

    /**
     * @param maxRemeasureNs re-measurement interval at priority 0, ns.
     * @return this.
     */
    public ClassifierConfig maxRemeasureNs(final long maxRemeasureNs)
    {
        this.maxRemeasureNs = maxRemeasureNs;
        return this;
    }

    /**
     * @return re-measurement interval at priority 0, ns.
     */
    public long maxRemeasureNs()
    {
        return maxRemeasureNs;
    }
}
