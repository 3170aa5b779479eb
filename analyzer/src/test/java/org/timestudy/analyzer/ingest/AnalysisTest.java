package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analyze pipeline end to end on real files: a journal written through the real appender, compacted by the
 * real compactor into Parquet, read back series by series through DuckDB, classified, and the analysis tables read
 * back through DuckDB.
 */
class AnalysisTest
{
    private static final int A1 = 0xC000_0201;
    private static final int A2 = A1 + 1;
    private static final int A3 = A1 + 2;
    private static final int A4 = A1 + 3;
    private static final int A5 = A1 + 4;
    private static final int A6 = A1 + 5;
    private static final int A7 = A1 + 6;
    private static final int A8 = A1 + 7;
    private static final int A9 = A1 + 8;
    private static final long STUCK_AT_NS = 1_463_189_906_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldClassifyEveryHostOfACompactedJournal() throws Exception
    {
        final Path dataset = compactedSurvey();
        final Analysis.Report report = new Analysis(new Analysis.Context().dataset(dataset)).run();

        assertThat(report.series()).isEqualTo(9);
        assertThat(report.rows()).isEqualTo(9 * 48);
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            final Map<String, String> verdicts = rows(q, "SELECT address, class || coalesce(' [' || sub_tags || ']', " +
                "'') || coalesce(' ' || tags, '') || ' changes=' || changes FROM verdicts ORDER BY address_int");
            assertThat(verdicts).containsExactly(
                Map.entry("192.0.2.1", "SYNCED changes=0"),
                Map.entry("192.0.2.2", "OFFSET [TZ] changes=0"),
                Map.entry("192.0.2.3", "DRIFT changes=0"),
                Map.entry("192.0.2.4", "STUCK changes=0"),
                Map.entry("192.0.2.5", "INSUFFICIENT KOD(RATE) changes=0"),
                Map.entry("192.0.2.6", "SYNCED UNSYNC changes=0"),
                Map.entry("192.0.2.7", "OFFSET changes=1"),
                Map.entry("192.0.2.8", "INSUFFICIENT UNREACHABLE changes=0"),
                Map.entry("192.0.2.9", "SYNCED changes=0"));
            final Map<String, String> numbers = rows(q, "SELECT address, round(offset_s, 2) || ' ' || " +
                "round(rate_ppm, 1) || ' ' || points || ' ' || samples FROM verdicts WHERE offset_s IS NOT NULL " +
                "AND class IN ('OFFSET', 'DRIFT') ORDER BY address_int");
            // DRIFT: 2 s + 50 ppm over the 47 h from the first round to the last.
            assertThat(numbers).containsExactly(
                Map.entry("192.0.2.2", "3600.0 0.0 48 48"),
                Map.entry("192.0.2.3", String.format("%.2f", 2 + 50e-6 * 47 * 3600) + " 50.0 48 48"),
                Map.entry("192.0.2.7", "30.0 0.0 48 48"));
            assertThat(rows(q, "SELECT address, class_before || ' -> ' || class_after || ' ' || round(step_s) || " +
                "' ' || step || ' ' || (abs(epoch_ns(time) - " + (ClockJournal.START_NS + 24 * ClockJournal.HOUR_NS +
                ClockJournal.HOUR_NS / 2) + ") < " + ClockJournal.HOUR_NS + ") " +
                "FROM changes")).containsExactly(Map.entry("192.0.2.7", "SYNCED -> OFFSET 30.0 true true"));
            assertThat(rows(q, "SELECT address, class || ' ' || (last_reset IS NOT NULL) FROM verdicts " +
                "WHERE class = 'DRIFT'")).containsExactly(Map.entry("192.0.2.3", "DRIFT true"));
            assertThat(rows(q, "SELECT address, (offset_s IS NULL) || ' ' || priority FROM verdicts " +
                "WHERE address IN ('192.0.2.5', '192.0.2.8')")).containsExactly(
                Map.entry("192.0.2.5", "true 0.25"), Map.entry("192.0.2.8", "true 0.5"));
            assertThat(rows(q, "SELECT 'n', count(*) FROM components")).containsExactly(Map.entry("n", "0"));
        }
        final String summary = print(report);
        assertThat(summary).contains("SYNCED", "<= 0.1 s", "192.0.2.4", "changes: 1 in 1 series");
    }

    @Test
    void shouldReadEverySeriesOnceWhetherInOnePassOrSeveral()
    {
        final Path dataset = compactedSurvey();
        final Map<String, String> once = series(dataset, 1);
        final Map<String, String> thrice = series(dataset, 3);

        assertThat(once).hasSize(9);
        assertThat(thrice).isEqualTo(once);
        assertThat(SeriesReader.bytes("512MB")).isEqualTo(512_000_000L);
        assertThat(SeriesReader.bytes("1.5GiB")).isEqualTo(1_610_612_736L);
        assertThatThrownBy(() -> SeriesReader.bytes("lots")).hasMessageContaining("must look like 512MB");
    }

    private Map<String, String> series(final Path dataset, final int passes)
    {
        final Map<String, String> out = new java.util.TreeMap<>();
        final org.timestudy.analyzer.clock.SeriesBuffer buffer = new org.timestudy.analyzer.clock.SeriesBuffer(8);
        try (SeriesReader r = SeriesReader.open(dataset, "256MB", dir.resolve("spill"), passes))
        {
            assertThat(r.passes()).isEqualTo(passes);
            while (r.next(buffer))
            {
                long sum = 0;
                for (int i = 0; i < buffer.count(); i++)
                {
                    sum += buffer.offsetNs(i) ^ buffer.trueNs(i) ^ buffer.status(i);
                }
                assertThat(out.put(r.address() + "/" + r.probe(), buffer.count() + " " + sum)).isNull();
            }
            assertThat(r.rows()).isEqualTo(9 * 48);
        }
        assertThat(dir.resolve("spill")).doesNotExist();
        return out;
    }

    @Test
    void shouldReplaceThePreviousAnalysisWhenRunAgain() throws Exception
    {
        final Path dataset = compactedSurvey();
        final Analysis.Report first = new Analysis(new Analysis.Context().dataset(dataset)).run();
        final Analysis.Report second = new Analysis(new Analysis.Context().dataset(dataset)
            .classifier(new ClassifierConfig().minSamples(100))).run();

        assertThat(second.manifest().run()).isNotEqualTo(first.manifest().run());
        for (final Table t : Table.values())
        {
            if (t.analysis())
            {
                assertThat(files(dataset.resolve(t.directory()))).as(t.name())
                    .containsExactly(AnalysisFiles.fileName(second.manifest().run()));
            }
        }
        assertThat(files(dataset.resolve(Table.ANALYSIS_DIRECTORY))).containsExactlyInAnyOrder(
            AnalysisManifest.FILE_NAME, AnalysisFiles.LOCK_FILE, "verdicts", "changes", "components", "name_groups",
            "reference_servers", "method_pairs");
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            // minSamples 100 > 48 points: everything but the stuck clock is INSUFFICIENT now.
            assertThat(rows(q, "SELECT class, count(*) FROM verdicts GROUP BY class ORDER BY class"))
                .containsExactly(Map.entry("INSUFFICIENT", "8"), Map.entry("STUCK", "1"));
        }
    }

    @Test
    void shouldCompareTheAddressesBehindANameAndFindWrongReferenceServers() throws Exception
    {
        final Path dataset = compactedSurvey();
        final Path names = Files.writeString(dir.resolve("names.tsv"), String.join("\n",
            "# name\tstatus\tfamily\taddress\towner\tcnames\tttl_s\tallowed\tdetail",
            "pool.example\tOK\t4\t192.0.2.1\tpool.example\t-\t60\tyes\t-",
            "pool.example\tOK\t4\t192.0.2.9\tpool.example\t-\t60\tyes\t-",
            "mixed.example\tOK\t4\t192.0.2.1\treal.example\treal.example\t60\tyes\t-",
            "mixed.example\tOK\t4\t192.0.2.2\treal.example\treal.example\t60\tyes\t-",
            "single.example\tOK\t4\t192.0.2.3\tsingle.example\t-\t60\tyes\t-",
            "gone.example\tNXDOMAIN\t-\t-\t-\t-\t-\t-\tno such name", ""));
        final Path references = Files.writeString(dir.resolve("references.txt"),
            "# server stratum\n192.0.2.2 1\n192.0.2.1 2\nmixed.example 2   # both of them\n192.0.2.99 1\n" +
            "192.0.2.6 1\n");
        final Analysis.Report report = new Analysis(new Analysis.Context().dataset(dataset).namesFile(names)
            .referencesFile(references)).run();
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            assertThat(rows(q, "SELECT name, probe || ' ' || members || ' ' || agree || ' ' || " +
                "coalesce(cnames, '-') || ' ' || coalesce(disagreeing, '-') || ' ' || round(spread_s) " +
                "FROM name_groups ORDER BY name")).containsExactly(
                Map.entry("mixed.example", "ntp 2 false real.example 192.0.2.2 3600.0"),
                Map.entry("pool.example", "ntp 2 true - - 0.0"));
            assertThat(rows(q, "SELECT address || ' ' || listed_stratum || ' ' || coalesce(name, '-'), status || " +
                "' ' || coalesce(class, '-') FROM reference_servers")).containsExactly(
                Map.entry("192.0.2.2 1 -", "WRONG OFFSET"),
                Map.entry("192.0.2.1 2 -", "OK SYNCED"),
                Map.entry("192.0.2.1 2 mixed.example", "OK SYNCED"),
                Map.entry("192.0.2.2 2 mixed.example", "WRONG OFFSET"),
                Map.entry("192.0.2.99 1 -", "NOT_OBSERVED -"),
                Map.entry("192.0.2.6 1 -", "UNSYNCHRONISED SYNCED"));
        }
        assertThat(print(report)).contains("names: 2 compared, 1 agree, 0 with fewer than two measured, 1 disagree",
            "mixed.example (ntp)", "reference servers: NOT_OBSERVED 1 OK 2 UNSYNCHRONISED 1 WRONG 2");
    }

    @Test
    void shouldReadHttpObservationsOnceTheDatasetHasThem() throws Exception
    {
        final Path dataset = compactedSurvey();
        writeHttpObservations(dataset);
        final Analysis.Report report = new Analysis(new Analysis.Context().dataset(dataset)).run();

        assertThat(report.series()).isEqualTo(9 + 5);
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            assertThat(rows(q, "SELECT address, method || ' ' || class || coalesce(' [' || sub_tags || ']', '') || " +
                "coalesce(' ' || tags, '') || ' ' || points FROM verdicts WHERE probe = 'http' ORDER BY address_int"))
                .containsExactly(
                    Map.entry("192.0.2.1", "http SYNCED 48"),
                    Map.entry("192.0.2.2", "http OFFSET [TZ] 48"),
                    Map.entry("192.0.2.50", "http-boundary SYNCED 48"),
                    Map.entry("192.0.2.51", "http INSUFFICIENT NO-DATE 0"),
                    Map.entry("192.0.2.52", "http INSUFFICIENT 0"));
            assertThat(rows(q, "SELECT address, ntp_class || ' ' || http_class || ' ' || agree || ' ' || " +
                "(abs(difference_s) < 0.6) FROM method_pairs ORDER BY address_int")).containsExactly(
                Map.entry("192.0.2.1", "SYNCED SYNCED true true"),
                Map.entry("192.0.2.2", "OFFSET OFFSET true true"));
        }
        assertThat(print(report)).contains("NTP against HTTP: 2 addresses with both, 2 compared, 2 agree");
    }

    /**
     * HTTP rows as the HTTP compaction writes them (HttpColumn's names and types, those the analysis reads), written
     * by DuckDB into observations/probe=http: 48 hourly naive Dates of a synced and of an hour-ahead server, the
     * final records of 48 precision-mode connections, responses without a Date, timeouts, and an IPv6 server.
     */
    private static void writeHttpObservations(final Path dataset) throws SQLException, java.io.IOException
    {
        final Path dir = Files.createDirectories(dataset.resolve("observations/probe=http/date=2026-11-27"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
            java.sql.Statement s = c.createStatement())
        {
            s.execute("CREATE TABLE h (address VARCHAR, address_int UINTEGER, t1 TIMESTAMP_NS, t4 TIMESTAMP_NS, " +
                "offset_s DOUBLE, offset_error_s DOUBLE, delay_s DOUBLE, http_mode VARCHAR, outcome VARCHAR, " +
                "date_time TIMESTAMPTZ, cached BOOLEAN, precision_final BOOLEAN, inconsistent BOOLEAN)");
            for (int r = 0; r < 48; r++)
            {
                // Requests at scattered phases of the second, as a survey's are.
                final long t1 = ClockJournal.START_NS + r * ClockJournal.HOUR_NS + (r * 618_033_989L) % 1_000_000_000L;
                final long t4 = t1 + 40_000_000L;
                for (final int[] host : new int[][] {{A1, 0}, {A2, 3600}})
                {
                    final long dateS = Math.floorDiv(t1 + 20_000_000L, 1_000_000_000L) + host[1];
                    s.execute(String.format("INSERT INTO h VALUES ('%s', %d, make_timestamp_ns(%d), " +
                        "make_timestamp_ns(%d), NULL, NULL, 0.04, 'naive', 'response', to_timestamp(%d), false, " +
                        "false, false)", org.timestudy.targets.address.Ipv4.format(host[0]),
                        Integer.toUnsignedLong(host[0]), t1, t4, dateS));
                }
                for (int k = 0; k < 3; k++)
                {
                    s.execute(String.format("INSERT INTO h VALUES ('192.0.2.50', %d, make_timestamp_ns(%d), " +
                        "make_timestamp_ns(%d), 0.002, 0.012, 0.02, 'precision', 'response', to_timestamp(%d), " +
                        "false, %b, false)", Integer.toUnsignedLong(A1 + 49), t1 + k * 300_000_000L,
                        t1 + k * 300_000_000L + 20_000_000L, t1 / 1_000_000_000L, k == 2));
                }
                s.execute(String.format("INSERT INTO h VALUES ('192.0.2.51', %d, make_timestamp_ns(%d), " +
                    "make_timestamp_ns(%d), NULL, NULL, 0.04, 'naive', 'response', NULL, false, false, false)",
                    Integer.toUnsignedLong(A1 + 50), t1, t4));
                s.execute(String.format("INSERT INTO h VALUES ('192.0.2.52', %d, make_timestamp_ns(%d), " +
                    "make_timestamp_ns(%d), NULL, NULL, NULL, 'naive', 'connect timeout', NULL, false, false, " +
                    "false)", Integer.toUnsignedLong(A1 + 51), t1, t1 + 5_000_000_000L));
                s.execute(String.format("INSERT INTO h VALUES ('2001:db8::1', NULL, make_timestamp_ns(%d), " +
                    "make_timestamp_ns(%d), 0.0, 0.52, 0.04, 'naive', 'response', to_timestamp(%d), false, false, " +
                    "false)", t1, t4, t1 / 1_000_000_000L));
            }
            s.execute("COPY h TO '" + dir.resolve("part-http.parquet") + "' (FORMAT parquet)");
        }
    }

    @Test
    void shouldSayWhatIsMissingForNoDatasetNoObservationsOrNoAnalysis() throws Exception
    {
        final Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> new Analysis(new Analysis.Context().dataset(missing)).run())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no dataset at " + missing);

        final Path journal = dir.resolve("scan-events-only");
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_START, 1,
                ClockJournal.START_NS, "{}"));
        }
        final Path empty = dir.resolve("empty");
        new Compactor(new Compactor.Context().journalDir(journal).datasetDir(empty)).run();
        assertThatThrownBy(() -> new Analysis(new Analysis.Context().dataset(empty)).run())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no observations yet");
        assertThat(empty.resolve(Table.ANALYSIS_DIRECTORY)).doesNotExist();

        try (DatasetQuery q = DatasetQuery.open(compactedSurvey()))
        {
            assertThat(q.analysis()).isNull();
            assertThatThrownBy(() -> q.execute("SELECT count(*) FROM verdicts")).isInstanceOf(SQLException.class)
                .hasMessageContaining("no analysis in").hasMessageContaining("./timestudy analyze");
        }
        assertThatThrownBy(() -> new Analysis(new Analysis.Context().dataset(dir.resolve("survey"))
            .referencesFile(Files.writeString(dir.resolve("refs"), "unknown.example 1\n"))).run())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'unknown.example' is a name without");
    }

    private Path compactedSurvey()
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("survey");
        if (Files.exists(dataset))
        {
            return dataset;
        }
        final long hour = ClockJournal.HOUR_NS;
        new ClockJournal()
            .add(ClockJournal.Host.offset(A1, 0.0002))
            .add(ClockJournal.Host.offset(A2, 3600))
            .add(new ClockJournal.Host(A3, 2, 50, Long.MAX_VALUE, 0, 0, ClockJournal.Kind.NORMAL))
            .add(new ClockJournal.Host(A4, 0, 0, Long.MAX_VALUE, 0, STUCK_AT_NS, ClockJournal.Kind.NORMAL))
            .add(ClockJournal.Host.offset(A5, 0).answering(ClockJournal.Kind.KOD_RATE))
            .add(ClockJournal.Host.offset(A6, -0.0003).answering(ClockJournal.Kind.UNSYNC))
            .add(new ClockJournal.Host(A7, 0.0001, 0, ClockJournal.START_NS + 24 * hour + hour / 2, 30, 0,
                ClockJournal.Kind.NORMAL))
            .add(ClockJournal.Host.offset(A8, 0).answering(ClockJournal.Kind.UNREACHABLE))
            .add(ClockJournal.Host.offset(A9, 0.0004))
            .write(journal, 48, hour, 5);
        new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)).run();
        return dataset;
    }

    private static Map<String, String> rows(final DatasetQuery q, final String sql) throws SQLException
    {
        final Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = q.execute(sql))
        {
            while (rs.next())
            {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static List<String> files(final Path directory) throws Exception
    {
        final List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(directory))
        {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    private static String print(final Analysis.Report report)
    {
        final StringWriter sw = new StringWriter();
        report.summary().print(new PrintWriter(sw));
        return sw.toString();
    }

}
