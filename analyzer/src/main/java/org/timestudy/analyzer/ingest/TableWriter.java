package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.LocalOutputFile;
import org.timestudy.analyzer.parquet.ColumnarWriter;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One Parquet file of a table being written: each object becomes a row through its {@link RowWriteSupport}, column
 * chunk by column chunk ({@link ColumnarWriter}); {@link #close()} writes the footer with the support's metadata,
 * {@link #abort()} leaves the file unfinished for the caller to delete.
 *
 * @param <T> what one row is written from.
 */
final class TableWriter<T> implements Closeable
{
    /** Rows in a data page. */
    static final int PAGE_ROWS = 16_384;

    private final ColumnarWriter columns;
    private final RowWriteSupport<T> support;

    private TableWriter(final ColumnarWriter columns, final RowWriteSupport<T> support)
    {
        this.columns = columns;
        this.support = support;
    }

    /**
     * Creates the file.
     *
     * @param file     where (it must not exist).
     * @param support  writes the rows.
     * @param settings row group size and compression.
     * @param <T>      what a row is written from.
     * @return the writer.
     * @throws IOException when the file cannot be created.
     */
    static <T> TableWriter<T> create(
        final Path file, final RowWriteSupport<T> support, final PartFile.ParquetSettings settings)
        throws IOException
    {
        final Table table = support.table();
        final List<Column> list = table.columns();
        final boolean[] dictionary = new boolean[list.size()];
        for (final Column c : list)
        {
            dictionary[c.ordinal()] = c.spec().encoding() == ColumnEncoding.DICTIONARY;
        }
        final ColumnarWriter columns = new ColumnarWriter(new LocalOutputFile(file), table.schema(), dictionary,
            new ColumnarWriter.Settings(settings.rowGroupRows(), settings.rowGroupBytes(), PAGE_ROWS,
                settings.pageBytes(), settings.zstdLevel()));
        support.row.writer(columns);
        return new TableWriter<>(columns, support);
    }

    /**
     * Writes one row.
     *
     * @param value what the row is written from.
     */
    void write(final T value)
    {
        support.write(value);
    }

    /**
     * Writes the last row group and the footer.
     *
     * @throws IOException when writing fails.
     */
    @Override
    public void close() throws IOException
    {
        columns.finish(support.footer());
    }

    /**
     * Stops writing; the file is left without a footer.
     */
    void abort()
    {
        columns.close();
    }
}
