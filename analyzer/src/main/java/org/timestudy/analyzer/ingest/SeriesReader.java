package org.timestudy.analyzer.ingest;

import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.SampleStatus;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.ntp.NtpTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads a dataset's observations one series at a time: every row of one (address, probe type), in time order,
 * into a {@link SeriesBuffer}. DuckDB sorts the rows by (address, probe type, T4) and the result is streamed; when the
 * rows would not sort within the memory limit, they are read in several passes, each holding the addresses of one
 * residue class (address mod passes), so memory stays bounded by the limit plus one series whatever the dataset's
 * size. Every series of an address (NTP and HTTP) comes in the same pass, one after the other.
 * <p>
 * Every probe type's rows are first normalised by SQL to one shape (address, probe, kind, t1, t4, a, b, precision,
 * flags, code); {@link #fill} turns each kind into the matching {@link SeriesBuffer} call. NTP replies become
 * exchanges of their four timestamps (T2 and T3 converted back to the NTP format, so the arithmetic stays in
 * {@link NtpTime}), Kiss-o'-Death replies KOD samples with their code, unsynchronised replies UNSYNC samples, ICMP
 * unreachables UNREACHABLE samples of the probe type their port says. Replies without T1 (our outgoing frame was not
 * captured) carry no offset and are counted, not added; replies with a zero T2 or T3 are added as INVALID.
 * <p>
 * HTTP observations (observations/probe=http), once a dataset has them, join as another SELECT of the same shape:
 * kind {@link #KIND_HTTP_DATE} with the Date in {@code a} (naive: [D − t4, D + 1 − t1]), {@link #KIND_HTTP_BOUNDARY}
 * with the bracketed offset and its bound (precision mode), {@link #KIND_NO_MEASUREMENT} for responses without a
 * Date and failures.
 */
public final class SeriesReader implements AutoCloseable
{
    /** Probe types of series, by the ordinal the SQL gives them. */
    public static final String[] PROBES = {"ntp", "http"};
    /** Probe ordinal of NTP series. */
    public static final int PROBE_NTP = 0;
    /** Probe ordinal of HTTP series. */
    public static final int PROBE_HTTP = 1;

    static final int KIND_NTP = 0;
    static final int KIND_UNREACHABLE = 1;
    static final int KIND_HTTP_DATE = 2;
    static final int KIND_HTTP_BOUNDARY = 3;
    static final int KIND_NO_MEASUREMENT = 4;
    static final int FLAG_KOD = 1;
    static final int FLAG_UNSYNC = 2;
    static final int FLAG_CACHED = 4;
    static final int FLAG_NO_DATE = 8;
    static final int FLAG_UNREACHABLE = 16;
    static final int FLAG_SILENT = 32;

    private static final String NTP_PORT = "123";
    /** Bytes a row takes in DuckDB's sort, generously (ten 8-byte columns, keys and bookkeeping). */
    private static final long SORT_BYTES_PER_ROW = 160;
    /** Share of the memory limit one pass's sort may fill. */
    private static final double SORT_MEMORY_SHARE = 0.4;
    private static final String NTP_ROWS =
        "SELECT address_int, " + PROBE_NTP + " AS probe, " + KIND_NTP + " AS kind, epoch_ns(t1) AS t1, " +
        "epoch_ns(t4) AS t4, epoch_ns(t2) AS a, epoch_ns(t3) AS b, precision, " +
        "(CASE WHEN kiss_of_death THEN " + FLAG_KOD + " ELSE 0 END) + " +
        "(CASE WHEN unsynchronised THEN " + FLAG_UNSYNC + " ELSE 0 END) AS flags, refid_raw AS code " +
        "FROM observations WHERE probe = 'ntp'";
    private static final String UNREACHABLE_ROWS =
        "SELECT address_int, CASE WHEN port = " + NTP_PORT + " THEN " + PROBE_NTP + " ELSE " + PROBE_HTTP +
        " END, " + KIND_UNREACHABLE + ", epoch_ns(t1), epoch_ns(t4), NULL, NULL, 0, 0, 0 FROM unreachable";
    /**
     * HTTP observations (columns of analyzer's HttpColumn): the final record of a precision-mode connection is a
     * boundary-timed offset with its bound; any other record with a Date is a naive Date (a: the Date in seconds);
     * the rest are samples without a measurement: a response without a Date, an unreachable, or silence (every
     * other failure). IPv6 and unresolved names have no address_int and no IPv4 series.
     */
    private static final String HTTP_ROWS =
        "SELECT address_int, " + PROBE_HTTP + ", CASE " +
        "WHEN http_mode = 'precision' AND precision_final AND NOT inconsistent AND offset_s IS NOT NULL THEN " +
        KIND_HTTP_BOUNDARY + " WHEN date_time IS NOT NULL THEN " + KIND_HTTP_DATE + " ELSE " +
        KIND_NO_MEASUREMENT + " END, epoch_ns(t1), epoch_ns(t4), " +
        "CASE WHEN http_mode = 'precision' AND precision_final AND NOT inconsistent AND offset_s IS NOT NULL " +
        "THEN CAST(round(offset_s * 1e9) AS BIGINT) ELSE CAST(floor(epoch_ms(date_time) / 1000) AS BIGINT) END, " +
        "CAST(round(offset_error_s * 1e9) AS BIGINT), 0, " +
        "CASE WHEN date_time IS NOT NULL THEN (CASE WHEN cached THEN " + FLAG_CACHED + " ELSE 0 END) " +
        "WHEN outcome = 'response' THEN " + FLAG_NO_DATE + " WHEN outcome = 'unreachable' THEN " +
        FLAG_UNREACHABLE + " ELSE " + FLAG_SILENT + " END, 0 " +
        "FROM observations WHERE probe = 'http' AND address_int IS NOT NULL " +
        "AND (http_mode IS DISTINCT FROM 'precision' OR precision_final)";
    private static final String ORDER = " WHERE address_int % ? = ? ORDER BY address_int, probe, t4";

    private final DatasetQuery query;
    private final String rowsSql;
    private final Path tempDirectory;
    private final int passes;
    private int pass;
    private ResultSet rows;
    private boolean positioned;
    private boolean exhausted;
    private int address;
    private int probe;
    private long rowsRead;
    private long withoutT1;
    private long series;

    private SeriesReader(final DatasetQuery query, final String rowsSql, final Path tempDirectory, final int passes)
        throws SQLException
    {
        this.query = query;
        this.rowsSql = rowsSql;
        this.tempDirectory = tempDirectory;
        this.passes = passes;
        this.rows = rowsOfPass(0);
    }

    /**
     * Opens a dataset's observations for reading series by series.
     *
     * @param dataset       the dataset directory.
     * @param memoryLimit   DuckDB's memory limit, e.g. "1GB". When the rows would not sort within 40% of it, they
     *                      are read in passes, each sorting the addresses of one residue class (address mod passes).
     * @param tempDirectory where DuckDB may spill (created, and deleted at close).
     * @return the reader, positioned before the first series.
     * @throws IllegalArgumentException when the directory is no dataset or has no observations.
     */
    public static SeriesReader open(final Path dataset, final String memoryLimit, final Path tempDirectory)
    {
        return open(dataset, memoryLimit, tempDirectory, 0);
    }

    /**
     * Opens a dataset's observations for reading in a given number of passes.
     *
     * @param dataset       the dataset directory.
     * @param memoryLimit   DuckDB's memory limit, e.g. "1GB".
     * @param tempDirectory where DuckDB may spill (created, and deleted at close).
     * @param passes        passes over the observations, or 0 to choose from the row count and the memory limit.
     * @return the reader, positioned before the first series.
     * @throws IllegalArgumentException when the directory is no dataset or has no observations.
     */
    static SeriesReader open(final Path dataset, final String memoryLimit, final Path tempDirectory, final int passes)
    {
        final Properties properties = new Properties();
        properties.setProperty(DatasetQuery.STREAM_RESULTS_PROPERTY, "true");
        final DatasetQuery query = DatasetQuery.open(dataset, properties);
        try
        {
            final boolean http = hasHttpObservations(query);
            final long rows;
            try (ResultSet rs = query.execute("SELECT (SELECT count(*) FROM observations WHERE probe IN ('ntp'" +
                (http ? ", 'http'" : "") + ")) + (SELECT count(*) FROM unreachable)"))
            {
                rs.next();
                rows = rs.getLong(1);
            }
            if (rows == 0)
            {
                throw new IllegalArgumentException("dataset " + dataset + " has no observations yet: compact the " +
                    "journal of a scan that got replies into it first");
            }
            final long limitBytes = bytes(memoryLimit);
            final int chosen = passes > 0 ? passes : (int)Math.max(1, Math.min(1 << 16,
                Math.ceil(rows * (double)SORT_BYTES_PER_ROW / (limitBytes * SORT_MEMORY_SHARE))));
            Files.createDirectories(tempDirectory);
            try (Statement s = query.connection().createStatement())
            {
                s.execute("SET memory_limit = '" + limitBytes + "B'");
                s.execute("SET temp_directory = '" + tempDirectory.toAbsolutePath().toString().replace("'", "''") +
                    "'");
            }
            final String sql = "SELECT * FROM (" + NTP_ROWS + " UNION ALL " + UNREACHABLE_ROWS +
                (http ? " UNION ALL " + HTTP_ROWS : "") + ")" + ORDER;
            return new SeriesReader(query, sql, tempDirectory, chosen);
        }
        catch (final SQLException ex)
        {
            close(query, tempDirectory);
            throw new IllegalArgumentException("cannot read the observations of " + dataset + ": " + ex.getMessage() +
                hint(ex), ex);
        }
        catch (final IOException ex)
        {
            close(query, tempDirectory);
            throw new UncheckedIOException(ex);
        }
        catch (final RuntimeException ex)
        {
            close(query, tempDirectory);
            throw ex;
        }
    }

    /**
     * @param text a size such as "512MB", "2GB", "1.5GiB".
     * @return it in bytes.
     * @throws IllegalArgumentException when it is not one.
     */
    public static long bytes(final String text)
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(i?)B")
            .matcher(text.trim());
        if (!m.matches())
        {
            throw new IllegalArgumentException("memory limit must look like 512MB or 2GB, not '" + text + "'");
        }
        final double base = m.group(3).isEmpty() ? 1000 : 1024;
        final int power = "KMGT".indexOf(m.group(2)) + 1;
        return (long)(Double.parseDouble(m.group(1)) * Math.pow(base, power));
    }

    /**
     * @return passes over the observations (1 when they sort within the memory limit at once).
     */
    public int passes()
    {
        return passes;
    }

    /**
     * Reads the next series.
     *
     * @param out receives its samples (reset first).
     * @return false when every series has been read.
     */
    public boolean next(final SeriesBuffer out)
    {
        out.reset();
        try
        {
            if (exhausted || (!positioned && !advance()))
            {
                exhausted = true;
                return false;
            }
            address = (int)rows.getLong(1);
            probe = rows.getInt(2);
            series++;
            do
            {
                fill(out);
                if (!advance())
                {
                    exhausted = true;
                    break;
                }
            }
            while ((int)rows.getLong(1) == address && rows.getInt(2) == probe);
            positioned = !exhausted;
            return true;
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("reading observations failed: " + ex.getMessage() + hint(ex), ex);
        }
    }

    /**
     * @return address of the series last read (IPv4 as an int).
     */
    public int address()
    {
        return address;
    }

    /**
     * @return probe ordinal of the series last read ({@link #PROBE_NTP}, {@link #PROBE_HTTP}).
     */
    public int probe()
    {
        return probe;
    }

    /**
     * @return observation rows read so far.
     */
    public long rows()
    {
        return rowsRead;
    }

    /**
     * @return replies skipped because T1 was not captured (no offset without it).
     */
    public long withoutT1()
    {
        return withoutT1;
    }

    /**
     * @return series read so far.
     */
    public long series()
    {
        return series;
    }

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        close(query, tempDirectory);
    }

    private boolean advance() throws SQLException
    {
        while (true)
        {
            if (rows.next())
            {
                rowsRead++;
                return true;
            }
            if (pass + 1 >= passes)
            {
                return false;
            }
            rows.close();
            rows = rowsOfPass(++pass);
        }
    }

    private ResultSet rowsOfPass(final int p) throws SQLException
    {
        final java.sql.PreparedStatement s = query.connection().prepareStatement(rowsSql);
        s.closeOnCompletion();
        s.setLong(1, passes);
        s.setLong(2, p);
        return s.executeQuery();
    }

    /**
     * HTTP observations join once there are any: the observations view then has their columns.
     */
    private static boolean hasHttpObservations(final DatasetQuery query) throws SQLException
    {
        try (ResultSet rs = query.execute("SELECT count(*) FROM information_schema.columns " +
            "WHERE table_name = 'observations' AND column_name = 'http_mode'"))
        {
            rs.next();
            if (rs.getLong(1) == 0)
            {
                return false;
            }
        }
        try (ResultSet rs = query.execute("SELECT count(*) FROM observations WHERE probe = 'http'"))
        {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String hint(final SQLException ex)
    {
        // DuckDB's streaming results report running out of memory only as an "Invalid result set".
        final String m = String.valueOf(ex.getMessage());
        return m.contains("Invalid result set") || m.contains("Out of Memory") ?
            " (DuckDB probably ran out of memory: raise --memory-limit)" : "";
    }

    private static void close(final DatasetQuery query, final Path tempDirectory)
    {
        query.close();
        deleteTree(tempDirectory);
    }

    private void fill(final SeriesBuffer out) throws SQLException
    {
        final int kind = rows.getInt(3);
        final long t1 = rows.getLong(4);
        final long t4 = rows.getLong(5);
        final int flags = rows.getInt(9);
        final Method method = probe == PROBE_NTP ? Method.NTP : Method.HTTP_NAIVE;
        switch (kind)
        {
            case KIND_NTP ->
            {
                final long t2 = rows.getLong(6);
                final long t3 = rows.getLong(7);
                if ((flags & FLAG_KOD) != 0)
                {
                    out.addNoMeasurement(t4, method, SampleStatus.KOD, (int)rows.getLong(10));
                }
                else if (t1 == 0)
                {
                    withoutT1++;
                }
                else if (t2 == 0 || t3 == 0)
                {
                    out.addNoMeasurement(t4, method, SampleStatus.INVALID, 0);
                }
                else
                {
                    out.addNtpExchange(t1, NtpTime.fromEpochNs(t2), NtpTime.fromEpochNs(t3), t4, rows.getInt(8),
                        (flags & FLAG_UNSYNC) != 0 ? SampleStatus.UNSYNC : SampleStatus.OK);
                }
            }
            case KIND_UNREACHABLE -> out.addNoMeasurement(t4, method, SampleStatus.UNREACHABLE, 0);
            case KIND_HTTP_DATE, KIND_HTTP_BOUNDARY ->
            {
                if (t1 == 0)
                {
                    withoutT1++;
                }
                else if (kind == KIND_HTTP_DATE)
                {
                    out.addHttpDate(t1, t4, rows.getLong(6),
                        (flags & FLAG_CACHED) != 0 ? SampleStatus.CACHED : SampleStatus.OK);
                }
                else
                {
                    out.addHttpBoundary(t1 + ((t4 - t1) >> 1), rows.getLong(6), rows.getLong(7), t4 - t1,
                        SampleStatus.OK);
                }
            }
            default -> out.addNoMeasurement(t4, method, noMeasurementStatus(flags), 0);
        }
    }

    private static int noMeasurementStatus(final int flags)
    {
        if ((flags & FLAG_NO_DATE) != 0)
        {
            return SampleStatus.NO_DATE;
        }
        return (flags & FLAG_UNREACHABLE) != 0 ? SampleStatus.UNREACHABLE : SampleStatus.SILENT;
    }

    private static void deleteTree(final Path root)
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> s = Files.walk(root))
        {
            for (final Path p : (Iterable<Path>)s.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
