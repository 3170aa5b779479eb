package org.timestudy.targets.resume;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.permute.ScanOrder;
import org.timestudy.targets.permute.Walk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scan's resume points in a small memory-mapped file: a header with the {@link ScanFingerprint} and one slot per
 * sender thread. Each thread commits its walk's position after every batch it has sent; the stores land in the
 * page cache, so they survive {@code kill -9} of the scanner (not a crash of the machine; {@link #force()} for
 * that). A resumed walk starts at the last committed position: it skips nothing and repeats at most the one batch
 * that was sent but not yet committed.
 *
 * <p>Each slot holds two copies written alternately, so a commit cut short leaves the previous one intact. Native
 * byte order.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     magic "TSRP"  (0)                         |
 *  |                     version       (4)                         |
 *  |                     seed          (8, long)                   |
 *  |                     targets       (16, long)                  |
 *  |                     target digest (24, long)                  |
 *  |                     max targets   (32, long)                  |
 *  |  shards (40)  |  shard (44)  |  threads (48)  | reserved (52) |
 *  |                     reserved      (56, long)                  |
 *  +---------------------------------------------------------------+
 *  | slot of thread t at 64 + 128 t: two copies of 64 bytes, each  |
 *  |   begin sequence (0) | position (8) | produced (16) | end sequence (24) | padding |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ResumeFile implements AutoCloseable
{
    /** "TSRP". */
    public static final int MAGIC = 0x54535250;
    /** Layout version; also changes whenever the walk's order would change for the same inputs. */
    public static final int VERSION = 1;
    /** Bytes before the first slot. */
    public static final int HEADER_LENGTH = 64;
    /** Bytes per thread slot. */
    public static final int SLOT_LENGTH = 128;
    /** Bytes per copy inside a slot. */
    public static final int COPY_LENGTH = 64;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int SEED_OFFSET = 8;
    static final int TARGETS_OFFSET = 16;
    static final int DIGEST_OFFSET = 24;
    static final int MAX_TARGETS_OFFSET = 32;
    static final int SHARDS_OFFSET = 40;
    static final int SHARD_OFFSET = 44;
    static final int THREADS_OFFSET = 48;
    static final int BEGIN_OFFSET = 0;
    static final int POSITION_OFFSET = 8;
    static final int PRODUCED_OFFSET = 16;
    static final int END_OFFSET = 24;

    private static final int SEQUENCE_STRIDE = 8;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final ScanFingerprint fingerprint;
    private final long[] sequences;

    private ResumeFile(final Path path, final MappedByteBuffer mapped, final ScanFingerprint fingerprint)
    {
        this.path = path;
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.fingerprint = fingerprint;
        this.sequences = new long[fingerprint.threads() * SEQUENCE_STRIDE];
        for (int t = 0; t < fingerprint.threads(); t++)
        {
            sequences[t * SEQUENCE_STRIDE] = Math.max(sequenceOf(t, 0), sequenceOf(t, 1));
        }
    }

    /**
     * Makes a new resume file for a scan starting from the beginning, replacing any file at that path.
     *
     * @param path        where.
     * @param fingerprint the scan.
     * @return the open file, every thread at the start.
     */
    public static ResumeFile create(final Path path, final ScanFingerprint fingerprint)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final MappedByteBuffer mapped = IoUtil.mapNewFile(path.toFile(), lengthFor(fingerprint.threads()), true);
        final UnsafeBuffer b = new UnsafeBuffer(mapped);
        b.putLong(SEED_OFFSET, fingerprint.seed());
        b.putLong(TARGETS_OFFSET, fingerprint.targets());
        b.putLong(DIGEST_OFFSET, fingerprint.targetDigest());
        b.putLong(MAX_TARGETS_OFFSET, fingerprint.maxTargets());
        b.putInt(SHARDS_OFFSET, fingerprint.shards());
        b.putInt(SHARD_OFFSET, fingerprint.shard());
        b.putInt(THREADS_OFFSET, fingerprint.threads());
        b.putInt(VERSION_OFFSET, VERSION);
        b.putIntVolatile(MAGIC_OFFSET, MAGIC);
        return new ResumeFile(path, mapped, fingerprint);
    }

    /**
     * Opens the resume file of an interrupted scan, refusing one made by a different scan.
     *
     * @param path        where.
     * @param fingerprint the scan that wants to resume.
     * @return the open file, holding each thread's last committed position.
     * @throws TargetInputException if the file is not a resume file, or the scans differ (the message says how).
     */
    public static ResumeFile resume(final Path path, final ScanFingerprint fingerprint)
    {
        final ScanFingerprint saved = readFingerprint(path);
        final String mismatch = fingerprint.mismatch(saved);
        if (mismatch != null)
        {
            throw new TargetInputException("resume file " + path + " is from a different scan: " + mismatch);
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), "resume file");
        if (mapped.capacity() != lengthFor(saved.threads()))
        {
            IoUtil.unmap(mapped);
            throw new TargetInputException("resume file " + path + " has the wrong length for " +
                saved.threads() + " threads");
        }
        return new ResumeFile(path, mapped, saved);
    }

    /**
     * @param path a resume file.
     * @return the fingerprint it was made with.
     * @throws TargetInputException if it is not a resume file of this version.
     */
    public static ScanFingerprint readFingerprint(final Path path)
    {
        if (!Files.isRegularFile(path))
        {
            throw new TargetInputException("no resume file at " + path);
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), "resume file");
        try
        {
            final UnsafeBuffer b = new UnsafeBuffer(mapped);
            if (b.capacity() < HEADER_LENGTH || b.getIntVolatile(MAGIC_OFFSET) != MAGIC)
            {
                throw new TargetInputException(path + " is not a timestudy resume file");
            }
            if (b.getInt(VERSION_OFFSET) != VERSION)
            {
                throw new TargetInputException("resume file " + path + " has version " + b.getInt(VERSION_OFFSET) +
                    "; this timestudy reads version " + VERSION);
            }
            return new ScanFingerprint(b.getLong(SEED_OFFSET), b.getLong(TARGETS_OFFSET), b.getLong(DIGEST_OFFSET),
                b.getLong(MAX_TARGETS_OFFSET), b.getInt(SHARDS_OFFSET), b.getInt(SHARD_OFFSET),
                b.getInt(THREADS_OFFSET));
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * @param threads sender threads.
     * @return file length in bytes.
     */
    public static int lengthFor(final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        return HEADER_LENGTH + threads * SLOT_LENGTH;
    }

    /**
     * Records that every target a walk has produced so far has been sent. Called by the walk's own thread after
     * each batch; allocation-free, no system call.
     *
     * @param thread   the thread, 0 to threads - 1.
     * @param position {@link Walk#position()}.
     * @param produced {@link Walk#produced()}.
     */
    public void commit(final int thread, final long position, final long produced)
    {
        final long sequence = ++sequences[thread * SEQUENCE_STRIDE];
        final int copy = slotOffset(thread) + (int)(sequence & 1) * COPY_LENGTH;
        buffer.putLongVolatile(copy + BEGIN_OFFSET, sequence);
        buffer.putLong(copy + POSITION_OFFSET, position);
        buffer.putLong(copy + PRODUCED_OFFSET, produced);
        buffer.putLongRelease(copy + END_OFFSET, sequence);
    }

    /**
     * @param thread the thread.
     * @param walk   its walk, after a batch was sent.
     */
    public void commit(final int thread, final Walk walk)
    {
        commit(thread, walk.position(), walk.produced());
    }

    /**
     * Reads a thread's last committed position: for a scan that has stopped, or from the thread that commits.
     *
     * @param thread a thread, 0 to threads - 1.
     * @return its last committed position, or {@link ResumePoint#START}.
     */
    public ResumePoint point(final int thread)
    {
        final int c0 = slotOffset(thread);
        final int c1 = c0 + COPY_LENGTH;
        final long s0 = sequenceOf(thread, 0);
        final long s1 = sequenceOf(thread, 1);
        if (s0 == 0 && s1 == 0)
        {
            return ResumePoint.START;
        }
        final int copy = s0 >= s1 ? c0 : c1;
        return new ResumePoint(buffer.getLong(copy + POSITION_OFFSET), buffer.getLong(copy + PRODUCED_OFFSET));
    }

    /**
     * @param order  the scan's order (its fingerprint must be this file's).
     * @param thread a thread.
     * @return that thread's walk, at its last committed position.
     */
    public Walk walk(final ScanOrder order, final int thread)
    {
        final String mismatch = ScanFingerprint.of(order, fingerprint.threads()).mismatch(fingerprint);
        if (mismatch != null)
        {
            throw new TargetInputException("scan order differs from resume file " + path + ": " + mismatch);
        }
        final ResumePoint p = point(thread);
        return order.walk(thread, fingerprint.threads(), p.position(), p.produced());
    }

    /**
     * @return the fingerprint of the scan this file belongs to.
     */
    public ScanFingerprint fingerprint()
    {
        return fingerprint;
    }

    /**
     * @return the file.
     */
    public Path path()
    {
        return path;
    }

    /** Writes the mapped pages to the device (for machine crashes; kill -9 needs no flush). */
    public void force()
    {
        mapped.force();
    }

    /** Unmaps the file. */
    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    /**
     * @return the sequence of a complete copy, or 0 if the copy was never written or its write was cut short.
     */
    private long sequenceOf(final int thread, final int copyIndex)
    {
        final int copy = slotOffset(thread) + copyIndex * COPY_LENGTH;
        final long end = buffer.getLongAcquire(copy + END_OFFSET);
        final long begin = buffer.getLongVolatile(copy + BEGIN_OFFSET);
        return begin == end ? end : 0;
    }

    private int slotOffset(final int thread)
    {
        if (thread < 0 || thread >= fingerprint.threads())
        {
            throw new IndexOutOfBoundsException("thread " + thread + " of " + fingerprint.threads());
        }
        return HEADER_LENGTH + thread * SLOT_LENGTH;
    }
}
