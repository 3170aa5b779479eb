package org.timestudy.bench.compact;

import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.analyzer.ingest.SurveyJournal;
import org.timestudy.analyzer.ingest.Table;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Size and memory of compaction on a realistic survey journal: bytes per row of the observations files (whole files,
 * footers included, divided by rows) and per column (compressed column chunk sizes from the Parquet footers, read
 * with DuckDB's parquet_metadata), the journal's own bytes per record, the compacting thread's CPU time, and the peak
 * heap and peak RSS of the process. Run it with a small -Xmx to show the memory is bounded by the row group, not the
 * journal.
 *
 * <pre>
 *   java -Xmx256m $(cat cli/target/classes/jvm.options) -cp "$(cat /tmp/bench.cp)" \
 *       org.timestudy.bench.compact.CompactionFigures 5000000 /tmp/figures
 * </pre>
 */
public final class CompactionFigures
{
    private CompactionFigures()
    {
    }

    /**
     * @param args records (default 5000000), work directory (default a temporary one).
     * @throws Exception when something fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final long records = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        final Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("compaction-figures");
        final Path journal = work.resolve("journal-" + records);
        final Path dataset = work.resolve("dataset-" + records);
        if (!Files.exists(journal))
        {
            SurveyJournal.write(journal, 42, records);
        }
        if (Files.exists(dataset))
        {
            throw new IllegalArgumentException(dataset + " exists: remove it first");
        }
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            pool.resetPeakUsage();
        }
        final long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        final long t0 = System.nanoTime();
        final Compactor.Report r = new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)).run();
        final long wallNs = System.nanoTime() - t0;
        final long cpuNs = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        long peakHeap = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getType() == MemoryType.HEAP)
            {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        final long ntp = r.counts().ntp();
        final long observationBytes = size(dataset.resolve(Table.NTP_OBSERVATIONS.directory()));
        System.out.printf("journal records          %d (%d NTP rows, %d unreachable, %d scan events)%n",
            r.counts().records(), ntp, r.counts().unreachable(), r.counts().scanEvents());
        System.out.printf("journal on disk          %.1f bytes/record (Chronicle Queue files)%n",
            (double)size(journal) / r.counts().records());
        System.out.printf("observations files       %d bytes = %.2f bytes/row%n", observationBytes,
            (double)observationBytes / ntp);
        System.out.printf("whole dataset            %d bytes%n", size(dataset));
        System.out.printf("compaction               %.2f s wall = %.0f records/s; %.2f s CPU of the thread = %.0f " +
            "records per CPU-second%n", wallNs / 1e9, r.counts().records() / (wallNs / 1e9), cpuNs / 1e9,
            r.counts().records() / (cpuNs / 1e9));
        System.out.printf("peak heap used           %.1f MiB (max heap %.0f MiB)%n", peakHeap / 1048576.0,
            Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf("peak RSS (VmHWM)         %s%n", vmHwm());
        System.out.println("bytes per row by column (compressed column chunks):");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT path_in_schema, any_value(encodings), " +
                "sum(total_compressed_size) / " + ntp + " AS bpr FROM parquet_metadata('" + dataset +
                "/" + Table.NTP_OBSERVATIONS.glob() + "') GROUP BY ALL ORDER BY bpr DESC"))
        {
            while (rs.next())
            {
                System.out.printf("  %-18s %6.3f  %s%n", rs.getString(1), rs.getDouble(3), rs.getString(2));
            }
        }
    }

    private static long size(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String vmHwm() throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
        {
            if (line.startsWith("VmHWM:"))
            {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
