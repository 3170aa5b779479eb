package org.timestudy.engine.send;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each send thread is, in a memory-mapped file, saved before every batch is sent: a scan killed at any moment,
 * even with SIGKILL, resumes from the start of the batch it was sending, so it skips nothing and repeats at most one
 * batch. (The page cache keeps the file through a killed process; a machine crash may lose the last writes.)
 *
 * <pre>
 *   0  magic "tsresume" (8)      8  fingerprint hash (8)     16  threads (4)   20  rounds (4)
 *   24 + 32 x thread:  round (8)  position (8)  targets handed out (8)  finished (8)
 * </pre>
 */
public final class ResumeFile implements AutoCloseable
{
    private static final long MAGIC = 0x656d757365727374L; // "tsresume", little-endian
    private static final int HEADER_LENGTH = 24;
    private static final int SLOT_LENGTH = 32;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final int threads;

    private ResumeFile(final MappedByteBuffer mapped, final int threads)
    {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.threads = threads;
    }

    /**
     * Starts a fresh resume file.
     *
     * @param file        where.
     * @param fingerprint the scan's targets, seed and sharding.
     * @param threads     send threads.
     * @param rounds      rounds the scan will make.
     * @return the file.
     */
    public static ResumeFile create(final Path file, final String fingerprint, final int threads, final int rounds)
    {
        IoUtil.deleteIfExists(file.toFile());
        final MappedByteBuffer m = IoUtil.mapNewFile(file.toFile(), HEADER_LENGTH + (long)SLOT_LENGTH * threads);
        final ResumeFile f = new ResumeFile(m, threads);
        f.buffer.putLong(0, MAGIC, LE);
        f.buffer.putLong(8, hash(fingerprint), LE);
        f.buffer.putInt(16, threads, LE);
        f.buffer.putInt(20, rounds, LE);
        return f;
    }

    /**
     * Opens the resume file of a scan to continue it.
     *
     * @param file        where.
     * @param fingerprint the scan's targets, seed and sharding: must match the file's.
     * @param threads     send threads: must match.
     * @return the file.
     * @throws IllegalArgumentException when it is missing or belongs to another scan.
     */
    public static ResumeFile open(final Path file, final String fingerprint, final int threads)
    {
        if (!Files.exists(file))
        {
            throw new IllegalArgumentException("nothing to resume: " + file + " does not exist");
        }
        final File f = file.toFile();
        final MappedByteBuffer m = IoUtil.mapExistingFile(f, "resume");
        final ResumeFile r = new ResumeFile(m, threads);
        if (r.buffer.capacity() < HEADER_LENGTH || r.buffer.getLong(0, LE) != MAGIC)
        {
            r.close();
            throw new IllegalArgumentException(file + " is not a timestudy resume file");
        }
        if (r.buffer.getLong(8, LE) != hash(fingerprint) || r.buffer.getInt(16, LE) != threads)
        {
            r.close();
            throw new IllegalArgumentException("cannot resume: " + file + " belongs to a scan with other targets, " +
                "seed, shards or sender threads; give the same options as the scan being resumed");
        }
        return r;
    }

    /**
     * Saves a thread's position before it sends a batch.
     *
     * @param thread   send thread.
     * @param round    current round.
     * @param position cursor position at the start of the batch.
     * @param handed   targets handed out by this thread over all rounds, at the start of the batch.
     */
    public void save(final int thread, final long round, final long position, final long handed)
    {
        final int o = HEADER_LENGTH + thread * SLOT_LENGTH;
        buffer.putLongOrdered(o, round);
        buffer.putLongOrdered(o + 8, position);
        buffer.putLongOrdered(o + 16, handed);
    }

    /**
     * @param thread   send thread.
     * @param finished true once the thread has sent everything.
     */
    public void finished(final int thread, final boolean finished)
    {
        buffer.putLongOrdered(HEADER_LENGTH + thread * SLOT_LENGTH + 24, finished ? 1 : 0);
    }

    /**
     * @param thread send thread.
     * @return saved round.
     */
    public long round(final int thread)
    {
        return buffer.getLongVolatile(HEADER_LENGTH + thread * SLOT_LENGTH);
    }

    /**
     * @param thread send thread.
     * @return saved position.
     */
    public long position(final int thread)
    {
        return buffer.getLongVolatile(HEADER_LENGTH + thread * SLOT_LENGTH + 8);
    }

    /**
     * @param thread send thread.
     * @return saved count of targets handed out.
     */
    public long handed(final int thread)
    {
        return buffer.getLongVolatile(HEADER_LENGTH + thread * SLOT_LENGTH + 16);
    }

    /**
     * @param thread send thread.
     * @return true if the thread had finished.
     */
    public boolean finished(final int thread)
    {
        return buffer.getLongVolatile(HEADER_LENGTH + thread * SLOT_LENGTH + 24) != 0;
    }

    /**
     * @return send threads recorded.
     */
    public int threads()
    {
        return threads;
    }

    @Override
    public void close()
    {
        mapped.force();
        IoUtil.unmap(mapped);
    }

    private static long hash(final String s)
    {
        long h = 0xcbf29ce484222325L;
        for (final byte b : s.getBytes(StandardCharsets.UTF_8))
        {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
