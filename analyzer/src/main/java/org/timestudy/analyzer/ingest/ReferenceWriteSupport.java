package org.timestudy.analyzer.ingest;

import org.timestudy.analyzer.classify.Verdict;

import static org.timestudy.analyzer.ingest.ReferenceColumn.*;

/**
 * Writes one listed reference server per row of {@link Table#REFERENCE_SERVERS}.
 */
final class ReferenceWriteSupport extends RowWriteSupport<GroupRows.Reference>
{
    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];

    ReferenceWriteSupport(final String runId)
    {
        super(Table.REFERENCE_SERVERS, AnalysisFiles.RUN_KEY, runId);
    }

    /** {@inheritDoc} */
    @Override
    public void write(final GroupRows.Reference r)
    {
        final Verdict v = r.verdict();
        row.address(ADDRESS, r.address(), addressText);
        row.int32(ADDRESS_INT, r.address());
        row.text(NAME, r.name());
        row.int32(LISTED_STRATUM, r.listedStratum());
        row.text(STATUS, r.status());
        if (v != null)
        {
            row.text(CLASS, v.clockClass().label());
            if (v.hasOffset())
            {
                row.float64(OFFSET_S, v.offsetNs() / 1e9);
                row.float64(OFFSET_UNCERTAINTY_S, v.offsetUncertaintyNs() / 1e9);
            }
        }
        row.endRow();
    }
}
