package org.timestudy.analyzer.ingest;

import org.timestudy.journal.IcmpUnreachableFlyweight;

import static org.timestudy.analyzer.ingest.UnreachableColumn.*;

/**
 * Writes ICMP_UNREACHABLE records as rows of {@link Table#UNREACHABLE}.
 */
final class UnreachableWriteSupport extends TableWriteSupport
{
    private final IcmpUnreachableFlyweight icmp = new IcmpUnreachableFlyweight();
    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];

    UnreachableWriteSupport(final String journalId)
    {
        super(Table.UNREACHABLE, journalId);
    }

    @Override
    void writeRow(final JournalRecord record)
    {
        final IcmpUnreachableFlyweight f = icmp.wrap(record.buffer(), 0);
        final int address = f.targetAddress();
        final int reporter = f.reporterAddress();
        final long t1EpochNs = f.t1EpochNs();
        row.int64(SCAN_ID, f.scanId());
        row.int64(JOURNAL_INDEX, record.index());
        row.int32(PROBE_INDEX, f.probeIndex());
        row.address(ADDRESS, address, addressText);
        row.int32(ADDRESS_INT, address);
        row.int32(PORT, f.targetPort());
        row.int32(SOURCE_PORT, f.sourcePort());
        if (t1EpochNs != 0)
        {
            row.int64(T1, t1EpochNs);
        }
        row.int64(T4, f.t4EpochNs());
        row.address(REPORTER, reporter, addressText);
        row.int32(REPORTER_INT, reporter);
        row.int32(ICMP_TYPE, f.icmpType());
        row.int32(ICMP_CODE, f.icmpCode());
        row.int32(TTL, f.ttl());
        row.endRow();
    }
}
