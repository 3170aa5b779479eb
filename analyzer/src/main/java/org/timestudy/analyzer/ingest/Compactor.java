package org.timestudy.analyzer.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.IcmpUnreachableFlyweight;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalException;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordType;
import org.timestudy.journal.ScanEventFlyweight;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Compacts a journal into a dataset: reads every record after the manifest's position for that journal, writes each
 * as a row of its table's partition, and checkpoints: commits the open files (atomic renames), then the manifest
 * (atomic replace). A run that dies between the two leaves files past the manifest's position; the next run deletes
 * them before writing those rows again, so the dataset never holds a row twice.
 *
 * <p>Without {@code follow} it stops at the journal's current end, which for a journal still being written is its
 * last complete record (Chronicle never shows a record whose write did not finish, e.g. after kill -9). With
 * {@code follow} it keeps tailing until {@link #stop()}.
 */
public final class Compactor
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context ctx;
    private final JournalRecord record = new JournalRecord();
    private final NtpReplyFlyweight ntpHeader = new NtpReplyFlyweight();
    private final ScanEventFlyweight scanEvent = new ScanEventFlyweight();
    private final HttpResponseFlyweight httpResponse = new HttpResponseFlyweight();
    private final JournalReader.Handler handler = this::onRecord;
    private final OpenFiles[] open = new OpenFiles[Table.values().length];
    private volatile boolean stopRequested;

    private Dataset dataset;
    private String journalId;
    private long lastIndexRead = Manifest.NO_INDEX;
    private long recordsSinceCheckpoint;
    private long ntp;
    private long http;
    private long unreachable;
    private long scanEvents;
    private long unknown;
    private long malformed;
    private long filesCommitted;

    /**
     * @param ctx concluded settings.
     */
    public Compactor(final Context ctx)
    {
        this.ctx = ctx.conclude();
    }

    /**
     * Asks a running {@link #run()} to checkpoint and return; safe from another thread (a shutdown hook).
     */
    public void stop()
    {
        stopRequested = true;
    }

    /**
     * Runs the compaction.
     *
     * @return what was done.
     * @throws JournalException when the journal is missing, not a journal, of another version, or empty.
     */
    public Report run()
    {
        final long startNs = System.nanoTime();
        final String startedAt = Instant.now().toString();
        try (ChronicleQueue queue = Journal.openForRead(ctx.journalDir))
        {
            journalId = identify(queue);
            if (journalId == null)
            {
                return new Report(null, Manifest.NO_INDEX, Manifest.NO_INDEX, Manifest.Counts.ZERO, 0, 0,
                    System.nanoTime() - startNs);
            }
            try (Dataset ds = Dataset.openForWrite(ctx.datasetDir); JournalReader reader = new JournalReader(queue))
            {
                dataset = ds;
                final Manifest.JournalEntry entry = ds.manifest().journal(journalId);
                final long afterIndex = entry == null ? Manifest.NO_INDEX : entry.lastIndex();
                final int deleted = ds.deleteUncommitted(journalId, afterIndex).size();
                if (entry != null)
                {
                    resume(reader, afterIndex);
                }
                lastIndexRead = afterIndex;
                try
                {
                    loop(reader, startedAt, afterIndex);
                }
                catch (final RuntimeException ex)
                {
                    abortOpenFiles();
                    throw ex;
                }
                return new Report(journalId, afterIndex, lastIndexRead, counts(), filesCommitted, deleted,
                    System.nanoTime() - startNs);
            }
        }
    }

    private void loop(final JournalReader reader, final String startedAt, final long afterIndex)
    {
        final long intervalNs = TimeUnit.SECONDS.toNanos(ctx.checkpointIntervalS);
        long lastCheckpointNs = System.nanoTime();
        while (true)
        {
            final int n = reader.read(handler, CompactionConfiguration.READ_BATCH_RECORDS);
            final long nowNs = System.nanoTime();
            final boolean due = recordsSinceCheckpoint >= ctx.checkpointRecords ||
                (recordsSinceCheckpoint > 0 && nowNs - lastCheckpointNs >= intervalNs);
            if (due)
            {
                checkpoint(startedAt, afterIndex);
                lastCheckpointNs = nowNs;
            }
            if (n == 0)
            {
                if (!ctx.follow || stopRequested)
                {
                    break;
                }
                sleepIdle();
            }
            else if (stopRequested)
            {
                break;
            }
        }
        checkpoint(startedAt, afterIndex);
    }

    private void resume(final JournalReader reader, final long afterIndex)
    {
        try
        {
            reader.afterIndex(afterIndex);
        }
        catch (final JournalException ex)
        {
            throw new JournalException("journal " + ctx.journalDir + " (id " + journalId + ") has no record at " +
                "index " + Long.toHexString(afterIndex) + ", where the dataset " + ctx.datasetDir +
                " says its last compaction stopped: is it the same journal?");
        }
    }

    private String identify(final ChronicleQueue queue)
    {
        final String[] id = new String[1];
        try (JournalReader first = new JournalReader(queue))
        {
            while (first.read((type, buffer, length, index) -> id[0] = journalId(buffer, length, index), 1) == 0)
            {
                if (!ctx.follow)
                {
                    throw new JournalException("journal " + ctx.journalDir + " is empty: it has no records yet");
                }
                if (stopRequested)
                {
                    return null;
                }
                sleepIdle();
            }
        }
        return id[0];
    }

    private static String journalId(final UnsafeBuffer buffer, final int length, final long index)
    {
        final CRC32C crc = new CRC32C();
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        crc.update(bytes);
        for (int shift = 0; shift < 64; shift += 8)
        {
            crc.update((int)(index >>> shift));
        }
        return String.format("%08x", crc.getValue());
    }

    private void onRecord(final int type, final UnsafeBuffer buffer, final int length, final long index)
    {
        lastIndexRead = index;
        recordsSinceCheckpoint++;
        record.wrap(buffer, length, index);
        switch (type)
        {
            case RecordType.NTP_REPLY:
                if (length < NtpReplyFlyweight.LENGTH)
                {
                    malformed++;
                    return;
                }
                file(Table.NTP_OBSERVATIONS, ntpHeader.wrap(buffer, 0).t4EpochNs(), index).write(record);
                ntp++;
                break;

            case RecordType.HTTP_RESPONSE:
                if (!httpResponse.wrap(buffer, 0).valid(length))
                {
                    malformed++;
                    return;
                }
                file(Table.HTTP_OBSERVATIONS, httpResponse.t4EpochNs(), index).write(record);
                http++;
                break;

            case RecordType.ICMP_UNREACHABLE:
                if (length < IcmpUnreachableFlyweight.LENGTH)
                {
                    malformed++;
                    return;
                }
                file(Table.UNREACHABLE, buffer.getLong(IcmpUnreachableFlyweight.T4_EPOCH_NS_OFFSET,
                    IcmpUnreachableFlyweight.ORDER), index).write(record);
                unreachable++;
                break;

            case RecordType.SCAN_START:
            case RecordType.SCAN_END:
                if (!validScanEvent(buffer, length))
                {
                    malformed++;
                    return;
                }
                file(Table.SCAN_EVENTS, 0, index).write(record);
                scanEvents++;
                break;

            default:
                unknown++;
        }
    }

    private boolean validScanEvent(final UnsafeBuffer buffer, final int length)
    {
        if (length < ScanEventFlyweight.JSON_OFFSET)
        {
            return false;
        }
        final int jsonLength = buffer.getInt(ScanEventFlyweight.JSON_LENGTH_OFFSET, ScanEventFlyweight.ORDER);
        if (jsonLength < 0 || jsonLength > length - ScanEventFlyweight.JSON_OFFSET)
        {
            return false;
        }
        final byte[] json = new byte[jsonLength];
        buffer.getBytes(ScanEventFlyweight.JSON_OFFSET, json);
        try (JsonParser parser = JSON.getFactory().createParser(json))
        {
            JSON.readTree(parser);
            return parser.nextToken() == null && scanEvent.wrap(buffer, 0).timeEpochNs() != Long.MIN_VALUE;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private PartFile file(final Table table, final long epochNs, final long index)
    {
        OpenFiles files = open[table.ordinal()];
        if (files == null)
        {
            files = new OpenFiles(table);
            open[table.ordinal()] = files;
        }
        return files.fileFor(table.byDate() ? Table.epochDay(epochNs) : 0, index);
    }

    private void checkpoint(final String startedAt, final long afterIndex)
    {
        for (final OpenFiles files : open)
        {
            if (files != null)
            {
                filesCommitted += files.commitAll();
            }
        }
        if (lastIndexRead == afterIndex && recordsSinceCheckpoint == 0)
        {
            return;
        }
        final Manifest manifest = dataset.manifest();
        final Manifest.JournalEntry old = manifest.journal(journalId);
        final Manifest.Counts run = counts();
        final Manifest.Counts committedBefore = old == null ? Manifest.Counts.ZERO : old.counts();
        final Manifest.Counts runBefore = previousRunCounts(manifest, startedAt);
        final Manifest.JournalEntry entry = new Manifest.JournalEntry(journalId,
            ctx.journalDir.toAbsolutePath().toString(), lastIndexRead,
            committedBefore.plus(minus(run, runBefore)));
        dataset.commit(manifest.with(entry, new Manifest.RunEntry(journalId, startedAt, Instant.now().toString(),
            afterIndex, lastIndexRead, run, filesCommitted)));
        recordsSinceCheckpoint = 0;
        if (ctx.onCheckpoint != null)
        {
            ctx.onCheckpoint.accept(new Report(journalId, afterIndex, lastIndexRead, run, filesCommitted, 0, 0));
        }
    }

    private Manifest.Counts previousRunCounts(final Manifest manifest, final String startedAt)
    {
        for (final Manifest.RunEntry r : manifest.runs())
        {
            if (r.journal().equals(journalId) && r.startedAt().equals(startedAt))
            {
                return r.counts();
            }
        }
        return Manifest.Counts.ZERO;
    }

    private static Manifest.Counts minus(final Manifest.Counts a, final Manifest.Counts b)
    {
        return new Manifest.Counts(a.ntp() - b.ntp(), a.http() - b.http(), a.unreachable() - b.unreachable(),
            a.scanEvents() - b.scanEvents(), a.unknown() - b.unknown(), a.malformed() - b.malformed());
    }

    private Manifest.Counts counts()
    {
        return new Manifest.Counts(ntp, http, unreachable, scanEvents, unknown, malformed);
    }

    private void abortOpenFiles()
    {
        for (final OpenFiles files : open)
        {
            if (files != null)
            {
                files.abortAll();
            }
        }
    }

    private static void sleepIdle()
    {
        try
        {
            Thread.sleep(CompactionConfiguration.FOLLOW_IDLE_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the journal", ex);
        }
    }

    /** The files of one table open in this checkpoint, one per UTC day. */
    private final class OpenFiles
    {
        private final Table table;
        private final long[] days = new long[CompactionConfiguration.MAX_OPEN_FILES_PER_TABLE];
        private final PartFile[] files = new PartFile[CompactionConfiguration.MAX_OPEN_FILES_PER_TABLE];
        private int count;
        private int last;

        OpenFiles(final Table table)
        {
            this.table = table;
        }

        PartFile fileFor(final long epochDay, final long index)
        {
            if (count > 0 && days[last] == epochDay)
            {
                return files[last];
            }
            for (int i = 0; i < count; i++)
            {
                if (days[i] == epochDay)
                {
                    last = i;
                    return files[i];
                }
            }
            if (count == files.length)
            {
                filesCommitted += commitAll();
            }
            days[count] = epochDay;
            files[count] = PartFile.open(table, table.partition(ctx.datasetDir, epochDay), journalId, index,
                newSupport(), ctx.parquet);
            last = count++;
            return files[last];
        }

        int commitAll()
        {
            final int n = count;
            for (int i = 0; i < count; i++)
            {
                files[i].commit();
                files[i] = null;
            }
            count = 0;
            return n;
        }

        void abortAll()
        {
            for (int i = 0; i < count; i++)
            {
                files[i].abort();
                files[i] = null;
            }
            count = 0;
        }

        private TableWriteSupport newSupport()
        {
            return switch (table)
            {
                case NTP_OBSERVATIONS -> new NtpWriteSupport(journalId);
                case HTTP_OBSERVATIONS -> new HttpWriteSupport(journalId);
                case UNREACHABLE -> new UnreachableWriteSupport(journalId);
                case SCAN_EVENTS -> new ScanEventWriteSupport(journalId);
                default -> throw new IllegalStateException(table + " is written by analyze, not by compaction");
            };
        }
    }

    /**
     * What a run (or, passed to the checkpoint listener, a run so far) did.
     *
     * @param journalId    id of the journal, null when a follow run was stopped before the journal had a record.
     * @param afterIndex   index it resumed after, or {@link Manifest#NO_INDEX}.
     * @param lastIndex    index of the last record committed.
     * @param counts       records written and skipped.
     * @param files        data files committed.
     * @param filesDeleted uncommitted files of an earlier run deleted at start.
     * @param elapsedNs    run time in ns.
     */
    public record Report(
        String journalId, long afterIndex, long lastIndex, Manifest.Counts counts, long files, int filesDeleted,
        long elapsedNs)
    {
    }

    /**
     * Settings of a compaction. Fluent; {@link #conclude()} checks them.
     */
    public static final class Context
    {
        private Path journalDir;
        private Path datasetDir;
        private boolean follow;
        private long checkpointRecords = CompactionConfiguration.CHECKPOINT_RECORDS_DEFAULT;
        private long checkpointIntervalS = CompactionConfiguration.CHECKPOINT_INTERVAL_S_DEFAULT;
        private int rowGroupRows = CompactionConfiguration.ROW_GROUP_ROWS_DEFAULT;
        private int zstdLevel = CompactionConfiguration.ZSTD_LEVEL_DEFAULT;
        private PartFile.ParquetSettings parquet;
        private Consumer<Report> onCheckpoint;

        /**
         * @param journalDir the journal directory.
         * @return this.
         */
        public Context journalDir(final Path journalDir)
        {
            this.journalDir = journalDir;
            return this;
        }

        /**
         * @param datasetDir the dataset directory, created if needed.
         * @return this.
         */
        public Context datasetDir(final Path datasetDir)
        {
            this.datasetDir = datasetDir;
            return this;
        }

        /**
         * @param follow true to keep tailing the journal until stopped.
         * @return this.
         */
        public Context follow(final boolean follow)
        {
            this.follow = follow;
            return this;
        }

        /**
         * @param checkpointRecords records after which a checkpoint commits.
         * @return this.
         */
        public Context checkpointRecords(final long checkpointRecords)
        {
            this.checkpointRecords = checkpointRecords;
            return this;
        }

        /**
         * @param checkpointIntervalS seconds after which a checkpoint commits.
         * @return this.
         */
        public Context checkpointIntervalS(final long checkpointIntervalS)
        {
            this.checkpointIntervalS = checkpointIntervalS;
            return this;
        }

        /**
         * @param rowGroupRows most rows per Parquet row group.
         * @return this.
         */
        public Context rowGroupRows(final int rowGroupRows)
        {
            this.rowGroupRows = rowGroupRows;
            return this;
        }

        /**
         * @param zstdLevel ZSTD level, 1 to 22.
         * @return this.
         */
        public Context zstdLevel(final int zstdLevel)
        {
            this.zstdLevel = zstdLevel;
            return this;
        }

        /**
         * @param onCheckpoint told after each checkpoint, with the run's totals so far.
         * @return this.
         */
        public Context onCheckpoint(final Consumer<Report> onCheckpoint)
        {
            this.onCheckpoint = onCheckpoint;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @return this.
         * @throws IllegalArgumentException when one is missing or out of range.
         */
        public Context conclude()
        {
            if (journalDir == null || datasetDir == null)
            {
                throw new IllegalArgumentException("a journal directory and a dataset directory are needed");
            }
            if (checkpointRecords < 1 || checkpointIntervalS < 1)
            {
                throw new IllegalArgumentException("checkpoint records and interval must be at least 1");
            }
            if (rowGroupRows < 1)
            {
                throw new IllegalArgumentException("row group rows must be at least 1: " + rowGroupRows);
            }
            if (zstdLevel < 1 || zstdLevel > 22)
            {
                throw new IllegalArgumentException("ZSTD level must be 1 to 22: " + zstdLevel);
            }
            if (datasetDir.toAbsolutePath().normalize().startsWith(journalDir.toAbsolutePath().normalize()))
            {
                throw new IllegalArgumentException("the dataset " + datasetDir + " must not be inside the journal " +
                    journalDir);
            }
            parquet = new PartFile.ParquetSettings(rowGroupRows, CompactionConfiguration.ROW_GROUP_BYTES_DEFAULT,
                CompactionConfiguration.PAGE_BYTES_DEFAULT, zstdLevel);
            return this;
        }

        /**
         * @return the journal directory.
         */
        public Path journalDir()
        {
            return journalDir;
        }

        /**
         * @return the dataset directory.
         */
        public Path datasetDir()
        {
            return datasetDir;
        }
    }

}
