package org.timestudy.analyzer.cli;

import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.analyzer.query.ExampleQueries;
import org.timestudy.analyzer.query.ResultFormat;
import org.timestudy.analyzer.query.ResultPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy query "SQL"}: SQL over the dataset with embedded DuckDB.
 */
@Command(
    name = "query",
    header = "Run SQL over the dataset with embedded DuckDB.",
    description = {
        "Views: observations (every observation; partition columns probe and date), latest (latest observation " +
        "per probe and host), scans (one row per scan), scan_events, unreachable (ICMP unreachables); after " +
        "./timestudy analyze also verdicts, changes, components, name_groups, reference_servers, method_pairs.",
        "Prints a table for the terminal, or --csv / --json. --examples prints useful queries."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class QueryCommand implements Callable<Integer>
{
    /** Rows a table shows by default. */
    public static final int MAX_ROWS_DEFAULT = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "the query")
    private String sql;

    @Option(names = {"-d", "--dataset"}, paramLabel = "DATASET", defaultValue = "dataset",
        description = "dataset directory written by compact")
    private Path dataset;

    @ArgGroup(exclusive = true)
    private Format format = new Format();

    @Option(names = "--max-rows", paramLabel = "N", description = "most rows a table shows")
    private int maxRows = MAX_ROWS_DEFAULT;

    @Option(names = "--examples", description = "print example queries and exit")
    private boolean examples;

    @Override
    public Integer call() throws SQLException
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (examples)
        {
            out.print(ExampleQueries.text());
            out.flush();
            return 0;
        }
        if (sql == null || sql.isBlank())
        {
            throw new IllegalArgumentException("give a query, e.g. ./timestudy query \"SELECT count(*) FROM " +
                "observations\", or --examples");
        }
        try (DatasetQuery query = DatasetQuery.open(dataset))
        {
            final ResultSet rs;
            try
            {
                rs = query.execute(sql);
            }
            catch (final SQLException ex)
            {
                throw new IllegalArgumentException("query failed: " + ex.getMessage(), ex);
            }
            final ResultFormat f = format.csv ? ResultFormat.CSV : format.json ? ResultFormat.JSON : ResultFormat.TABLE;
            new ResultPrinter(f, maxRows).print(rs, out);
        }
        return 0;
    }

    /** Output format options, exclusive. */
    static final class Format
    {
        @Option(names = "--csv", description = "CSV with a header line")
        boolean csv;

        @Option(names = "--json", description = "a JSON array of one object per row")
        boolean json;
    }
}
