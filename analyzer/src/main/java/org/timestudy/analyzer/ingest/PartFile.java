package org.timestudy.analyzer.ingest;


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
    private final TableWriter<JournalRecord> writer;
    private final long firstIndex;
    private long lastIndex;
    private long rows;

    private PartFile(
        final Path dir, final Path temp, final String journalId, final long firstIndex,
        final TableWriter<JournalRecord> writer)
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
            return new PartFile(dir, temp, journalId, firstIndex, TableWriter.create(temp, support, settings));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes one record as a row.
     *
     * @param record the record.
     */
    void write(final JournalRecord record)
    {
        writer.write(record);
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
        writer.abort();
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
     * @param pageBytes     bytes of text at which a text column ends its page early.
     * @param zstdLevel     ZSTD compression level.
     */
    record ParquetSettings(int rowGroupRows, long rowGroupBytes, int pageBytes, int zstdLevel)
    {
    }
}
