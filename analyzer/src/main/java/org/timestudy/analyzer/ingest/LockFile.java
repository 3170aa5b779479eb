package org.timestudy.analyzer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file that keeps a second writer out: held until closed, released by the OS when the
 * process dies.
 */
final class LockFile implements AutoCloseable
{
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param file the lock file, created if needed (with its directory).
     * @return the lock, or null when another process (or this one) holds it.
     */
    static LockFile tryLock(final Path file)
    {
        try
        {
            Files.createDirectories(file.getParent());
            final FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try
            {
                lock = ch.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                lock = null;
            }
            if (lock == null)
            {
                ch.close();
                return null;
            }
            return new LockFile(ch, lock);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Releases the lock. */
    @Override
    public void close()
    {
        try
        {
            lock.release();
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
