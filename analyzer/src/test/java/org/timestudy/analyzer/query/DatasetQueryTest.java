package org.timestudy.analyzer.query;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.analyzer.ingest.SurveyJournal;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetQueryTest
{
    private static final long T0 = SurveyJournal.START_EPOCH_NS;

    @TempDir
    Path dir;

    @Test
    void shouldShowTheLatestObservationOfEachHostAndOneRowPerScan() throws Exception
    {
        final Path dataset = compact(journalOfTwoHosts());
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            assertThat(text(q, "SELECT address, round(offset_s, 3) AS o FROM latest ORDER BY address",
                ResultFormat.CSV))
                .isEqualTo("address,o\r\n192.0.2.1,2.0\r\n192.0.2.2,-3600.0\r\n");
            assertThat(text(q, "SELECT scan_id, epoch_ns(started) AS s, epoch_ns(ended) AS e, parameters, counters " +
                "FROM scans", ResultFormat.JSON)).isEqualTo(
                "[\n{\"scan_id\":5,\"s\":" + T0 + ",\"e\":" + (T0 + 100) + ",\"parameters\":\"{\\\"rate\\\":10}\"," +
                "\"counters\":\"{\\\"sent\\\":3}\"}\n]\n");
            assertThat(text(q, "SELECT count(*) AS n FROM unreachable", ResultFormat.CSV)).isEqualTo("n\r\n0\r\n");
        }
    }

    @Test
    void shouldPrintATableWithNumbersRightAlignedAndSayWhatItLeftOut() throws Exception
    {
        final Path dataset = compact(journalOfTwoHosts());
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            final StringWriter sw = new StringWriter();
            new ResultPrinter(ResultFormat.TABLE, 2).print(q.execute(
                "SELECT address, stratum, refid, offset_s FROM observations ORDER BY t4"), new PrintWriter(sw));
            assertThat(sw.toString()).isEqualTo(
                "address    stratum  refid    offset_s\n" +
                "---------  -------  -------  --------\n" +
                "192.0.2.1        1  GPS           1.0\n" +
                "192.0.2.2        2  8.8.8.8   -3600.0\n" +
                "(3 rows, 2 shown: use --max-rows, --csv or --json for all)\n");
        }
    }

    @Test
    void shouldRunEveryExampleQuery() throws Exception
    {
        final Path journal = dir.resolve("journal");
        SurveyJournal.write(journal, 21, 5_000);
        try (ChronicleQueue queue = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(queue))
        {
            final long date = T0 / 1_000_000_000L + 90;
            final org.timestudy.journal.HttpResponseFlyweight h = new org.timestudy.journal.HttpResponseFlyweight()
                .wrap(a.buffer(), 0).header(21).ipv4(0xC000_0209).targetPort(80).sourcePort(40000).t1EpochNs(T0)
                .t4EpochNs(T0 + 1_000_000).dateEpochSec(date)
                .offsetLowNs(org.timestudy.http.HttpOffset.lowNs(date, T0 + 1_000_000))
                .offsetHighNs(org.timestudy.http.HttpOffset.highNs(date, T0)).status(200)
                .dateForm(org.timestudy.http.HttpDateForm.IMF_FIXDATE.code());
            a.append(h.text(org.timestudy.journal.HttpText.NAME, "www.example.test").finish());
        }
        final Path dataset = compact(journal);
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            for (final ExampleQueries.Example e : ExampleQueries.ALL)
            {
                try (ResultSet rs = q.execute(e.sql()))
                {
                    assertThat(rs.next()).as(e.name()).isTrue();
                }
            }
        }
        assertThat(ExampleQueries.text()).contains("-- offset-bands:", "-- strata:", "-- off-by-1s:");
    }

    @Test
    void shouldRefuseADirectoryThatIsNotADataset()
    {
        assertThatThrownBy(() -> DatasetQuery.open(dir)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no dataset at");
    }

    private Path journalOfTwoHosts()
    {
        final Path journal = dir.resolve("journal");
        try (ChronicleQueue queue = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(queue))
        {
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_START, 5, T0,
                "{\"rate\":10}"));
            reply(a, 0xC000_0201, T0 + 1_000_000_000L, 1_000_000_000L, 1, NtpFields.ascii("GPS"));
            reply(a, 0xC000_0202, T0 + 2_000_000_000L, -3_600_000_000_000L, 2, 0x0808_0808);
            reply(a, 0xC000_0201, T0 + 3_000_000_000L, 2_000_000_000L, 1, NtpFields.ascii("GPS"));
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_END, 5, T0 + 100,
                "{\"sent\":3}"));
        }
        return journal;
    }

    private static void reply(
        final JournalAppender a, final int address, final long t4, final long offsetNs, final int stratum,
        final int refid)
    {
        final long t1 = t4 - 20_000_000;
        new NtpReplyFlyweight().wrap(a.buffer(), 0).header(5).targetAddress(address).targetPort(123).sourcePort(5000)
            .t1EpochNs(t1).t4EpochNs(t4).firstByte(NtpFields.firstByte(0, 4, 4)).stratum(stratum).poll(6)
            .precision(-20).refid(refid).receiveTimestamp(NtpTime.fromEpochNs(t1 + 10_000_000 + offsetNs))
            .transmitTimestamp(NtpTime.fromEpochNs(t1 + 10_000_000 + offsetNs)).originTimestamp(1).payloadLength(48);
        a.append(NtpReplyFlyweight.LENGTH);
    }

    private Path compact(final Path journal)
    {
        final Path dataset = dir.resolve("dataset");
        new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)).run();
        return dataset;
    }

    private static String text(final DatasetQuery q, final String sql, final ResultFormat format) throws Exception
    {
        final StringWriter sw = new StringWriter();
        new ResultPrinter(format, 100).print(q.execute(sql), new PrintWriter(sw));
        return sw.toString();
    }
}
