package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.HttpText;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * HTTP records of every kind (naive and precision responses, a failure, an unresolved name, IPv6, texts with
 * non-ASCII octets), written to a real journal with NTP records beside them, compacted, and read back through DuckDB:
 * every column equals the journal's value or its documented decoding, the types are the documented ones, and the
 * {@code observations} view merges both probes with NTP's columns unchanged.
 */
class HttpRoundTripTest
{
    private static final long T0 = SurveyJournal.START_EPOCH_NS;
    private static final long NANOS = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryHttpColumnThroughDuckDbBesideNtp() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        final long date = T0 / NANOS + 3600;
        final long t1 = T0 + 123_456_789;
        final long t4 = t1 + 2_000_000;
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            final HttpResponseFlyweight w = new HttpResponseFlyweight();
            // 1: a naive response over https, an hour ahead, every text set, Latin-1 octets in Server.
            w.wrap(a.buffer(), 0).header(5).ipv4(0xC613_001E).targetPort(443).sourcePort(40000).t1EpochNs(t1)
                .t4EpochNs(t4).dateEpochSec(date).offsetLowNs(HttpOffset.lowNs(date, t4))
                .offsetHighNs(HttpOffset.highNs(date, t1)).ageSeconds(17).timingErrorNs(HttpTiming.CAPTURE_ERROR_NS)
                .status(200).flags(RecordFlags.T1_FROM_CAPTURE | RecordFlags.HTTP_CACHED)
                .tlsVersion(0x0304).outcome(HttpOutcome.RESPONSE.code()).dateForm(HttpDateForm.IMF_FIXDATE.code())
                .mode(HttpProbeMode.NAIVE.code()).scheme(HttpResponseFlyweight.SCHEME_HTTPS)
                .timing(HttpTiming.CAPTURE.code()).tlsFlags(HttpResponseFlyweight.TLS_CERTIFICATE |
                HttpResponseFlyweight.TLS_SELF_SIGNED | HttpResponseFlyweight.TLS_NAME_MATCH).redirectDepth(1);
            w.text(HttpText.NAME, "www.lab.test").text(HttpText.CNAMES, "edge.lab.test www.lab.test")
                .text(HttpText.PATH, "/timestudy-0123").text(HttpText.DATE, "Fri, 27 Nov 2026 01:00:00 GMT")
                .text(HttpText.AGE, "17").text(HttpText.CACHE_CONTROL, "max-age=60")
                .text(HttpText.SERVER, "caf\u00e9/1.0").text(HttpText.VIA, "1.1 varnish")
                .text(HttpText.CACHE_STATUS, "X-Cache: HIT\nCF-Cache-Status: HIT")
                .text(HttpText.LOCATION, "https://other.lab.test/").text(HttpText.DETAIL, "OK")
                .text(HttpText.HEADERS, "HTTP/1.1 200 OK\r\nDate: Fri, 27 Nov 2026 01:00:00 GMT\r\n\r\n");
            a.append(w.finish());
            // 2: the final record of a precision run over IPv6, a narrow bracket, an RFC 850 Date, no texts but Date.
            final byte[] v6 = {0x20, 0x01, 0x0d, (byte)0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
            w.wrap(a.buffer(), 0).header(5).address(v6).targetPort(80).sourcePort(1).t1EpochNs(t1)
                .t4EpochNs(t4 + NANOS * 86_400).dateEpochSec(date).offsetLowNs(-2_000_000).offsetHighNs(4_000_000)
                .ageSeconds(-1).timingErrorNs(1234).status(404).flags(RecordFlags.HTTP_PRECISION_FINAL |
                RecordFlags.HTTP_WEEKDAY_MISMATCH).outcome(HttpOutcome.RESPONSE.code())
                .dateForm(HttpDateForm.RFC_850.code()).mode(HttpProbeMode.PRECISION.code())
                .scheme(HttpResponseFlyweight.SCHEME_HTTP).timing(HttpTiming.SOCKET.code()).requestIndex(9);
            w.text(HttpText.DATE, "Friday, 27-Nov-26 01:00:00 GMT");
            a.append(w.finish());
            // 3: a failure: connection refused, no T1.
            w.wrap(a.buffer(), 0).header(5).ipv4(0x0A00_0001).targetPort(80).t1EpochNs(0).t4EpochNs(t4)
                .ageSeconds(-1).outcome(HttpOutcome.REFUSED.code()).dateForm(HttpDateForm.MISSING.code())
                .mode(HttpProbeMode.STATELESS.code()).timing(HttpTiming.NONE.code()).ttl(61);
            w.text(HttpText.DETAIL, "Connection refused");
            a.append(w.finish());
            // 4: a name that did not resolve, and an invalid Date kept raw on an inconsistent record.
            w.wrap(a.buffer(), 0).header(5).noAddress().t4EpochNs(t4).ageSeconds(-1)
                .outcome(HttpOutcome.DNS_FAILURE.code()).dateForm(HttpDateForm.INVALID.code())
                .flags(RecordFlags.HTTP_INCONSISTENT).timing(HttpTiming.NONE.code());
            w.text(HttpText.NAME, "nowhere.lab.test").text(HttpText.DATE, "yesterday")
                .text(HttpText.DETAIL, "NXDOMAIN");
            a.append(w.finish());
            new NtpReplyFlyweight().wrap(a.buffer(), 0).header(5).targetAddress(0xC613_000B).targetPort(123)
                .sourcePort(1).t1EpochNs(t1).t4EpochNs(t4).firstByte(0x24).stratum(2).probeIndex(0);
            a.append(NtpReplyFlyweight.LENGTH);
        }

        final Compactor.Report report = new Compactor(new Compactor.Context().journalDir(journal)
            .datasetDir(dataset)).run();
        assertThat(report.counts().http()).isEqualTo(4);
        assertThat(report.counts().ntp()).isEqualTo(1);

        final List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DatasetAssertions.open(dataset, Table.HTTP_OBSERVATIONS); Statement s = c.createStatement())
        {
            assertColumnTypes(s);
            try (ResultSet rs = s.executeQuery("SELECT * REPLACE (epoch_ns(t1) AS t1, epoch_ns(t4) AS t4, " +
                "epoch_ms(date_time) AS date_time) FROM t ORDER BY journal_index"))
            {
                while (rs.next())
                {
                    final Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
                    {
                        row.put(rs.getMetaData().getColumnLabel(i), normalise(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
        }
        assertThat(rows).hasSize(4);

        final Map<String, Object> naive = rows.get(0);
        assertThat(naive).containsEntry("scan_id", 5L).containsEntry("probe_index", 0L)
            .containsEntry("address", "198.19.0.30").containsEntry("address_int", 0xC613_001EL)
            .containsEntry("port", 443L).containsEntry("source_port", 40000L).containsEntry("t1", t1)
            .containsEntry("t4", t4).containsEntry("flags", (long)(RecordFlags.T1_FROM_CAPTURE |
                RecordFlags.HTTP_CACHED)).containsEntry("t1_from_capture", true).containsEntry("t1_missing", false)
            .containsEntry("kiss_of_death", false).containsEntry("ttl", 0L).containsEntry("address_family", 4L)
            .containsEntry("name", "www.lab.test").containsEntry("cnames", "edge.lab.test www.lab.test")
            .containsEntry("scheme", "https").containsEntry("http_mode", "naive").containsEntry("outcome", "response")
            .containsEntry("status", 200L).containsEntry("date_time", date * 1000)
            .containsEntry("date_raw", "Fri, 27 Nov 2026 01:00:00 GMT").containsEntry("date_form", "imf-fixdate")
            .containsEntry("weekday_mismatch", false).containsEntry("age_s", 17L).containsEntry("age", "17")
            .containsEntry("cache_control", "max-age=60").containsEntry("server", "caf\u00e9/1.0")
            .containsEntry("via", "1.1 varnish").containsEntry("cache_status", "X-Cache: HIT\nCF-Cache-Status: HIT")
            .containsEntry("cached", true).containsEntry("location", "https://other.lab.test/")
            .containsEntry("redirect_queued", false).containsEntry("redirect_depth", 1L)
            .containsEntry("path", "/timestudy-0123").containsEntry("detail", "OK")
            .containsEntry("headers", "HTTP/1.1 200 OK\r\nDate: Fri, 27 Nov 2026 01:00:00 GMT\r\n\r\n")
            .containsEntry("headers_truncated", false).containsEntry("precision_final", false)
            .containsEntry("inconsistent", false).containsEntry("timing", "capture")
            .containsEntry("tls_version", "TLSv1.3").containsEntry("tls_certificate", true)
            .containsEntry("tls_trusted", false).containsEntry("tls_name_match", true)
            .containsEntry("tls_expired", false).containsEntry("tls_not_yet_valid", false)
            .containsEntry("tls_self_signed", true).containsEntry("date", LocalDate.of(2026, 11, 27));
        assertThat((double)naive.get("offset_s")).as("D + 0.5 - (T1 + T4)/2, exact to the ns")
            .isCloseTo((2 * date * NANOS + NANOS - (t1 + t4)) / 2e9, within(1e-9));
        assertThat((double)naive.get("offset_error_s")).isCloseTo(0.501, within(1e-12));
        assertThat((double)naive.get("delay_s")).isCloseTo(0.002, within(1e-12));
        assertThat((double)naive.get("timing_error_s")).isCloseTo(HttpTiming.CAPTURE_ERROR_NS / 1e9, within(1e-15));

        final Map<String, Object> precision = rows.get(1);
        assertThat(precision).containsEntry("address", "2001:db8::1").containsEntry("address_int", null)
            .containsEntry("address_family", 6L).containsEntry("probe_index", 9L).containsEntry("status", 404L)
            .containsEntry("http_mode", "precision").containsEntry("date_form", "rfc850")
            .containsEntry("weekday_mismatch", true).containsEntry("precision_final", true)
            .containsEntry("timing", "socket").containsEntry("scheme", "http").containsEntry("tls_version", null)
            .containsEntry("tls_certificate", null).containsEntry("age_s", null).containsEntry("name", null)
            .containsEntry("date", LocalDate.of(2026, 11, 28));
        assertThat((double)precision.get("offset_s")).isCloseTo(0.001, within(1e-12));
        assertThat((double)precision.get("offset_error_s")).isCloseTo(0.003, within(1e-12));

        assertThat(rows.get(2)).containsEntry("outcome", "refused").containsEntry("t1", null)
            .containsEntry("t1_missing", true).containsEntry("status", null).containsEntry("offset_s", null)
            .containsEntry("delay_s", null).containsEntry("date_form", "missing").containsEntry("date_raw", null)
            .containsEntry("http_mode", "stateless").containsEntry("ttl", 61L).containsEntry("timing", "none")
            .containsEntry("detail", "Connection refused").containsEntry("address", "10.0.0.1");

        assertThat(rows.get(3)).containsEntry("outcome", "DNS failure").containsEntry("address", "")
            .containsEntry("address_family", 0L).containsEntry("address_int", null)
            .containsEntry("name", "nowhere.lab.test").containsEntry("date_form", "invalid")
            .containsEntry("date_raw", "yesterday").containsEntry("date_time", null)
            .containsEntry("offset_s", null).containsEntry("inconsistent", true);

        try (DatasetQuery query = DatasetQuery.open(dataset);
            ResultSet rs = query.execute("SELECT probe, count(*), count(stratum), count(date_form), " +
                "typeof(any_value(mode)), typeof(any_value(stratum)) FROM observations GROUP BY probe ORDER BY probe"))
        {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6))).containsExactly("http", 4L, 0L, 4L, "UTINYINT", "UTINYINT");
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .containsExactly("ntp", 1L, 1L, 0L);
        }
        try (DatasetQuery query = DatasetQuery.open(dataset);
            ResultSet rs = query.execute("SELECT count(*) FROM latest WHERE probe = 'http'"))
        {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("one latest row per HTTP address, IPv6 and none included").isEqualTo(4);
        }
    }

    private static void assertColumnTypes(final Statement s) throws Exception
    {
        try (ResultSet rs = s.executeQuery("SELECT * FROM t LIMIT 0"))
        {
            final ResultSetMetaData md = rs.getMetaData();
            for (final HttpColumn c : HttpColumn.values())
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
}
