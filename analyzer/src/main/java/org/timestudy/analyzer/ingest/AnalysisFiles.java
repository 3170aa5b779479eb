package org.timestudy.analyzer.ingest;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The files of one analyze run: one Parquet file per analysis table, written to a hidden temporary file and renamed
 * to {@code analysis/TABLE/part-RUN.parquet} at {@link #commit}; then the analysis manifest names the run (the
 * commit point), and the files of earlier runs are deleted. A run that dies leaves the previous analysis in force;
 * the next run deletes what it left. A lock file keeps a second analyze of the same dataset out.
 */
final class AnalysisFiles implements AutoCloseable
{
    /** Footer key: the run the rows come from. */
    static final String RUN_KEY = "timestudy.analysis_run";
    /** Lock file in the analysis directory, held by the running analyze. */
    static final String LOCK_FILE = "_analyze.lock";

    private static final DateTimeFormatter RUN_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String TEMP_PREFIX = ".analysis-";

    private final Path dataset;
    private final String run;
    private final LockFile lock;
    private final Map<Table, TableWriter<?>> writers = new EnumMap<>(Table.class);
    private final Map<Table, long[]> rows = new EnumMap<>(Table.class);
    private final PartFile.ParquetSettings settings;
    private boolean committed;

    private AnalysisFiles(
        final Path dataset, final LockFile lock, final Instant startedAt, final PartFile.ParquetSettings settings)
    {
        this.dataset = dataset;
        this.lock = lock;
        this.settings = settings;
        this.run = RUN_TIME.format(startedAt) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /**
     * Locks the dataset's analysis and removes what an interrupted run left.
     *
     * @param dataset   the dataset.
     * @param startedAt when the run started (part of its id).
     * @return the run's files, none open yet.
     * @throws IllegalArgumentException when another analyze holds the lock.
     */
    static AnalysisFiles open(final Path dataset, final Instant startedAt)
    {
        final Path directory = dataset.resolve(Table.ANALYSIS_DIRECTORY);
        final LockFile lock = LockFile.tryLock(directory.resolve(LOCK_FILE));
        if (lock == null)
        {
            throw new IllegalArgumentException("another analyze is writing to " + directory + "; wait for it to end");
        }
        final AnalysisFiles files = new AnalysisFiles(dataset, lock, startedAt,
            new PartFile.ParquetSettings(CompactionConfiguration.ROW_GROUP_ROWS_DEFAULT,
            CompactionConfiguration.ROW_GROUP_BYTES_DEFAULT, CompactionConfiguration.PAGE_BYTES_DEFAULT,
            CompactionConfiguration.ZSTD_LEVEL_DEFAULT));
        files.deleteAllBut(currentRun(dataset));
        return files;
    }

    /**
     * @return this run's id.
     */
    String run()
    {
        return run;
    }

    /**
     * @param run a run id.
     * @return the name of that run's file in each table directory.
     */
    static String fileName(final String run)
    {
        return "part-" + run + DataFileName.SUFFIX;
    }

    /**
     * Starts the run's file of a table.
     *
     * @param table   an analysis table.
     * @param support writes its rows.
     * @param <T>     what a row is written from.
     * @return a writer; write rows through {@link #write}.
     */
    <T> TableWriter<T> start(final Table table, final RowWriteSupport<T> support)
    {
        try
        {
            final Path dir = dataset.resolve(table.directory());
            Files.createDirectories(dir);
            final Path temp = dir.resolve(TEMP_PREFIX + run + DataFileName.TEMP_SUFFIX);
            final TableWriter<T> writer = TableWriter.create(temp, support, settings);
            writers.put(table, writer);
            rows.put(table, new long[1]);
            return writer;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes one row.
     *
     * @param table  the table.
     * @param writer its writer.
     * @param value  what the row is written from.
     * @param <T>    its type.
     */
    <T> void write(final Table table, final TableWriter<T> writer, final T value)
    {
        writer.write(value);
        rows.get(table)[0]++;
    }

    /**
     * Closes every file, renames each into place, writes the manifest naming this run, and deletes earlier runs.
     *
     * @param manifest the manifest to write (its run must be this one's); its table row counts are filled here.
     * @return the manifest written.
     */
    AnalysisManifest commit(final AnalysisManifest manifest)
    {
        final Map<String, Long> counts = new LinkedHashMap<>();
        try
        {
            for (final Map.Entry<Table, TableWriter<?>> e : writers.entrySet())
            {
                e.getValue().close();
                final Path dir = dataset.resolve(e.getKey().directory());
                Dataset.syncFileAndMove(dir.resolve(TEMP_PREFIX + run + DataFileName.TEMP_SUFFIX),
                    dir.resolve(fileName(run)));
                counts.put(e.getKey().viewName(), rows.get(e.getKey())[0]);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final AnalysisManifest m = new AnalysisManifest(AnalysisManifest.FORMAT, run, manifest.startedAt(),
            manifest.finishedAt(), manifest.settings(), manifest.rows(), manifest.series(), counts);
        m.store(dataset);
        committed = true;
        deleteAllBut(run);
        return m;
    }

    /**
     * Drops every file of the run if it was not committed, and releases the lock.
     */
    @Override
    public void close()
    {
        try
        {
            if (!committed)
            {
                for (final TableWriter<?> w : writers.values())
                {
                    closeQuietly(w);
                }
                deleteAllBut(currentRun(dataset));
            }
        }
        finally
        {
            lock.close();
        }
    }

    private static String currentRun(final Path dataset)
    {
        final AnalysisManifest m = AnalysisManifest.load(dataset);
        return m == null ? null : m.run();
    }

    /**
     * Deletes every data or temporary file in the analysis tables' directories but those of one run.
     */
    private void deleteAllBut(final String keep)
    {
        final String keepName = keep == null ? null : fileName(keep);
        for (final Table table : Table.values())
        {
            final Path dir = dataset.resolve(table.directory());
            if (!table.analysis() || !Files.isDirectory(dir))
            {
                continue;
            }
            try (Stream<Path> files = Files.list(dir))
            {
                for (final Path p : (Iterable<Path>)files::iterator)
                {
                    final String name = p.getFileName().toString();
                    if (!name.equals(keepName) && (name.startsWith("part-") || name.startsWith(TEMP_PREFIX)))
                    {
                        Files.delete(p);
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static void closeQuietly(final TableWriter<?> writer)
    {
        writer.abort();
    }
}
