package org.timestudy.bench.compact;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.analyzer.ingest.SurveyJournal;
import org.timestudy.analyzer.ingest.Table;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compaction throughput in journal records per second on one thread, over a realistic survey journal of
 * {@link #RECORDS} records (SurveyJournal: 99.5% NTP replies), against a baseline in the same run: the same journal
 * read the same way and written with parquet-hadoop's generic {@code ExampleParquetWriter} (GroupWriteSupport, one
 * Group object per row) with the same schema, ZSTD and writer version.
 *
 * <pre>
 *   java $(cat cli/target/classes/jvm.options) -cp "$(cat /tmp/bench.cp)" org.openjdk.jmh.Main CompactionBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class CompactionBench
{
    /** Records in the benchmark journal (scan start and end included). */
    public static final int RECORDS = 1_000_002;

    private Path root;
    private Path journal;
    private Path out;

    /**
     * Writes the journal once.
     *
     * @throws IOException when the temporary directory cannot be made.
     */
    @Setup(Level.Trial)
    public void writeJournal() throws IOException
    {
        root = Files.createTempDirectory("compaction-bench");
        journal = root.resolve("journal");
        SurveyJournal.write(journal, 42, RECORDS - 2);
    }

    /**
     * Deletes the output of the last invocation.
     */
    @TearDown(Level.Invocation)
    public void deleteOutput()
    {
        delete(out);
    }

    /**
     * Deletes everything.
     */
    @TearDown(Level.Trial)
    public void deleteAll()
    {
        delete(root);
    }

    /**
     * The compactor: journal to the partitioned dataset, manifest included.
     *
     * @return records read.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long compact()
    {
        out = root.resolve("dataset");
        return new Compactor(new Compactor.Context().journalDir(journal).datasetDir(out)).run().counts().records();
    }

    /**
     * Baseline: the same rows through a generic WriteSupport.
     *
     * @return rows written.
     * @throws IOException when writing fails.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long genericWriteSupport() throws IOException
    {
        out = root.resolve("generic");
        Files.createDirectories(out);
        final SimpleGroupFactory groups = new SimpleGroupFactory(Table.NTP_OBSERVATIONS.schema());
        final NtpReplyFlyweight f = new NtpReplyFlyweight();
        final long[] rows = new long[1];
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q);
            ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(out.resolve("g.parquet")))
                .withType(Table.NTP_OBSERVATIONS.schema()).withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).withRowGroupRowCountLimit(1 << 20)
                .build())
        {
            while (reader.read((type, buffer, length, index) ->
            {
                if (type == RecordType.NTP_REPLY)
                {
                    write(writer, group(groups.newGroup(), f.wrap(buffer, 0), index));
                    rows[0]++;
                }
            }, 4096) > 0)
            {
                // to the end of the journal
            }
        }
        return rows[0];
    }

    private static Group group(final Group g, final NtpReplyFlyweight f, final long index)
    {
        final int flags = f.flags();
        final boolean t1Known = (flags & RecordFlags.T1_MISSING) == 0 && f.t1EpochNs() != 0;
        g.add("scan_id", f.scanId());
        g.add("journal_index", index);
        g.add("probe_index", f.probeIndex());
        g.add("address", NtpFields.refidAddress(f.targetAddress()));
        g.add("address_int", f.targetAddress());
        g.add("port", f.targetPort());
        g.add("source_port", f.sourcePort());
        if (t1Known)
        {
            g.add("t1", f.t1EpochNs());
        }
        g.add("t4", f.t4EpochNs());
        if (t1Known && f.receiveTimestamp() != 0 && f.transmitTimestamp() != 0)
        {
            g.add("offset_s", NtpTime.offsetSecondsFromEpochNs(f.t1EpochNs(), f.receiveTimestamp(),
                f.transmitTimestamp(), f.t4EpochNs()));
            g.add("delay_s", NtpTime.delaySecondsFromEpochNs(f.t1EpochNs(), f.receiveTimestamp(),
                f.transmitTimestamp(), f.t4EpochNs()));
        }
        g.add("flags", flags);
        g.add("t1_from_capture", (flags & RecordFlags.T1_FROM_CAPTURE) != 0);
        g.add("t1_missing", (flags & RecordFlags.T1_MISSING) != 0);
        g.add("kiss_of_death", (flags & RecordFlags.KISS_OF_DEATH) != 0);
        g.add("unsynchronised", (flags & RecordFlags.UNSYNCHRONISED) != 0);
        g.add("extended", (flags & RecordFlags.EXTENDED) != 0);
        g.add("ttl", f.ttl());
        g.add("leap", NtpFields.leap(f.firstByte()));
        g.add("version", NtpFields.version(f.firstByte()));
        g.add("mode", NtpFields.mode(f.firstByte()));
        g.add("stratum", f.stratum());
        g.add("poll", f.poll());
        g.add("precision", f.precision());
        g.add("root_delay_s", NtpTime.shortToSeconds(f.rootDelay()));
        g.add("root_dispersion_s", NtpTime.shortToSeconds(f.rootDispersion()));
        g.add("refid", NtpFields.refid(f.stratum(), f.refid()));
        g.add("refid_raw", f.refid());
        ntpTime(g, "reference_time", f.referenceTimestamp());
        ntpTime(g, "origin_time", f.originTimestamp());
        ntpTime(g, "t2", f.receiveTimestamp());
        ntpTime(g, "t3", f.transmitTimestamp());
        g.add("payload_length", f.payloadLength());
        return g;
    }

    private static void ntpTime(final Group g, final String name, final long ntp)
    {
        if (ntp != 0)
        {
            g.add(name, NtpTime.toEpochNs(ntp));
        }
    }

    private static void write(final ParquetWriter<Group> writer, final Group g)
    {
        try
        {
            writer.write(g);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(final Path dir)
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
