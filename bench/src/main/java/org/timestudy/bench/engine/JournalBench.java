package org.timestudy.bench.engine;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.RecordFlyweight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Chronicle Queue journal: appending 64-byte records, and reading them back from the tail.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalBench
{
    private static final int RECORD_LENGTH = 64;

    private Path dir;
    private ChronicleQueue queue;
    private JournalAppender appender;
    private JournalReader reader;
    private long scanId;
    private long sink;
    private final JournalReader.Handler handler = (type, buffer, length, index) -> sink += length;

    /**
     * Opens a fresh journal in a temporary directory.
     *
     * @throws IOException if the directory cannot be made.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("timestudy-jmh-journal");
        queue = Journal.openForWrite(dir);
        appender = new JournalAppender(queue);
        reader = new JournalReader(queue);
    }

    /**
     * Closes and deletes the journal.
     *
     * @throws IOException if it cannot be deleted.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        reader.close();
        appender.close();
        queue.close();
        try (Stream<Path> s = Files.walk(dir))
        {
            for (final Path p : s.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }

    /** Appends one 64-byte record. */
    @Benchmark
    public void append()
    {
        final RecordFlyweight r = new RecordFlyweight();
        r.wrap(appender.buffer(), 0).type(1).version(1).length(RECORD_LENGTH).scanId(scanId++);
        appender.append(RECORD_LENGTH);
    }

    /**
     * Appends one record and reads one from the tail (a tailer following the writer).
     *
     * @return bytes read so far.
     */
    @Benchmark
    public long appendAndTail()
    {
        append();
        reader.read(handler, 1);
        return sink;
    }
}
