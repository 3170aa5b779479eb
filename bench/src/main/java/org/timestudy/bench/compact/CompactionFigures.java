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
     * @param args records (default 5000000), work directory (default a temporary one), ZSTD level (default the
     *             compactor's), runs (default 3; figures are each run's and the median).
     * @throws Exception when something fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final long records = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        final Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("compaction-figures");
        final Compactor.Context context = new Compactor.Context();
        if (args.length > 2)
        {
            context.zstdLevel(Integer.parseInt(args[2]));
        }
        final Path journal = work.resolve("journal-" + records);
        final int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        if (!Files.exists(journal))
        {
            SurveyJournal.write(journal, 42, records);
        }
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            pool.resetPeakUsage();
        }
        final double[] perCpuSecond = new double[runs];
        Path dataset = null;
        Compactor.Report r = null;
        for (int run = 0; run < runs; run++)
        {
            if (dataset != null)
            {
                delete(dataset);
            }
            dataset = work.resolve("dataset-" + records + "-run" + run);
            if (Files.exists(dataset))
            {
                throw new IllegalArgumentException(dataset + " exists: remove it first");
            }
            final long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            final long t0 = System.nanoTime();
            r = new Compactor(context.journalDir(journal).datasetDir(dataset)).run();
            final long wallNs = System.nanoTime() - t0;
            final long cpuNs = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            perCpuSecond[run] = r.counts().records() / (cpuNs / 1e9);
            System.out.printf("run %d: %.2f s wall = %.0f records/s; %.2f s CPU of the thread = %.0f records per " +
                "CPU-second%n", run + 1, wallNs / 1e9, r.counts().records() / (wallNs / 1e9), cpuNs / 1e9,
                perCpuSecond[run]);
        }
        java.util.Arrays.sort(perCpuSecond);
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
        System.out.printf("compaction               median of %d runs %.0f records per CPU-second (min %.0f, " +
            "max %.0f; the first run includes JIT warm-up)%n", runs, perCpuSecond[runs / 2], perCpuSecond[0],
            perCpuSecond[runs - 1]);
        System.out.printf("peak heap used           %.1f MiB (sum of the heap pools' peaks: an upper bound; " +
            "max heap %.0f MiB)%n", peakHeap / 1048576.0,
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

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
