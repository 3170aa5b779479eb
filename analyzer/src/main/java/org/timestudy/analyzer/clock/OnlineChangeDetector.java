package org.timestudy.analyzer.clock;

/**
 * Online change detection for a series as it arrives: the {@link KalmanClock} predicts each offset, a two-sided
 * {@link Cusum} watches the standardised innovations, and on an alarm the filter restarts from the alarming sample.
 * This is what a survey scheduler can run per host between batch classifications. Allocation-free.
 */
public final class OnlineChangeDetector
{
    private static final int WARM_UP_SAMPLES = 2;

    private final KalmanClock filter;
    private final Cusum cusum;
    private int samplesSinceStart;
    private int alarms;
    private long lastAlarmNs;

    /**
     * @param randomWalk            Kalman frequency random-walk density A, 1/s.
     * @param initialFrequencySigma prior σ of the frequency, s/s.
     * @param cusumDrift            CUSUM k in standard deviations.
     * @param cusumThreshold        CUSUM h in standard deviations.
     */
    public OnlineChangeDetector(
        final double randomWalk,
        final double initialFrequencySigma,
        final double cusumDrift,
        final double cusumThreshold)
    {
        filter = new KalmanClock(randomWalk, initialFrequencySigma);
        cusum = new Cusum(cusumDrift, cusumThreshold);
    }

    /**
     * Forgets the series.
     */
    public void reset()
    {
        filter.reset();
        cusum.reset();
        samplesSinceStart = 0;
        alarms = 0;
        lastAlarmNs = 0;
    }

    /**
     * Feeds one sample in time order.
     *
     * @param trueNs        true time, ns since 1970.
     * @param offsetNs      measured offset, ns.
     * @param uncertaintyNs the sample's uncertainty u, ns.
     * @return true when this sample raises a change alarm.
     */
    public boolean update(final long trueNs, final long offsetNs, final long uncertaintyNs)
    {
        final double z = filter.update(trueNs, offsetNs, uncertaintyNs);
        samplesSinceStart++;
        if (samplesSinceStart <= WARM_UP_SAMPLES)
        {
            return false;
        }
        if (cusum.update(z))
        {
            alarms++;
            lastAlarmNs = trueNs;
            filter.reset();
            filter.update(trueNs, offsetNs, uncertaintyNs);
            samplesSinceStart = 1;
            return true;
        }
        return false;
    }

    /**
     * @return alarms since the last reset.
     */
    public int alarms()
    {
        return alarms;
    }

    /**
     * @return time of the last alarm, ns since 1970 (0 when none).
     */
    public long lastAlarmNs()
    {
        return lastAlarmNs;
    }

    /**
     * @return the filter, for its current offset and frequency estimates.
     */
    public KalmanClock filter()
    {
        return filter;
    }
}
