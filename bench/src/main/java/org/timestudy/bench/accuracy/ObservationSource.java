package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.clock.SeriesBuffer;

/**
 * Where the series scored against ground truth come from: one way of the accuracy benchmark. The synthetic way
 * ({@link SyntheticSource}) generates them; the lab-scan way ({@link LabSource}) reads them back from the dataset of
 * repeated lab scans of the simulated Internet, series by series as {@code analyze} does. Both feed the same
 * {@link Scorecard}.
 */
public interface ObservationSource
{
    /**
     * @return the way's name as printed.
     */
    String name();

    /**
     * Fills the next series.
     *
     * @param out         receives the samples (reset first).
     * @param observation receives whose series it is and its schedule.
     * @return false when there are no more series.
     */
    boolean next(SeriesBuffer out, Observation observation);
}
