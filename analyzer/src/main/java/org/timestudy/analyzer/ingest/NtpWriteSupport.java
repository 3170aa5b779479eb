package org.timestudy.analyzer.ingest;

import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;

import static org.timestudy.analyzer.ingest.NtpColumn.*;

/**
 * Writes NTP_REPLY records as rows of {@link Table#NTP_OBSERVATIONS}: raw fields, their decodings (NtpFields), the
 * NTP timestamps as instants and the offset and delay (NtpTime).
 */
final class NtpWriteSupport extends TableWriteSupport
{
    private final NtpReplyFlyweight reply = new NtpReplyFlyweight();
    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];
    private final RefidText refidText = new RefidText();

    NtpWriteSupport(final String journalId)
    {
        super(Table.NTP_OBSERVATIONS, journalId);
    }

    @Override
    void writeRow(final JournalRecord record)
    {
        final NtpReplyFlyweight f = reply.wrap(record.buffer(), 0);
        final RowConsumer row = this.row;
        final int flags = f.flags();
        final long t1EpochNs = f.t1EpochNs();
        final long t4EpochNs = f.t4EpochNs();
        final long t2 = f.receiveTimestamp();
        final long t3 = f.transmitTimestamp();
        final boolean t1Known = (flags & RecordFlags.T1_MISSING) == 0 && t1EpochNs != 0;
        final int address = f.targetAddress();
        final int firstByte = f.firstByte();
        final int stratum = f.stratum();

        row.int64(SCAN_ID, f.scanId());
        row.int64(JOURNAL_INDEX, record.index());
        row.int32(PROBE_INDEX, f.probeIndex());
        row.address(ADDRESS, address, addressText);
        row.int32(ADDRESS_INT, address);
        row.int32(PORT, f.targetPort());
        row.int32(SOURCE_PORT, f.sourcePort());
        if (t1Known)
        {
            row.int64(T1, t1EpochNs);
        }
        row.int64(T4, t4EpochNs);
        if (t1Known && t2 != 0 && t3 != 0)
        {
            final long ntp1 = NtpTime.fromEpochNs(t1EpochNs);
            final long ntp4 = NtpTime.fromEpochNs(t4EpochNs);
            row.float64(OFFSET_S, NtpTime.offsetSeconds(ntp1, t2, t3, ntp4));
            row.float64(DELAY_S, NtpTime.delaySeconds(ntp1, t2, t3, ntp4));
        }
        row.int32(FLAGS, flags);
        row.bool(T1_FROM_CAPTURE, (flags & RecordFlags.T1_FROM_CAPTURE) != 0);
        row.bool(T1_MISSING, (flags & RecordFlags.T1_MISSING) != 0);
        row.bool(KISS_OF_DEATH, (flags & RecordFlags.KISS_OF_DEATH) != 0);
        row.bool(UNSYNCHRONISED, (flags & RecordFlags.UNSYNCHRONISED) != 0);
        row.bool(EXTENDED, (flags & RecordFlags.EXTENDED) != 0);
        row.int32(TTL, f.ttl());
        row.int32(LEAP, NtpFields.leap(firstByte));
        row.int32(VERSION, NtpFields.version(firstByte));
        row.int32(MODE, NtpFields.mode(firstByte));
        row.int32(STRATUM, stratum);
        row.int32(POLL, f.poll());
        row.int32(PRECISION, f.precision());
        row.float64(ROOT_DELAY_S, NtpTime.shortToSeconds(f.rootDelay()));
        row.float64(ROOT_DISPERSION_S, NtpTime.shortToSeconds(f.rootDispersion()));
        final int refid = f.refid();
        refidText.write(row, REFID, stratum, refid);
        row.int32(REFID_RAW, refid);
        ntpTime(REFERENCE_TIME, f.referenceTimestamp());
        ntpTime(ORIGIN_TIME, f.originTimestamp());
        ntpTime(T2, t2);
        ntpTime(T3, t3);
        row.int32(PAYLOAD_LENGTH, f.payloadLength());
        row.endRow();
    }

    private void ntpTime(final NtpColumn column, final long ntp)
    {
        if (ntp != 0)
        {
            row.int64(column, NtpTime.toEpochNs(ntp));
        }
    }
}
