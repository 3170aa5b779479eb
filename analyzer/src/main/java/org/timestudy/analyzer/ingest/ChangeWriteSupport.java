package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.timestudy.analyzer.classify.Change;

import static org.timestudy.analyzer.ingest.ChangeColumn.*;

/**
 * Writes change {@link SeriesRow#index} of a series as one row of {@link Table#CHANGES}.
 */
final class ChangeWriteSupport extends RowWriteSupport<SeriesRow>
{
    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];

    ChangeWriteSupport(final String runId)
    {
        super(Table.CHANGES, AnalysisFiles.RUN_KEY, runId);
    }

    /** {@inheritDoc} */
    @Override
    public void write(final SeriesRow s)
    {
        final Change c = s.verdict.changes().get(s.index);
        row.text(PROBE, s.probe);
        row.address(ADDRESS, s.address, addressText);
        row.int32(ADDRESS_INT, s.address);
        row.int64(TIME, c.timeNs());
        row.binary(CLASS_BEFORE, Binary.fromString(c.before().label()));
        row.binary(CLASS_AFTER, Binary.fromString(c.after().label()));
        row.float64(STEP_S, c.stepNs() / 1e9);
        row.float64(SLOPE_CHANGE_PPM, c.slopeChangePpm());
        row.bool(STEP, c.step());
        row.endRow();
    }
}
