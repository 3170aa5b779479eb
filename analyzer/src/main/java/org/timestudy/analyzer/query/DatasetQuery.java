package org.timestudy.analyzer.query;

import org.timestudy.analyzer.ingest.AnalysisManifest;
import org.timestudy.analyzer.ingest.Column;
import org.timestudy.analyzer.ingest.Manifest;
import org.timestudy.analyzer.ingest.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An embedded, in-memory DuckDB with views over one dataset's Parquet files. DuckDB reads the files where they are;
 * nothing is loaded or copied. Views:
 * <ul>
 *   <li>{@code observations}: every observation, all probe types, with the partition columns {@code probe} and
 *   {@code date};</li>
 *   <li>{@code latest}: the latest observation (greatest t4) per probe type and host address;</li>
 *   <li>{@code scan_events}: scan start and end events; {@code scans}: one row per scan, start and end joined;</li>
 *   <li>{@code unreachable}: ICMP unreachables quoting our probes;</li>
 *   <li>after {@code ./timestudy analyze}: {@code verdicts}, {@code changes}, {@code components},
 *   {@code name_groups}, {@code reference_servers}, {@code method_pairs}, over the files of the analysis manifest's
 *   run only (a query naming one of them before any analysis fails, saying so).</li>
 * </ul>
 * A table without files yet gets an empty view of the right columns, so queries over it return no rows.
 */
public final class DatasetQuery implements AutoCloseable
{
    /** DuckDB JDBC connection property that streams results instead of materialising them. */
    public static final String STREAM_RESULTS_PROPERTY = "jdbc_stream_results";

    private final Connection connection;
    private final Path dataset;
    private final AnalysisManifest analysis;

    private DatasetQuery(final Connection connection, final Path dataset, final AnalysisManifest analysis)
    {
        this.connection = connection;
        this.dataset = dataset;
        this.analysis = analysis;
    }

    /**
     * Opens DuckDB over a dataset.
     *
     * @param dataset the dataset directory (written by {@code compact}).
     * @return the query engine; close it when done.
     * @throws IllegalArgumentException when the directory is not a dataset.
     */
    public static DatasetQuery open(final Path dataset)
    {
        return open(dataset, new Properties());
    }

    /**
     * Opens DuckDB over a dataset with JDBC connection properties, e.g. {@code jdbc_stream_results} for a reader
     * that streams a large result instead of holding it.
     *
     * @param dataset    the dataset directory (written by {@code compact}).
     * @param properties DuckDB JDBC connection properties.
     * @return the query engine; close it when done.
     * @throws IllegalArgumentException when the directory is not a dataset.
     */
    public static DatasetQuery open(final Path dataset, final Properties properties)
    {
        if (!Files.isRegularFile(dataset.resolve(Manifest.FILE_NAME)))
        {
            throw new IllegalArgumentException("no dataset at " + dataset + " (no " + Manifest.FILE_NAME +
                "): run ./timestudy compact --journal DIR --out " + dataset + " first");
        }
        Manifest.load(dataset.resolve(Manifest.FILE_NAME));
        final AnalysisManifest analysis = AnalysisManifest.load(dataset);
        try
        {
            final Connection c = DriverManager.getConnection("jdbc:duckdb:", properties);
            try (Statement s = c.createStatement())
            {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("CREATE VIEW observations AS " + observationsSql(dataset));
                s.execute("CREATE VIEW unreachable AS " + tableSql(dataset, Table.UNREACHABLE));
                s.execute("CREATE VIEW scan_events AS " + tableSql(dataset, Table.SCAN_EVENTS));
                s.execute("CREATE VIEW latest AS SELECT * FROM observations " +
                    "QUALIFY row_number() OVER (PARTITION BY probe, address ORDER BY t4 DESC) = 1");
                s.execute("CREATE VIEW scans AS SELECT scan_id, " +
                    "min(time) FILTER (WHERE event = 'start') AS started, " +
                    "max(time) FILTER (WHERE event = 'end') AS ended, " +
                    "any_value(json) FILTER (WHERE event = 'start') AS parameters, " +
                    "any_value(json) FILTER (WHERE event = 'end') AS counters " +
                    "FROM scan_events GROUP BY scan_id");
                if (analysis != null)
                {
                    for (final Table t : Table.values())
                    {
                        if (t.analysis() && Files.isRegularFile(dataset.resolve(analysis.file(t))))
                        {
                            s.execute("CREATE VIEW " + t.viewName() + " AS SELECT * FROM read_parquet(" +
                                literal(dataset.toAbsolutePath().resolve(analysis.file(t)).toString()) + ")");
                        }
                    }
                }
            }
            return new DatasetQuery(c, dataset, analysis);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("cannot open DuckDB over " + dataset + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Runs one SQL statement.
     *
     * @param sql the statement.
     * @return its result; closing the query engine closes it.
     * @throws SQLException when DuckDB refuses the statement.
     */
    public ResultSet execute(final String sql) throws SQLException
    {
        final Statement s = connection.createStatement();
        s.closeOnCompletion();
        try
        {
            return s.executeQuery(sql);
        }
        catch (final SQLException ex)
        {
            s.close();
            throw explained(ex);
        }
    }

    /**
     * @return the dataset's current analysis, or null when {@code ./timestudy analyze} has not run on it.
     */
    public AnalysisManifest analysis()
    {
        return analysis;
    }

    private SQLException explained(final SQLException ex)
    {
        final String message = String.valueOf(ex.getMessage());
        if (analysis == null)
        {
            for (final Table t : Table.values())
            {
                if (t.analysis() && message.contains("Table with name " + t.viewName() + " does not exist"))
                {
                    return new SQLException("no analysis in " + dataset + " yet: the view " + t.viewName() +
                        " appears after ./timestudy analyze " + dataset, ex);
                }
            }
        }
        return ex;
    }

    /**
     * @return the DuckDB connection, for callers that need more than {@link #execute}.
     */
    public Connection connection()
    {
        return connection;
    }

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        try
        {
            connection.close();
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Every probe type's observations: the files of all of them merged by column name, and always every column of
     * every probe type (a column no file has reads as NULL), so a query over HTTP columns works on a dataset that
     * holds only NTP rows, and the other way round.
     */
    private static String observationsSql(final Path dataset)
    {
        final java.util.Map<String, Column> columns = new java.util.LinkedHashMap<>();
        for (final Table t : Table.values())
        {
            if (t.directory().equals(Table.NTP_OBSERVATIONS.directory()))
            {
                t.columns().forEach(c -> columns.putIfAbsent(c.columnName(), c));
            }
        }
        final String empty = emptySql(columns.values(), true, true);
        if (hasDataFiles(dataset.resolve(Table.NTP_OBSERVATIONS.directory())))
        {
            return tableSql(dataset, Table.NTP_OBSERVATIONS) + " UNION ALL BY NAME " + empty;
        }
        return empty;
    }

    private static String tableSql(final Path dataset, final Table table)
    {
        final Path dir = dataset.resolve(table.directory());
        if (hasDataFiles(dir))
        {
            final String glob = literal(dataset.toAbsolutePath() + "/" + table.glob());
            return "SELECT * FROM read_parquet(" + glob + (table.byDate() ?
                ", hive_partitioning = true, union_by_name = true, hive_types = " + hiveTypes(table) :
                ", union_by_name = true") + ")";
        }
        return emptySql(table.columns(), false, table.byDate());
    }

    private static String emptySql(final Iterable<? extends Column> columns, final boolean probe, final boolean date)
    {
        final StringBuilder sb = new StringBuilder("SELECT ");
        for (final Column c : columns)
        {
            sb.append("CAST(NULL AS ").append(c.type().duckDbType()).append(") AS ").append(c.columnName())
                .append(", ");
        }
        if (probe)
        {
            sb.append("CAST(NULL AS VARCHAR) AS probe, ");
        }
        if (date)
        {
            sb.append("CAST(NULL AS DATE) AS date, ");
        }
        sb.setLength(sb.length() - 2);
        return sb.append(" WHERE false").toString();
    }

    private static String hiveTypes(final Table table)
    {
        return table.directory().equals(Table.NTP_OBSERVATIONS.directory()) ? "{'probe': VARCHAR, 'date': DATE}" :
            "{'date': DATE}";
    }

    private static boolean hasDataFiles(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String literal(final String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
