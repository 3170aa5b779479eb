package org.timestudy.analyzer.clock;

/**
 * The online estimator: a two-state Kalman filter on (offset, frequency) (SCIENCE.md §2). Transition
 * F = [[1, Δ], [0, 1]], observation H = [1, 0], process noise from a frequency random walk of spectral density A
 * (q11 = AΔ³/3, q12 = AΔ²/2, q22 = AΔ), measurement noise from each sample's uncertainty (u/√3, uniform within its
 * bound). Offsets are held relative to the first sample's offset as a long, so ±68-year offsets keep full precision.
 * Allocation-free; one instance per series being tracked.
 */
public final class KalmanClock
{
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MIN_MEASUREMENT_SIGMA_S = 1e-9;

    private final double randomWalk;
    private final double initialFrequencySigma;

    private boolean started;
    private long referenceOffsetNs;
    private long lastNs;
    private double offsetS;
    private double frequency;
    private double p11;
    private double p12;
    private double p22;
    private double innovationS;
    private double innovationSigmaS;

    /**
     * @param randomWalk            spectral density A of the frequency random walk, 1/s (e.g. 1e-20).
     * @param initialFrequencySigma prior standard deviation of the frequency, s/s (e.g. 1e-4 for ±100 ppm).
     */
    public KalmanClock(final double randomWalk, final double initialFrequencySigma)
    {
        this.randomWalk = randomWalk;
        this.initialFrequencySigma = initialFrequencySigma;
    }

    /**
     * Forgets everything; the next update starts the filter again.
     */
    public void reset()
    {
        started = false;
    }

    /**
     * Feeds one sample.
     *
     * @param trueNs        the sample's true time, ns since 1970; not before the previous sample.
     * @param offsetNs      the measured offset, ns.
     * @param uncertaintyNs the sample's uncertainty u, ns.
     * @return the standardised innovation ν/√S of this sample (0 for the first).
     */
    public double update(final long trueNs, final long offsetNs, final long uncertaintyNs)
    {
        final double r = measurementVariance(uncertaintyNs);
        if (!started)
        {
            started = true;
            referenceOffsetNs = offsetNs;
            lastNs = trueNs;
            offsetS = 0;
            frequency = 0;
            p11 = r;
            p12 = 0;
            p22 = initialFrequencySigma * initialFrequencySigma;
            innovationS = 0;
            innovationSigmaS = Math.sqrt(r);
            return 0;
        }
        final double dt = Math.max(0, (trueNs - lastNs) / NANOS_PER_SECOND);
        lastNs = Math.max(lastNs, trueNs);

        offsetS += frequency * dt;
        final double q11 = randomWalk * dt * dt * dt / 3;
        final double q12 = randomWalk * dt * dt / 2;
        final double q22 = randomWalk * dt;
        final double n11 = p11 + 2 * dt * p12 + dt * dt * p22 + q11;
        final double n12 = p12 + dt * p22 + q12;
        final double n22 = p22 + q22;

        final double y = (offsetNs - referenceOffsetNs) / NANOS_PER_SECOND;
        final double nu = y - offsetS;
        final double s = n11 + r;
        final double k1 = n11 / s;
        final double k2 = n12 / s;
        offsetS += k1 * nu;
        frequency += k2 * nu;
        p11 = (1 - k1) * n11;
        p12 = (1 - k1) * n12;
        p22 = n22 - k2 * n12;
        innovationS = nu;
        innovationSigmaS = Math.sqrt(s);
        return LineFit.finite(nu / innovationSigmaS);
    }

    /**
     * @return true once a sample has been fed since the last reset.
     */
    public boolean started()
    {
        return started;
    }

    /**
     * @return the filtered offset at the last sample, ns.
     */
    public long offsetNs()
    {
        return referenceOffsetNs + (long)Math.max(-4e18, Math.min(4e18, offsetS * NANOS_PER_SECOND));
    }

    /**
     * @return standard uncertainty of the filtered offset, seconds.
     */
    public double offsetSigmaS()
    {
        return Math.sqrt(Math.max(0, p11));
    }

    /**
     * @return the filtered frequency R − 1, s/s.
     */
    public double frequency()
    {
        return LineFit.finite(frequency);
    }

    /**
     * @return standard uncertainty of the frequency, s/s.
     */
    public double frequencySigma()
    {
        return Math.sqrt(Math.max(0, p22));
    }

    /**
     * @return the last innovation (measured minus predicted offset), seconds.
     */
    public double innovationS()
    {
        return innovationS;
    }

    /**
     * @return standard deviation of the last innovation, seconds.
     */
    public double innovationSigmaS()
    {
        return innovationSigmaS;
    }

    private static double measurementVariance(final long uncertaintyNs)
    {
        final double sigma = Math.max(MIN_MEASUREMENT_SIGMA_S, uncertaintyNs / NANOS_PER_SECOND / Math.sqrt(3));
        return sigma * sigma;
    }
}
