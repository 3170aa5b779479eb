package org.timestudy.analyzer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dataset directory opened for writing: holds the lock that keeps a second compaction out, reads and replaces the
 * manifest, and deletes what a run that did not commit left behind. Layout: see {@link Table}.
 */
public final class Dataset implements AutoCloseable
{
    /** Lock file in the dataset root, held by the compaction writing to it. */
    public static final String LOCK_FILE = "_compact.lock";

    private final Path root;
    private final LockFile lock;

    private Dataset(final Path root, final LockFile lock)
    {
        this.root = root;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) a dataset for one writer.
     *
     * @param root dataset directory.
     * @return the dataset, locked until closed.
     * @throws IllegalStateException when another compaction holds the lock.
     */
    public static Dataset openForWrite(final Path root)
    {
        final LockFile lock = LockFile.tryLock(root.resolve(LOCK_FILE));
        if (lock == null)
        {
            throw new IllegalStateException("another compaction is writing to " + root + "; wait for it to end");
        }
        return new Dataset(root, lock);
    }

    /**
     * @return the dataset directory.
     */
    public Path root()
    {
        return root;
    }

    /**
     * @return the manifest, empty for a new dataset.
     */
    public Manifest manifest()
    {
        return Manifest.load(root.resolve(Manifest.FILE_NAME));
    }

    /**
     * Replaces the manifest atomically.
     *
     * @param manifest the new manifest.
     */
    public void commit(final Manifest manifest)
    {
        manifest.store(root.resolve(Manifest.FILE_NAME));
    }

    /**
     * Deletes the files a run left uncommitted: every temporary file, and the data files of a journal whose rows lie
     * past the manifest's position (a run ended between renaming them and replacing the manifest).
     *
     * @param journalId     the journal about to be compacted.
     * @param lastCommitted its last committed index, or {@link Manifest#NO_INDEX}.
     * @return the files deleted.
     */
    public List<Path> deleteUncommitted(final String journalId, final long lastCommitted)
    {
        final List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root))
        {
            for (final Path p : (Iterable<Path>)files.filter(Files::isRegularFile)::iterator)
            {
                final String name = p.getFileName().toString();
                final DataFileName parsed = DataFileName.parse(name);
                final boolean uncommitted = parsed != null && parsed.journalId().equals(journalId) &&
                    parsed.firstIndex() > lastCommitted;
                if (uncommitted || (name.startsWith(".part-") && name.endsWith(DataFileName.TEMP_SUFFIX)))
                {
                    Files.delete(p);
                    deleted.add(p);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return deleted;
    }

    /**
     * Releases the lock.
     */
    @Override
    public void close()
    {
        lock.close();
    }

    /**
     * Forces a directory's entries to disk, so a rename in it survives a crash.
     *
     * @param dir the directory.
     */
    static void syncDirectory(final Path dir)
    {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ))
        {
            ch.force(true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Syncs a written file and renames it over its target in one atomic step.
     *
     * @param temp   the written file.
     * @param target its final path.
     */
    static void syncFileAndMove(final Path temp, final Path target)
    {
        try
        {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
