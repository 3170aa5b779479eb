package org.timestudy.engine.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The engine's counters in a memory-mapped file: metadata first, values after, in Agrona's CountersManager layout,
 * so {@code CountersReader} in another process sees them live. Each counter has one writer thread.
 */
public final class Counters implements AutoCloseable
{
    /** File name beside the journal. */
    public static final String FILE_NAME = "counters.dat";
    private static final int SLOTS = 64;
    private static final int METADATA_LENGTH = SLOTS * CountersReader.METADATA_LENGTH;
    private static final int VALUES_LENGTH = SLOTS * CountersReader.COUNTER_LENGTH;

    private final MappedByteBuffer mapped;
    private final AtomicCounter[] counters = new AtomicCounter[EngineCounter.values().length];
    private final CountersReader reader;

    private Counters(final MappedByteBuffer mapped, final boolean create)
    {
        this.mapped = mapped;
        final AtomicBuffer metadata = new UnsafeBuffer(mapped, 0, METADATA_LENGTH);
        final AtomicBuffer values = new UnsafeBuffer(mapped, METADATA_LENGTH, VALUES_LENGTH);
        if (create)
        {
            final CountersManager manager = new CountersManager(metadata, values, StandardCharsets.US_ASCII);
            for (final EngineCounter c : EngineCounter.values())
            {
                counters[c.ordinal()] = manager.newCounter(c.label(), c.id());
            }
            reader = manager;
        }
        else
        {
            reader = new CountersReader(metadata, values, StandardCharsets.US_ASCII);
        }
    }

    /**
     * Creates fresh counters in a file (replacing an older one).
     *
     * @param dir directory for {@link #FILE_NAME}.
     * @return the counters.
     */
    public static Counters create(final Path dir)
    {
        final File file = dir.resolve(FILE_NAME).toFile();
        IoUtil.deleteIfExists(file);
        return new Counters(IoUtil.mapNewFile(file, METADATA_LENGTH + VALUES_LENGTH), true);
    }

    /**
     * Opens counters another process writes, to read them.
     *
     * @param dir directory holding {@link #FILE_NAME}.
     * @return reader-only counters.
     */
    public static Counters open(final Path dir)
    {
        return new Counters(IoUtil.mapExistingFile(dir.resolve(FILE_NAME).toFile(), "counters"), false);
    }

    /**
     * @param c which counter.
     * @return the writer's handle (one thread only).
     */
    public AtomicCounter counter(final EngineCounter c)
    {
        return counters[c.ordinal()];
    }

    /**
     * @param c which counter.
     * @return its current value.
     */
    public long get(final EngineCounter c)
    {
        final long[] found = {0};
        reader.forEach((value, id, label) ->
        {
            if (id == c.id())
            {
                found[0] = value;
            }
        });
        return counters[c.ordinal()] != null ? counters[c.ordinal()].get() : found[0];
    }

    /**
     * @return a reader over all counters.
     */
    public CountersReader reader()
    {
        return reader;
    }

    @Override
    public void close()
    {
        for (final AtomicCounter c : counters)
        {
            if (c != null)
            {
                c.close();
            }
        }
        IoUtil.unmap(mapped);
    }
}
