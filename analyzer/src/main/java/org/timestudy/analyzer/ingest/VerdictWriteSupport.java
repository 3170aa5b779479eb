package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.timestudy.analyzer.classify.SubTag;
import org.timestudy.analyzer.classify.Tag;
import org.timestudy.analyzer.classify.Verdict;

import static org.timestudy.analyzer.ingest.VerdictColumn.*;

/**
 * Writes one verdict per row of {@link Table#VERDICTS}.
 */
final class VerdictWriteSupport extends RowWriteSupport<SeriesRow>
{
    private static final double NANOS = 1e9;

    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];

    VerdictWriteSupport(final String runId)
    {
        super(Table.VERDICTS, AnalysisFiles.RUN_KEY, runId);
    }

    /** {@inheritDoc} */
    @Override
    public void write(final SeriesRow s)
    {
        final Verdict v = s.verdict;
        row.text(PROBE, s.probe);
        row.address(ADDRESS, s.address, addressText);
        row.int32(ADDRESS_INT, s.address);
        row.binary(METHOD, Binary.fromString(v.method().label()));
        row.binary(CLASS, Binary.fromString(v.clockClass().label()));
        if (v.subTags() != 0)
        {
            row.text(SUB_TAGS, SubTag.format(v.subTags()));
        }
        if (v.tags() != 0)
        {
            row.text(TAGS, Tag.format(v.tags(), v.kodCode()));
        }
        if (v.hasOffset())
        {
            row.float64(OFFSET_S, v.offsetNs() / NANOS);
            row.float64(OFFSET_UNCERTAINTY_S, v.offsetUncertaintyNs() / NANOS);
            row.int64(OFFSET_AT, v.offsetAtNs());
            row.float64(RATE_PPM, v.rateMinusOnePpm());
            row.float64(RATE_SIGMA_PPM, v.rateSigmaPpm());
            row.float64(RESIDUAL_SIGMA_S, v.residualSigmaS());
        }
        if (v.hasLastReset())
        {
            row.int64(LAST_RESET, v.lastResetNs());
        }
        if (v.periodNs() > 0)
        {
            row.float64(PERIOD_S, v.periodNs() / NANOS);
        }
        row.int32(CHANGES, v.changes().size());
        row.int32(COMPONENTS, v.components().size());
        row.float64(PRIORITY, v.priority());
        row.float64(REMEASURE_AFTER_S, s.remeasureAfterNs / NANOS);
        row.int32(SAMPLES, v.samples());
        row.int32(MEASUREMENTS, v.measurements());
        row.int32(POINTS, v.points());
        row.int64(FIRST_SAMPLE, v.firstNs());
        row.int64(LAST_SAMPLE, v.lastNs());
        row.float64(SPAN_S, v.spanNs() / NANOS);
        row.endRow();
    }
}
