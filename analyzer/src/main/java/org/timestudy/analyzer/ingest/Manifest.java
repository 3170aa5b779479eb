package org.timestudy.analyzer.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dataset's manifest, {@code _manifest.json}: for each journal compacted into the dataset, the index of the last
 * record whose rows are committed, and a log of the runs. Replaced atomically after the data files of a checkpoint
 * are in place, so it never names a position whose rows are missing.
 *
 * <p>A journal is identified by the CRC-32C of its first record and that record's index (8 hex digits): it stays the
 * same while the journal grows and when the journal is moved to another directory or host.
 *
 * @param format   format of the dataset, {@link #FORMAT}.
 * @param journals position reached in each journal.
 * @param runs     one entry per compaction run, oldest first.
 */
public record Manifest(String format, List<JournalEntry> journals, List<RunEntry> runs)
{
    /** Dataset format written by this code; other formats are refused. */
    public static final String FORMAT = "timestudy-dataset/1";
    /** Name of the manifest in the dataset root. */
    public static final String FILE_NAME = "_manifest.json";
    /** Value of {@link JournalEntry#lastIndex()} for a journal nothing of which is committed. */
    public static final long NO_INDEX = -1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Position reached in one journal.
     *
     * @param id         journal id.
     * @param path       directory the journal was last read from.
     * @param lastIndex  Chronicle index of the last record whose rows are committed.
     * @param counts     totals committed from this journal.
     */
    public record JournalEntry(String id, String path, long lastIndex, Counts counts)
    {
    }

    /**
     * One compaction run.
     *
     * @param journal    journal id.
     * @param startedAt  ISO-8601 UTC.
     * @param finishedAt ISO-8601 UTC of its last checkpoint.
     * @param afterIndex index it resumed after, or {@link #NO_INDEX}.
     * @param lastIndex  index of the last record it committed.
     * @param counts     what it committed.
     * @param files      data files it committed.
     */
    public record RunEntry(
        String journal, String startedAt, String finishedAt, long afterIndex, long lastIndex, Counts counts, long files)
    {
    }

    /**
     * Record counts.
     *
     * @param ntp         NTP replies written.
     * @param http        HTTP records written (absent from manifests written before HTTP: 0).
     * @param unreachable ICMP unreachables written.
     * @param scanEvents  scan start and end events written.
     * @param unknown     records of a type this version does not know, skipped.
     * @param malformed   records too short for their type or with invalid JSON, skipped.
     */
    public record Counts(long ntp, long http, long unreachable, long scanEvents, long unknown, long malformed)
    {
        /** No records. */
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        /**
         * @param other counts to add.
         * @return the sums.
         */
        public Counts plus(final Counts other)
        {
            return new Counts(ntp + other.ntp, http + other.http, unreachable + other.unreachable,
                scanEvents + other.scanEvents,
                unknown + other.unknown, malformed + other.malformed);
        }

        /**
         * @return records read, written or skipped.
         */
        public long records()
        {
            return ntp + http + unreachable + scanEvents + unknown + malformed;
        }
    }

    /**
     * @return an empty manifest.
     */
    public static Manifest empty()
    {
        return new Manifest(FORMAT, List.of(), List.of());
    }

    /**
     * @param id a journal id.
     * @return its entry, or null when nothing of it was compacted.
     */
    public JournalEntry journal(final String id)
    {
        for (final JournalEntry e : journals)
        {
            if (e.id().equals(id))
            {
                return e;
            }
        }
        return null;
    }

    /**
     * @param entry the new position of a journal.
     * @param run   the current run's entry, replacing an entry with the same journal and start time.
     * @return a manifest with both.
     */
    public Manifest with(final JournalEntry entry, final RunEntry run)
    {
        final List<JournalEntry> js = new ArrayList<>();
        for (final JournalEntry e : journals)
        {
            if (!e.id().equals(entry.id()))
            {
                js.add(e);
            }
        }
        js.add(entry);
        final List<RunEntry> rs = new ArrayList<>();
        for (final RunEntry r : runs)
        {
            if (!(r.journal().equals(run.journal()) && r.startedAt().equals(run.startedAt())))
            {
                rs.add(r);
            }
        }
        rs.add(run);
        return new Manifest(format, List.copyOf(js), List.copyOf(rs));
    }

    /**
     * Reads a manifest.
     *
     * @param file the manifest file.
     * @return it, or an empty manifest when the file does not exist.
     * @throws IllegalArgumentException when it is not a manifest of this format.
     */
    public static Manifest load(final Path file)
    {
        final Manifest m;
        try
        {
            m = MAPPER.readValue(Files.readAllBytes(file), Manifest.class);
        }
        catch (final NoSuchFileException ex)
        {
            return empty();
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the dataset manifest " + file + ": " + ex.getMessage(), ex);
        }
        if (!FORMAT.equals(m.format()))
        {
            throw new IllegalArgumentException("dataset manifest " + file + " has format '" + m.format() +
                "', this version writes '" + FORMAT + "'");
        }
        return m;
    }

    /**
     * Writes the manifest atomically: a temporary file, synced, renamed over the old one.
     *
     * @param file the manifest file.
     */
    public void store(final Path file)
    {
        final Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try
        {
            Files.write(temp, MAPPER.writeValueAsBytes(this));
            Dataset.syncFileAndMove(temp, file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
