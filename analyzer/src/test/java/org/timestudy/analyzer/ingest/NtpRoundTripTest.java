package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.journal.IcmpUnreachableFlyweight;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every record type, written to a real journal, compacted, and read back through DuckDB JDBC from the
 * Parquet files, equals the journal's value (or its documented decoding).
 */
class NtpRoundTripTest
{
    private static final long T0 = SurveyJournal.START_EPOCH_NS;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryNtpFieldThroughDuckDb() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            final NtpReplyFlyweight r = new NtpReplyFlyweight();
            // Edge cases: unsigned extremes, every flag, each refid kind, zero (unknown) NTP timestamps, era 1.
            r.wrap(a.buffer(), 0).header(Long.MIN_VALUE).targetAddress(0xFFFF_FFFF).targetPort(65535).sourcePort(0)
                .t1EpochNs(T0).t4EpochNs(T0 + 30_000_000).firstByte(0xFF).stratum(255).poll(-128).precision(127)
                .rootDelay(0xFFFF_FFFF).rootDispersion(0x8000_0000).refid(0xC0A8_0001).referenceTimestamp(-1L)
                .originTimestamp(Long.MIN_VALUE).receiveTimestamp(1L).transmitTimestamp(Long.MAX_VALUE)
                .flags(0xFFFF & ~RecordFlags.T1_MISSING).probeIndex(255).ttl(255).payloadLength(65535);
            a.append(NtpReplyFlyweight.LENGTH);
            r.wrap(a.buffer(), 0).header(7).targetAddress(0x0A00_0001).targetPort(123).sourcePort(40000)
                .t1EpochNs(0).t4EpochNs(T0 + 1).firstByte(NtpFields.firstByte(0, 4, 4)).stratum(0).poll(6)
                .precision(-20).rootDelay(0).rootDispersion(0).refid(NtpFields.KISS_RATE).referenceTimestamp(0)
                .originTimestamp(0).receiveTimestamp(0).transmitTimestamp(0)
                .flags(RecordFlags.T1_MISSING | RecordFlags.KISS_OF_DEATH).probeIndex(0).ttl(0).payloadLength(48);
            a.append(NtpReplyFlyweight.LENGTH);
            r.wrap(a.buffer(), 0).header(7).targetAddress(0x8000_0000).targetPort(123).sourcePort(1)
                .t1EpochNs(T0 + 2).t4EpochNs(T0 + 86_400_000_000_000L).firstByte(NtpFields.firstByte(0, 4, 4))
                .stratum(1).poll(10).precision(-25).rootDelay(0).rootDispersion(0x10)
                .refid(NtpFields.ascii("GPS")).referenceTimestamp(NtpTime.fromEpochNs(2_200_000_000_000_000_000L))
                .originTimestamp(NtpTime.fromEpochNs(T0 + 2)).receiveTimestamp(NtpTime.fromEpochNs(T0 - 3_600e9 > 0 ?
                T0 - 3_600_000_000_000L : 1)).transmitTimestamp(NtpTime.fromEpochNs(T0 - 3_599_999_990_000L))
                .flags(RecordFlags.T1_FROM_CAPTURE).probeIndex(1).ttl(64).payloadLength(48);
            a.append(NtpReplyFlyweight.LENGTH);
            r.wrap(a.buffer(), 0).header(7).targetAddress(0x0101_0101).targetPort(123).sourcePort(2)
                .t1EpochNs(T0 + 3).t4EpochNs(T0 + 40_000_003).firstByte(NtpFields.firstByte(3, 3, 4)).stratum(16)
                .poll(3).precision(-6).rootDelay(1).rootDispersion(65536).refid(0).referenceTimestamp(0)
                .originTimestamp(1).receiveTimestamp(NtpTime.fromEpochNs(T0 - 10 * 365L * 86_400_000_000_000L))
                .transmitTimestamp(NtpTime.fromEpochNs(T0 - 10 * 365L * 86_400_000_000_000L + 1000))
                .flags(RecordFlags.UNSYNCHRONISED).probeIndex(2).ttl(1).payloadLength(120);
            a.append(NtpReplyFlyweight.LENGTH);
            final SurveyJournal survey = new SurveyJournal(7, 3000, 20_000);
            survey.appendScanStart(a);
            for (int i = 0; i < 20_000; i++)
            {
                survey.appendNext(a);
            }
            survey.appendScanEnd(a, 20_000);
        }

        final Compactor.Report report = new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)
            .rowGroupRows(4096)).run();

        final Map<Long, byte[]> expected = ntpRecords(journal);
        assertThat(report.counts().ntp()).isEqualTo(expected.size());
        try (Connection c = DatasetAssertions.open(dataset, Table.NTP_OBSERVATIONS); Statement s = c.createStatement())
        {
            final StringBuilder select = new StringBuilder("SELECT ");
            for (final NtpColumn col : NtpColumn.values())
            {
                select.append(col.type() == ColumnType.TIMESTAMP_NS ? "epoch_ns(" + col.columnName() + ")" :
                    col.columnName()).append(", ");
            }
            select.append("probe, date FROM t ORDER BY journal_index");
            int rows = 0;
            try (ResultSet rs = s.executeQuery(select.toString()))
            {
                while (rs.next())
                {
                    final long index = rs.getLong(NtpColumn.JOURNAL_INDEX.ordinal() + 1);
                    final byte[] bytes = expected.get(index);
                    assertThat(bytes).as("row for journal index %x", index).isNotNull();
                    final NtpReplyFlyweight f = new NtpReplyFlyweight().wrap(new UnsafeBuffer(bytes), 0);
                    for (final NtpColumn col : NtpColumn.values())
                    {
                        final Object actual = rs.getObject(col.ordinal() + 1);
                        assertThat(normalise(actual)).as("%s of record %x", col.columnName(), index)
                            .isEqualTo(expectedValue(col, f, index));
                    }
                    assertThat(rs.getString(NtpColumn.values().length + 1)).isEqualTo("ntp");
                    assertThat(rs.getObject(NtpColumn.values().length + 2)).isEqualTo(
                        LocalDate.ofInstant(Instant.ofEpochSecond(0, f.t4EpochNs()), ZoneOffset.UTC));
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(expected.size());
            assertColumnTypes(s, NtpColumn.values());
        }
    }

    @Test
    void shouldReadBackEveryUnreachableAndScanEventField() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_START, 42, T0,
                "{\"rate\":1000,\"targets\":[\"198.19.0.0/16\"],\"name\":\"caf\u00e9\"}"));
            new IcmpUnreachableFlyweight().wrap(a.buffer(), 0).header(42).targetAddress(0xFFFF_FFFE).targetPort(123)
                .sourcePort(65535).t1EpochNs(T0 + 5).t4EpochNs(T0 + 90_000_000).reporterAddress(0xC612_0001)
                .icmpType(3).icmpCode(13).probeIndex(255).ttl(250);
            a.append(IcmpUnreachableFlyweight.LENGTH);
            new IcmpUnreachableFlyweight().wrap(a.buffer(), 0).header(42).targetAddress(1).targetPort(1)
                .sourcePort(2).t1EpochNs(0).t4EpochNs(T0 + 86_400_000_000_000L).reporterAddress(0)
                .icmpType(3).icmpCode(3).probeIndex(0).ttl(0);
            a.append(IcmpUnreachableFlyweight.LENGTH);
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_END, 42, T0 + 9,
                "{\"sent\":2}"));
        }

        final Compactor.Report report = new Compactor(new Compactor.Context().journalDir(journal)
            .datasetDir(dataset)).run();

        assertThat(report.counts().unreachable()).isEqualTo(2);
        assertThat(report.counts().scanEvents()).isEqualTo(2);
        try (Connection c = DatasetAssertions.open(dataset, Table.UNREACHABLE); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT scan_id, probe_index, address, address_int, port, source_port, " +
                "epoch_ns(t1), epoch_ns(t4), reporter, reporter_int, icmp_type, icmp_code, ttl, date FROM t " +
                "ORDER BY journal_index"))
        {
            assertThat(rs.next()).isTrue();
            assertThat(row(rs)).containsExactly(42L, 255L, "255.255.255.254", 0xFFFF_FFFEL, 123L, 65535L, T0 + 5,
                T0 + 90_000_000, "198.18.0.1", 0xC612_0001L, 3L, 13L, 250L, LocalDate.of(2026, 11, 27));
            assertThat(rs.next()).isTrue();
            assertThat(row(rs)).containsExactly(42L, 0L, "0.0.0.1", 1L, 1L, 2L, null, T0 + 86_400_000_000_000L,
                "0.0.0.0", 0L, 3L, 3L, 0L, LocalDate.of(2026, 11, 28));
            assertThat(rs.next()).isFalse();
            assertColumnTypes(s, UnreachableColumn.values());
        }
        try (Connection c = DatasetAssertions.open(dataset, Table.SCAN_EVENTS); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(
                "SELECT scan_id, event, epoch_ns(time), json::VARCHAR FROM t ORDER BY journal_index"))
        {
            assertThat(rs.next()).isTrue();
            assertThat(row(rs)).containsExactly(42L, "start", T0,
                "{\"rate\":1000,\"targets\":[\"198.19.0.0/16\"],\"name\":\"caf\u00e9\"}");
            assertThat(rs.next()).isTrue();
            assertThat(row(rs)).containsExactly(42L, "end", T0 + 9, "{\"sent\":2}");
            assertThat(rs.next()).isFalse();
            assertColumnTypes(s, ScanEventColumn.values());
        }
    }

    private static List<Object> row(final ResultSet rs) throws Exception
    {
        final List<Object> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
        {
            values.add(normalise(rs.getObject(i)));
        }
        return values;
    }

    private static void assertColumnTypes(final Statement s, final Column[] columns) throws Exception
    {
        try (ResultSet rs = s.executeQuery("SELECT * FROM t LIMIT 0"))
        {
            final ResultSetMetaData md = rs.getMetaData();
            for (final Column c : columns)
            {
                assertThat(md.getColumnLabel(c.ordinal() + 1)).isEqualTo(c.columnName());
                assertThat(md.getColumnTypeName(c.ordinal() + 1)).as(c.columnName())
                    .isEqualTo(c.type().duckDbType());
            }
        }
    }

    private static Object normalise(final Object value)
    {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer)
        {
            return ((Number)value).longValue();
        }
        if (value instanceof java.math.BigInteger b)
        {
            return b.longValueExact();
        }
        return value;
    }

    private static Object expectedValue(final NtpColumn col, final NtpReplyFlyweight f, final long index)
    {
        final boolean t1Known = (f.flags() & RecordFlags.T1_MISSING) == 0 && f.t1EpochNs() != 0;
        final boolean derived = t1Known && f.receiveTimestamp() != 0 && f.transmitTimestamp() != 0;
        return switch (col)
        {
            case SCAN_ID -> f.scanId();
            case JOURNAL_INDEX -> index;
            case PROBE_INDEX -> (long)f.probeIndex();
            case ADDRESS -> NtpFields.refidAddress(f.targetAddress());
            case ADDRESS_INT -> f.targetAddress() & 0xFFFF_FFFFL;
            case PORT -> (long)f.targetPort();
            case SOURCE_PORT -> (long)f.sourcePort();
            case T1 -> t1Known ? f.t1EpochNs() : null;
            case T4 -> f.t4EpochNs();
            case OFFSET_S -> derived ? NtpTime.offsetSecondsFromEpochNs(f.t1EpochNs(), f.receiveTimestamp(),
                f.transmitTimestamp(), f.t4EpochNs()) : null;
            case DELAY_S -> derived ? NtpTime.delaySecondsFromEpochNs(f.t1EpochNs(), f.receiveTimestamp(),
                f.transmitTimestamp(), f.t4EpochNs()) : null;
            case FLAGS -> (long)f.flags();
            case T1_FROM_CAPTURE -> (f.flags() & RecordFlags.T1_FROM_CAPTURE) != 0;
            case T1_MISSING -> (f.flags() & RecordFlags.T1_MISSING) != 0;
            case KISS_OF_DEATH -> (f.flags() & RecordFlags.KISS_OF_DEATH) != 0;
            case UNSYNCHRONISED -> (f.flags() & RecordFlags.UNSYNCHRONISED) != 0;
            case EXTENDED -> (f.flags() & RecordFlags.EXTENDED) != 0;
            case TTL -> (long)f.ttl();
            case LEAP -> (long)NtpFields.leap(f.firstByte());
            case VERSION -> (long)NtpFields.version(f.firstByte());
            case MODE -> (long)NtpFields.mode(f.firstByte());
            case STRATUM -> (long)f.stratum();
            case POLL -> (long)f.poll();
            case PRECISION -> (long)f.precision();
            case ROOT_DELAY_S -> (f.rootDelay() & 0xFFFF_FFFFL) / 65536.0;
            case ROOT_DISPERSION_S -> (f.rootDispersion() & 0xFFFF_FFFFL) / 65536.0;
            case REFID -> NtpFields.refid(f.stratum(), f.refid());
            case REFID_RAW -> f.refid() & 0xFFFF_FFFFL;
            case REFERENCE_TIME -> ntpInstant(f.referenceTimestamp());
            case ORIGIN_TIME -> ntpInstant(f.originTimestamp());
            case T2 -> ntpInstant(f.receiveTimestamp());
            case T3 -> ntpInstant(f.transmitTimestamp());
            case PAYLOAD_LENGTH -> (long)f.payloadLength();
        };
    }

    private static Object ntpInstant(final long raw)
    {
        if (raw == 0)
        {
            return null;
        }
        final long epochNs = NtpTime.toEpochNs(raw);
        // ns keep the NTP value to within half a ns: 2^32 / 1e9 / 2 < 3 fraction units.
        assertThat(Math.abs(NtpTime.fromEpochNs(epochNs) - raw)).isLessThanOrEqualTo(3);
        return epochNs;
    }

    private static Map<Long, byte[]> ntpRecords(final Path journal)
    {
        final Map<Long, byte[]> records = new HashMap<>();
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            while (reader.read((type, buffer, length, index) ->
            {
                if (type == RecordType.NTP_REPLY)
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(0, bytes);
                    records.put(index, bytes);
                }
            }, 1000) > 0)
            {
                // read to the end
            }
        }
        return records;
    }
}
