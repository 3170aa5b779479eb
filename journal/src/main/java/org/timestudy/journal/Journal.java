package org.timestudy.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The journal: a Chronicle Queue directory of fixed-layout records, plus a {@code journal.properties} marker that
 * names the format. One place opens it, for the engine (writing) and the analyzer (reading).
 *
 * <p>Roll cycle: {@code FAST_HOURLY} (one file per hour, up to 2^32 records an hour, far above any reply rate).
 * Chronicle writes each record under a header whose length is set last, so a process killed with SIGKILL leaves
 * either the whole record or none of it visible to readers.
 */
public final class Journal
{
    /** Name of the format marker file in the journal directory. */
    public static final String MARKER_FILE = "journal.properties";
    /** Format written by this code; readers refuse other formats. */
    public static final String FORMAT = "timestudy-journal/" + RecordType.LAYOUT_VERSION;

    private Journal()
    {
    }

    /**
     * Opens (creating if needed) a journal for appending.
     *
     * @param dir journal directory.
     * @return the queue; close it when done.
     */
    public static ChronicleQueue openForWrite(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            final Path marker = dir.resolve(MARKER_FILE);
            if (Files.exists(marker))
            {
                checkFormat(dir);
            }
            else
            {
                final Properties p = new Properties();
                p.setProperty("format", FORMAT);
                p.setProperty("byteOrder", RecordFlyweight.ORDER.toString());
                // Written aside and renamed, so a reader starting at the same moment never sees half a marker.
                final Path tmp = Files.createTempFile(dir, ".journal", ".tmp");
                try (var out = Files.newOutputStream(tmp))
                {
                    p.store(out, "timestudy journal: Chronicle Queue of fixed-layout records (see journal/README.md)");
                }
                Files.move(tmp, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return builder(dir).build();
    }

    /**
     * Opens an existing journal for reading, and checks its format.
     *
     * @param dir journal directory.
     * @return the queue, read-only.
     * @throws JournalException when the directory is missing, is not a journal, or has another format.
     */
    public static ChronicleQueue openForRead(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            throw new JournalException("no journal at " + dir + ": the directory does not exist");
        }
        checkFormat(dir);
        return builder(dir).readOnly(true).build();
    }

    /**
     * Checks the format marker of a journal.
     *
     * @param dir journal directory.
     * @throws JournalException when it is missing or names another format.
     */
    public static void checkFormat(final Path dir)
    {
        final Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve(MARKER_FILE)))
        {
            p.load(in);
        }
        catch (final NoSuchFileException ex)
        {
            throw new JournalException("not a timestudy journal: " + dir + " has no " + MARKER_FILE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final String format = p.getProperty("format");
        if (!FORMAT.equals(format))
        {
            throw new JournalException("journal " + dir + " has format '" + format + "', this version reads '" +
                FORMAT + "': use the timestudy version that wrote it");
        }
    }

    private static SingleChronicleQueueBuilder builder(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(RollCycles.FAST_HOURLY);
    }
}
