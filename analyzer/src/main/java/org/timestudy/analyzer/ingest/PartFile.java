package org.timestudy.analyzer.ingest;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One data file being written: rows go to a hidden temporary file, which {@link #commit()} syncs and renames to its
 * final name in one atomic step, so readers see the whole file or none of it.
 */
final class PartFile
{
    private final Path dir;
    private final Path temp;
    private final String journalId;
    private final ParquetWriter<JournalRecord> writer;
    private final long firstIndex;
    private long lastIndex;
    private long rows;

    private PartFile(
        final Path dir, final Path temp, final String journalId, final long firstIndex,
        final ParquetWriter<JournalRecord> writer)
    {
        this.dir = dir;
        this.temp = temp;
        this.journalId = journalId;
        this.firstIndex = firstIndex;
        this.lastIndex = firstIndex;
        this.writer = writer;
    }

    /**
     * Starts a file.
     *
     * @param table      the table.
     * @param dir        the partition directory.
     * @param journalId  id of the journal.
     * @param firstIndex index of the first record to be written.
     * @param support    writes the rows.
     * @param settings   row group size and compression.
     * @return the file, open.
     */
    static PartFile open(
        final Table table, final Path dir, final String journalId, final long firstIndex,
        final TableWriteSupport support, final ParquetSettings settings)
    {
        try
        {
            Files.createDirectories(dir);
            final Path temp = dir.resolve(DataFileName.tempFileName(journalId, firstIndex));
            Files.deleteIfExists(temp);
            return new PartFile(dir, temp, journalId, firstIndex, newWriter(temp, table, support, settings));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A Parquet writer with the dataset's settings: ZSTD, data page v2, dictionary encoding per the columns' choice.
     *
     * @param temp     the file to write.
     * @param table    the table its rows belong to.
     * @param support  writes the rows.
     * @param settings row group size and compression.
     * @param <T>      what a row is written from.
     * @return the writer.
     * @throws IOException when the file cannot be created.
     */
    static <T> ParquetWriter<T> newWriter(
        final Path temp, final Table table, final WriteSupport<T> support, final ParquetSettings settings)
        throws IOException
    {
        final Builder<T> builder = new Builder<>(new LocalOutputFile(temp), support)
            .withConf(settings.configuration())
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .withRowGroupRowCountLimit(settings.rowGroupRows())
            .withRowGroupSize(settings.rowGroupBytes())
            .withPageSize(settings.pageBytes())
            .withDictionaryPageSize(settings.pageBytes());
        for (final Column c : table.columns())
        {
            builder.withDictionaryEncoding(c.columnName(), c.spec().encoding() == ColumnEncoding.DICTIONARY);
        }
        return builder.build();
    }

    /**
     * Writes one record as a row.
     *
     * @param record the record.
     */
    void write(final JournalRecord record)
    {
        try
        {
            writer.write(record);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        lastIndex = record.index();
        rows++;
    }

    /**
     * @return rows written so far.
     */
    long rows()
    {
        return rows;
    }

    /**
     * Finishes the file and moves it into place.
     *
     * @return its final path.
     */
    Path commit()
    {
        try
        {
            writer.close();
            final Path target = dir.resolve(new DataFileName(journalId, firstIndex, lastIndex).fileName());
            Dataset.syncFileAndMove(temp, target);
            return target;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Drops the file: nothing of it becomes visible.
     */
    void abort()
    {
        try
        {
            writer.close();
        }
        catch (final IOException | RuntimeException ignore)
        {
            // the temporary file is deleted either way
        }
        try
        {
            Files.deleteIfExists(temp);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Parquet writer settings shared by every file of a run.
     *
     * @param rowGroupRows  most rows in a row group.
     * @param rowGroupBytes row group size in bytes at which a row group is flushed.
     * @param pageBytes     page size in bytes.
     * @param zstdLevel     ZSTD compression level.
     */
    record ParquetSettings(int rowGroupRows, long rowGroupBytes, int pageBytes, int zstdLevel)
    {
        ParquetConfiguration configuration()
        {
            final PlainParquetConfiguration conf = new PlainParquetConfiguration();
            conf.setInt("parquet.compression.codec.zstd.level", zstdLevel);
            return conf;
        }
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>>
    {
        private final WriteSupport<T> support;

        Builder(final OutputFile file, final WriteSupport<T> support)
        {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self()
        {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(final org.apache.hadoop.conf.Configuration conf)
        {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(final ParquetConfiguration conf)
        {
            return support;
        }
    }
}
