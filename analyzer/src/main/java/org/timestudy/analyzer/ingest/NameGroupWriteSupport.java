package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.NameGroupColumn.*;

/**
 * Writes one name group per row of {@link Table#NAME_GROUPS}.
 */
final class NameGroupWriteSupport extends RowWriteSupport<GroupRows.NameGroup>
{
    NameGroupWriteSupport(final String runId)
    {
        super(Table.NAME_GROUPS, AnalysisFiles.RUN_KEY, runId);
    }

    /** {@inheritDoc} */
    @Override
    public void write(final GroupRows.NameGroup g)
    {
        row.text(NAME, g.name());
        row.text(CNAMES, g.cnames());
        row.text(PROBE, g.probe());
        row.int32(MEMBERS, g.addresses().length);
        row.int32(MEASURED, g.agreement().measured());
        row.bool(AGREE, g.agreement().agree());
        if (g.agreement().measured() > 0)
        {
            row.float64(MEDIAN_OFFSET_S, g.agreement().medianOffsetNs() / 1e9);
            row.float64(SPREAD_S, g.agreement().spreadNs() / 1e9);
        }
        row.text(ADDRESSES, GroupRows.dotted(g.addresses(), null));
        if (!g.agreement().disagreeing().isEmpty())
        {
            row.text(DISAGREEING, GroupRows.dotted(g.addresses(), g.agreement().disagreeing()));
        }
        row.endRow();
    }
}
