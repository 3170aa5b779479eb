package org.timestudy.analyzer.ingest;

/**
 * Defaults of {@code ./timestudy compact}, each with its unit.
 */
public final class CompactionConfiguration
{
    /** Most rows in a Parquet row group: about 75 MB of survey rows, a unit DuckDB and Spark read in parallel. */
    public static final int ROW_GROUP_ROWS_DEFAULT = 1 << 20;
    /** Buffered size in bytes at which a row group is flushed even below {@link #ROW_GROUP_ROWS_DEFAULT} rows. */
    public static final long ROW_GROUP_BYTES_DEFAULT = 128L * 1024 * 1024;
    /** Bytes of text at which a text column ends its page early (pages otherwise hold TableWriter.PAGE_ROWS rows). */
    public static final int PAGE_BYTES_DEFAULT = 1024 * 1024;
    /**
     * ZSTD level: 1 is the fastest of the normal levels; on survey data files are 0.4% larger than at level 3 and
     * within a few percent of level 9, for about 15% less compaction time (analyzer/README.md, Figures).
     */
    public static final int ZSTD_LEVEL_DEFAULT = 1;
    /** Records after which a checkpoint commits the open files and the manifest. */
    public static final long CHECKPOINT_RECORDS_DEFAULT = 8L << 20;
    /** Seconds after which a checkpoint commits, even with fewer records (matters with --follow). */
    public static final long CHECKPOINT_INTERVAL_S_DEFAULT = 60;
    /** Records read from the journal per call. */
    public static final int READ_BATCH_RECORDS = 4096;
    /** Most files one table keeps open at once (one per UTC date); a further date commits the others. */
    public static final int MAX_OPEN_FILES_PER_TABLE = 4;
    /** Milliseconds to sleep when following a journal that has nothing new. */
    public static final long FOLLOW_IDLE_MS = 20;

    private CompactionConfiguration()
    {
    }
}
