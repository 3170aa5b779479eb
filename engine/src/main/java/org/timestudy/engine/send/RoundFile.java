package org.timestudy.engine.send;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which round each send thread is in, for scans of several rounds: a memory-mapped long per thread beside the
 * targets module's resume file (which keeps the position within the round). A thread records its new round before
 * it commits any position in it, so a resume never applies a position to the wrong round.
 */
public final class RoundFile implements AutoCloseable
{
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;

    private RoundFile(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
    }

    /**
     * @param file    where.
     * @param threads send threads.
     * @param resume  true to keep the rounds recorded there.
     * @return the file.
     */
    public static RoundFile open(final Path file, final int threads, final boolean resume)
    {
        if (resume && Files.exists(file) && file.toFile().length() == 8L * threads)
        {
            return new RoundFile(IoUtil.mapExistingFile(file.toFile(), "rounds"));
        }
        IoUtil.deleteIfExists(file.toFile());
        return new RoundFile(IoUtil.mapNewFile(file.toFile(), 8L * threads, true));
    }

    /**
     * @param thread send thread.
     * @return its round.
     */
    public long round(final int thread)
    {
        return buffer.getLongVolatile(thread * 8);
    }

    /**
     * @param thread send thread.
     * @param round  the round it now sends.
     */
    public void round(final int thread, final long round)
    {
        buffer.putLongVolatile(thread * 8, round);
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
