package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.analyzer.ingest.SeriesReader;
import org.timestudy.testbed.truth.GroundTruth;

import java.nio.file.Path;

/**
 * The lab-scan way: the NTP series of a dataset compacted from a real lab scan, read back through the analyzer's own
 * {@link SeriesReader} (the path {@code ./timestudy analyze} takes), for every address the lab's truth covers.
 */
public final class LabSource implements ObservationSource, AutoCloseable
{
    private final SeriesReader reader;
    private final GroundTruth truth;

    /**
     * @param dataset a dataset compacted from a lab scan.
     * @param truth   the lab's truth.
     */
    public LabSource(final Path dataset, final GroundTruth truth)
    {
        this.reader = SeriesReader.open(dataset, "512MB", dataset.resolve(".lab-source-spill"));
        this.truth = truth;
    }

    @Override
    public String name()
    {
        return "lab scans, ntp";
    }

    @Override
    public boolean next(final SeriesBuffer out, final Observation observation)
    {
        while (reader.next(out))
        {
            if (reader.probe() != SeriesReader.PROBE_NTP || !truth.knows(reader.address()) || out.count() == 0)
            {
                continue;
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < out.count(); i++)
            {
                first = Math.min(first, out.trueNs(i));
                last = Math.max(last, out.trueNs(i));
            }
            final long intervalNs = out.count() > 1 ? (last - first) / (out.count() - 1) : 0;
            observation.set(reader.address(), Method.NTP, intervalNs, first, last);
            return true;
        }
        return false;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
