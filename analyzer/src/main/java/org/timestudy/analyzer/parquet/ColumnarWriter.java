package org.timestudy.analyzer.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes one Parquet file of a flat schema row by row, encoding column chunk by column chunk: each {@code put}
 * stores a primitive in its column's page buffer; a column not put in a row is NULL. Full pages are encoded and
 * compressed (ZSTD) at once; a row group's chunks are written when it reaches its row or byte limit. Data pages are
 * version 2 with statistics, so DuckDB, Spark and pyarrow read the file as any other.
 */
public final class ColumnarWriter implements AutoCloseable
{
    /**
     * Sizes and compression.
     *
     * @param rowGroupRows  most rows in a row group.
     * @param rowGroupBytes compressed bytes at which a row group is written (checked at page ends).
     * @param pageRows      most rows in a data page.
     * @param pageBytes     bytes of text values at which a text column ends its page early.
     * @param zstdLevel     ZSTD level.
     */
    public record Settings(int rowGroupRows, long rowGroupBytes, int pageRows, int pageBytes, int zstdLevel)
    {
    }

    private final ParquetFileWriter file;
    private final ColumnChunk[] columns;
    private final PageEncoder encoder;
    private final Settings settings;
    private final long allPut;
    private long put;
    private int pageRows;
    private long groupRows;
    private boolean closed;

    /**
     * Starts a file.
     *
     * @param out        the file to create (it must not exist).
     * @param schema     a flat schema: primitive columns only, required or optional, at most 64.
     * @param dictionary per column, in schema order: true to try dictionary encoding.
     * @param settings   sizes and compression.
     * @throws IOException when the file cannot be created.
     */
    public ColumnarWriter(
        final OutputFile out, final MessageType schema, final boolean[] dictionary, final Settings settings)
        throws IOException
    {
        final List<ColumnDescriptor> descriptors = schema.getColumns();
        if (descriptors.size() > 64 || descriptors.size() != dictionary.length)
        {
            throw new IllegalArgumentException("need 1 to 64 columns and a dictionary choice for each: " +
                descriptors.size() + " columns, " + dictionary.length + " choices");
        }
        this.settings = settings;
        this.encoder = new PageEncoder(settings.pageRows(), settings.zstdLevel());
        this.columns = new ColumnChunk[descriptors.size()];
        for (int i = 0; i < columns.length; i++)
        {
            final ColumnDescriptor d = descriptors.get(i);
            if (d.getMaxRepetitionLevel() > 0 || d.getPath().length != 1)
            {
                throw new IllegalArgumentException("not a flat column: " + String.join(".", d.getPath()));
            }
            columns[i] = new ColumnChunk(d, dictionary[i], encoder, settings.pageRows(), settings.pageBytes());
        }
        this.allPut = columns.length == 64 ? -1L : (1L << columns.length) - 1;
        this.file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.CREATE, settings.rowGroupBytes(), 0);
        file.start();
    }

    /**
     * @param column index of an INT64 column in the schema.
     * @param value  its value in this row.
     */
    public void putLong(final int column, final long value)
    {
        columns[column].putLong(value);
        put |= 1L << column;
    }

    /**
     * @param column index of an INT32 column.
     * @param value  its value in this row (unsigned types: the bits).
     */
    public void putInt(final int column, final int value)
    {
        columns[column].putLong(value);
        put |= 1L << column;
    }

    /**
     * @param column index of a DOUBLE column.
     * @param value  its value in this row.
     */
    public void putDouble(final int column, final double value)
    {
        columns[column].putLong(Double.doubleToRawLongBits(value));
        put |= 1L << column;
    }

    /**
     * @param column index of a BOOLEAN column.
     * @param value  its value in this row.
     */
    public void putBoolean(final int column, final boolean value)
    {
        columns[column].putLong(value ? 1 : 0);
        put |= 1L << column;
    }

    /**
     * @param column index of a BINARY column.
     * @param src    the value's bytes (copied).
     * @param offset where they start.
     * @param length how many.
     */
    public void putBytes(final int column, final byte[] src, final int offset, final int length)
    {
        columns[column].putBytes(src, offset, length);
        put |= 1L << column;
    }

    /**
     * Ends the row: columns not put are NULL.
     *
     * @throws IllegalStateException when a required column was not put (the row is then incomplete: abort the file).
     */
    public void endRow()
    {
        if (put != allPut)
        {
            for (int i = 0; i < columns.length; i++)
            {
                if ((put & (1L << i)) == 0)
                {
                    columns[i].putNull();
                }
            }
        }
        put = 0;
        groupRows++;
        if (groupRows >= settings.rowGroupRows())
        {
            writeRowGroup();
        }
        else if (++pageRows == settings.pageRows())
        {
            pageRows = 0;
            long bytes = 0;
            for (final ColumnChunk c : columns)
            {
                c.finishPage();
                bytes += c.bytes();
            }
            if (bytes >= settings.rowGroupBytes())
            {
                writeRowGroup();
            }
        }
    }

    /**
     * Writes the last row group and the footer, with key-value metadata.
     *
     * @param keyValueMetadata footer key-value pairs.
     * @throws IOException when writing fails.
     */
    public void finish(final Map<String, String> keyValueMetadata) throws IOException
    {
        try
        {
            writeRowGroup();
            file.end(keyValueMetadata);
        }
        finally
        {
            close();
        }
    }

    /**
     * Frees the encoder; closes the file without a footer unless {@link #finish} wrote it.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            encoder.close();
            try
            {
                file.close();
            }
            catch (final IOException ignore)
            {
                // the caller drops an unfinished file
            }
        }
    }

    private void writeRowGroup()
    {
        pageRows = 0;
        if (groupRows == 0)
        {
            return;
        }
        try
        {
            file.startBlock(groupRows);
            for (final ColumnChunk c : columns)
            {
                c.writeTo(file);
            }
            file.endBlock();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        groupRows = 0;
    }
}
