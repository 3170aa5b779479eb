package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;

import static org.timestudy.analyzer.ingest.ScanEventColumn.*;

/**
 * Writes SCAN_START and SCAN_END records as rows of {@link Table#SCAN_EVENTS}. Not on a hot path.
 */
final class ScanEventWriteSupport extends TableWriteSupport
{
    private static final Binary START = Binary.fromString("start");
    private static final Binary END = Binary.fromString("end");

    private final ScanEventFlyweight event = new ScanEventFlyweight();

    ScanEventWriteSupport(final String journalId)
    {
        super(Table.SCAN_EVENTS, journalId);
    }

    @Override
    void writeRow(final JournalRecord record)
    {
        final ScanEventFlyweight f = event.wrap(record.buffer(), 0);
        row.int64(SCAN_ID, f.scanId());
        row.int64(JOURNAL_INDEX, record.index());
        row.binary(EVENT, f.type() == RecordType.SCAN_START ? START : END);
        row.int64(TIME, f.timeEpochNs());
        row.binary(JSON, Binary.fromString(f.json()));
        row.endRow();
    }
}
