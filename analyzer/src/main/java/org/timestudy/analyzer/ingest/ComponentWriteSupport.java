package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.timestudy.analyzer.classify.Component;
import org.timestudy.analyzer.classify.SubTag;

import static org.timestudy.analyzer.ingest.ComponentColumn.*;

/**
 * Writes component {@link SeriesRow#index} of a MULTI-CLOCK series as one row of {@link Table#COMPONENTS}.
 */
final class ComponentWriteSupport extends RowWriteSupport<SeriesRow>
{
    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];

    ComponentWriteSupport(final String runId)
    {
        super(Table.COMPONENTS, AnalysisFiles.RUN_KEY, runId);
    }

    /** {@inheritDoc} */
    @Override
    public void write(final SeriesRow s)
    {
        final Component c = s.verdict.components().get(s.index);
        row.text(PROBE, s.probe);
        row.address(ADDRESS, s.address, addressText);
        row.int32(ADDRESS_INT, s.address);
        row.int32(COMPONENT, s.index);
        row.binary(CLASS, Binary.fromString(c.clockClass().label()));
        if (c.subTags() != 0)
        {
            row.text(SUB_TAGS, SubTag.format(c.subTags()));
        }
        row.float64(SHARE, c.share());
        row.int32(POINTS, c.points());
        row.float64(OFFSET_S, c.offsetNs() / 1e9);
        row.float64(OFFSET_UNCERTAINTY_S, c.offsetUncertaintyNs() / 1e9);
        row.float64(RATE_PPM, c.rateMinusOnePpm());
        row.float64(RATE_SIGMA_PPM, c.rateSigmaPpm());
        row.endRow();
    }
}
