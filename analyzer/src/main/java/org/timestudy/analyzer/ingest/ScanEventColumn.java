package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the scan events table ({@code scans/}): one row per SCAN_START or SCAN_END record. The {@code scans}
 * view of {@code ./timestudy query} joins each scan's two events into one row.
 */
public enum ScanEventColumn implements Column
{
    /** Id of the scan. */
    SCAN_ID(required("scan_id", ColumnType.INT64, DICTIONARY, "", "id of the scan")),
    /** Position of the record in its journal. */
    JOURNAL_INDEX(required("journal_index", ColumnType.INT64, DELTA, "", "Chronicle index of the record")),
    /** Start or end. */
    EVENT(required("event", ColumnType.STRING, DICTIONARY, "", "'start' (parameters) or 'end' (final counters)")),
    /** When. */
    TIME(required("time", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC", "when the scan started or ended")),
    /** The document. */
    JSON(required("json", ColumnType.JSON, DICTIONARY, "",
        "the scan's parameters (start) or final counters (end), as the engine wrote them"));

    private final ColumnSpec spec;

    ScanEventColumn(final ColumnSpec spec)
    {
        this.spec = spec;
    }

    /** {@inheritDoc} */
    @Override
    public ColumnSpec spec()
    {
        return spec;
    }
}
