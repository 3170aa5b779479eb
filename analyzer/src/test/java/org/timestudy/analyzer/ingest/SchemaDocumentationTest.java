package org.timestudy.analyzer.ingest;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * analyzer/README.md documents every column of every table, with its type: the table rows are the ones
 * {@link #row(Column)} prints, so adding a column without documenting it fails the build.
 */
class SchemaDocumentationTest
{
    private static final Path README = Path.of(System.getProperty("timestudy.repo", ".."), "analyzer", "README.md");

    @Test
    void shouldDocumentEveryColumnInTheReadme() throws Exception
    {
        final String readme = Files.readString(README);
        for (final Table table : Table.values())
        {
            for (final Column c : table.columns())
            {
                assertThat(readme).as("README row of %s.%s", table, c.columnName()).contains(row(c));
            }
        }
    }

    /**
     * @param c a column.
     * @return its row in the README's schema tables.
     */
    static String row(final Column c)
    {
        return "| `" + c.columnName() + "` | " + c.type().parquetName() + " | " + c.type().duckDbType() + " | " +
            (c.spec().optional() ? "yes" : "no") + " | " + c.spec().unit() + " | " + c.spec().description() + " |";
    }

    /**
     * Prints the README's schema tables.
     *
     * @param args none.
     */
    public static void main(final String[] args)
    {
        for (final Table table : Table.values())
        {
            System.out.println("### " + table.directory() + "\n");
            System.out.println("| column | Parquet type | DuckDB type | NULL? | unit | meaning |");
            System.out.println("|---|---|---|---|---|---|");
            for (final Column c : table.columns())
            {
                System.out.println(row(c));
            }
            System.out.println();
        }
    }
}
