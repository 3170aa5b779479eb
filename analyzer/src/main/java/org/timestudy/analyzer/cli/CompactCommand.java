package org.timestudy.analyzer.cli;

import org.timestudy.analyzer.ingest.CompactionConfiguration;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.analyzer.ingest.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./timestudy compact}: the journal to the Parquet dataset, adding only what is new since the last run.
 */
@Command(
    name = "compact",
    header = "Compact a journal into a Parquet dataset (DuckDB, Spark, pandas).",
    description = {
        "Reads the journal (finished, still being written, or cut by kill -9) and appends what is new since the " +
        "last run to a Hive-partitioned Parquet dataset: observations/probe=ntp/date=YYYY-MM-DD/, " +
        "unreachable/date=YYYY-MM-DD/ and scans/, with ZSTD and a manifest of how far each journal was read.",
        "Without --follow it stops at the journal's current end; with --follow it keeps tailing until Ctrl-C, " +
        "committing every --checkpoint-interval-s seconds. Files appear atomically; re-running never duplicates " +
        "a row."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class CompactCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "journal directory to read")
    private Path journal;

    @Option(names = "--out", paramLabel = "DATASET", defaultValue = "dataset",
        description = "dataset directory, created if needed")
    private Path out;

    @Option(names = "--follow", description = "keep tailing the journal until interrupted")
    private boolean follow;

    @Option(names = "--checkpoint-records", paramLabel = "N", description = "records between checkpoints")
    private long checkpointRecords = CompactionConfiguration.CHECKPOINT_RECORDS_DEFAULT;

    @Option(names = "--checkpoint-interval-s", paramLabel = "S", description = "seconds between checkpoints")
    private long checkpointIntervalS = CompactionConfiguration.CHECKPOINT_INTERVAL_S_DEFAULT;

    @Option(names = "--row-group-rows", paramLabel = "N", description = "most rows per Parquet row group")
    private int rowGroupRows = CompactionConfiguration.ROW_GROUP_ROWS_DEFAULT;

    @Option(names = "--zstd-level", paramLabel = "N", description = "ZSTD compression level, 1-22")
    private int zstdLevel = CompactionConfiguration.ZSTD_LEVEL_DEFAULT;

    @Override
    public Integer call()
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final Compactor.Context ctx = new Compactor.Context().journalDir(journal).datasetDir(out).follow(follow)
            .checkpointRecords(checkpointRecords).checkpointIntervalS(checkpointIntervalS).rowGroupRows(rowGroupRows)
            .zstdLevel(zstdLevel);
        if (follow)
        {
            ctx.onCheckpoint(r -> stdout.printf("checkpoint: up to index %s, %s%n", hex(r.lastIndex()),
                describe(r.counts(), r.files())).flush());
        }
        final Compactor compactor = new Compactor(ctx);
        final CountDownLatch done = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            compactor.stop();
            awaitQuietly(done);
        }, "compact-stop");
        if (follow)
        {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        final Compactor.Report r;
        try
        {
            r = compactor.run();
        }
        catch (final IllegalStateException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        finally
        {
            done.countDown();
        }
        if (follow)
        {
            removeHook(hook);
        }
        print(stdout, r);
        return 0;
    }

    private void print(final PrintWriter stdout, final Compactor.Report r)
    {
        if (r.journalId() == null)
        {
            stdout.printf("stopped before journal %s had a record%n", journal);
            return;
        }
        if (r.lastIndex() == r.afterIndex())
        {
            stdout.printf("dataset %s is up to date with journal %s (id %s, index %s)%n", out, journal,
                r.journalId(), hex(r.lastIndex()));
            return;
        }
        final Manifest.Counts c = r.counts();
        final double seconds = r.elapsedNs() / 1e9;
        stdout.printf("compacted journal %s (id %s) into %s%n", journal, r.journalId(), out);
        stdout.printf("  read %d records %s up to index %s%n", c.records(),
            r.afterIndex() == Manifest.NO_INDEX ? "from the start" : "after index " + hex(r.afterIndex()),
            hex(r.lastIndex()));
        stdout.printf("  %s%n", describe(c, r.files()));
        if (r.filesDeleted() > 0)
        {
            stdout.printf("  deleted %d uncommitted file(s) left by an interrupted run%n", r.filesDeleted());
        }
        stdout.printf("  %.1f s, %.0f records/s%n", seconds, c.records() / Math.max(seconds, 1e-9));
        stdout.flush();
    }

    private static String describe(final Manifest.Counts c, final long files)
    {
        return String.format("%d NTP replies, %d HTTP records, %d ICMP unreachables, %d scan events, %d skipped (%d " +
            "unknown type, %d malformed); %d file(s) committed", c.ntp(), c.http(), c.unreachable(), c.scanEvents(),
            c.unknown() +
            c.malformed(), c.unknown(), c.malformed(), files);
    }

    private static String hex(final long index)
    {
        return index == Manifest.NO_INDEX ? "none" : "0x" + Long.toHexString(index);
    }

    private static void awaitQuietly(final CountDownLatch done)
    {
        try
        {
            done.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ignore)
        {
            // the JVM is already shutting down: the hook is running
        }
    }
}
