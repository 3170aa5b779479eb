package org.timestudy.analyzer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * HTTP observation rows as the HTTP compaction writes them (HttpColumn's names and types, those the analysis reads),
 * gathered in an in-memory DuckDB and written by it as one Parquet file under {@code observations/probe=http}.
 */
public final class HttpObservations implements AutoCloseable
{
    private final Connection connection;
    private final Statement statement;

    private HttpObservations(final Connection connection, final Statement statement)
    {
        this.connection = connection;
        this.statement = statement;
    }

    /**
     * @return an empty set of rows.
     * @throws SQLException when DuckDB fails.
     */
    public static HttpObservations create() throws SQLException
    {
        final Connection c = DriverManager.getConnection("jdbc:duckdb:");
        final Statement s = c.createStatement();
        s.execute("CREATE TABLE h (address VARCHAR, address_int UINTEGER, t1 TIMESTAMP_NS, t4 TIMESTAMP_NS, " +
            "offset_s DOUBLE, offset_error_s DOUBLE, delay_s DOUBLE, http_mode VARCHAR, outcome VARCHAR, " +
            "date_time TIMESTAMPTZ, cached BOOLEAN, precision_final BOOLEAN, inconsistent BOOLEAN)");
        return new HttpObservations(c, s);
    }

    /**
     * Adds one row (not cached, not inconsistent).
     *
     * @param address        address text.
     * @param addressInt     IPv4 address as an unsigned int, or null (IPv6).
     * @param t1Ns           T1, ns since 1970.
     * @param t4Ns           T4, ns since 1970.
     * @param offsetS        offset_s, or null.
     * @param offsetErrorS   offset_error_s, or null.
     * @param delayS         delay_s, or null.
     * @param mode           http_mode: naive, precision or stateless.
     * @param outcome        outcome: response, or a failure.
     * @param dateS          the Date header, s since 1970, or null.
     * @param precisionFinal the final record of a precision-mode connection.
     * @return this.
     * @throws SQLException when DuckDB fails.
     */
    public HttpObservations add(
        final String address, final Long addressInt, final long t1Ns, final long t4Ns, final Double offsetS,
        final Double offsetErrorS, final Double delayS, final String mode, final String outcome, final Long dateS,
        final boolean precisionFinal) throws SQLException
    {
        statement.execute(String.format(Locale.ROOT, "INSERT INTO h VALUES ('%s', %s, make_timestamp_ns(%d), " +
            "make_timestamp_ns(%d), %s, %s, %s, '%s', '%s', %s, false, %b, false)", address, addressInt, t1Ns, t4Ns,
            offsetS, offsetErrorS, delayS, mode, outcome, dateS == null ? "NULL" : "to_timestamp(" + dateS + ")",
            precisionFinal).replace("null", "NULL"));
        return this;
    }

    /**
     * Writes the rows into a dataset, as {@code observations/probe=http/date=2026-11-27/part-http.parquet}.
     *
     * @param dataset the dataset.
     * @throws SQLException when DuckDB fails.
     * @throws IOException  when the directory cannot be made.
     */
    public void write(final Path dataset) throws SQLException, IOException
    {
        final Path dir = Files.createDirectories(dataset.resolve("observations/probe=http/date=2026-11-27"));
        statement.execute("COPY h TO '" + dir.resolve("part-http.parquet") + "' (FORMAT parquet)");
    }

    @Override
    public void close() throws SQLException
    {
        statement.close();
        connection.close();
    }
}
