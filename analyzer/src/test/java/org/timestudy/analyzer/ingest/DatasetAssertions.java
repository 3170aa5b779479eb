package org.timestudy.analyzer.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads a dataset back through DuckDB JDBC, straight from its Parquet files, for tests.
 */
final class DatasetAssertions
{
    private DatasetAssertions()
    {
    }

    /**
     * @param dataset dataset root.
     * @param table   the table.
     * @param sql     a query over the view {@code t} of the table's files.
     * @return the first column of the first row, as a long.
     */
    static long queryLong(final Path dataset, final Table table, final String sql) throws SQLException
    {
        try (Connection c = open(dataset, table); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql))
        {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * @param dataset dataset root.
     * @param table   the table.
     * @return a DuckDB connection with a view {@code t} over the table's files.
     */
    static Connection open(final Path dataset, final Table table) throws SQLException
    {
        final Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement())
        {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("CREATE VIEW t AS SELECT * FROM read_parquet('" + dataset.toAbsolutePath() + "/" +
                table.ownGlob() + "'" + (table.byDate() ? ", hive_partitioning = true" : "") + ")");
        }
        return c;
    }

    /**
     * @param dataset dataset root.
     * @return NTP rows and distinct journal indexes, as {rows, distinct}.
     */
    static long[] ntpRowsAndDistinct(final Path dataset) throws SQLException
    {
        try (Connection c = open(dataset, Table.NTP_OBSERVATIONS); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT journal_index) FROM t"))
        {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
