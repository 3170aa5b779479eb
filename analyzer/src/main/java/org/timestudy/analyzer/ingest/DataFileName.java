package org.timestudy.analyzer.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Name of a data file: the journal it comes from and the journal index range of its rows,
 * {@code part-<journal id, 8 hex>-<first index, 16 hex>-<last index, 16 hex>.parquet}. Two runs never write the
 * same rows, so names never collide; a file whose first index lies past the manifest's position belongs to a run
 * that did not commit, and the next run deletes it before writing those rows again.
 *
 * @param journalId  id of the journal (see {@link Manifest}).
 * @param firstIndex Chronicle index of the file's first row.
 * @param lastIndex  Chronicle index of the file's last row.
 */
public record DataFileName(String journalId, long firstIndex, long lastIndex)
{
    /** Suffix of data files. */
    public static final String SUFFIX = ".parquet";
    /** Suffix of files still being written: never read, deleted by the next run. */
    public static final String TEMP_SUFFIX = ".parquet.tmp";

    private static final Pattern PATTERN =
        Pattern.compile("part-([0-9a-f]{8})-([0-9a-f]{16})-([0-9a-f]{16})\\.parquet");

    /**
     * @return the file name.
     */
    public String fileName()
    {
        return String.format("part-%s-%016x-%016x%s", journalId, firstIndex, lastIndex, SUFFIX);
    }

    /**
     * @param journalId  id of the journal.
     * @param firstIndex index of the file's first row.
     * @return the name of the temporary file the rows are written to before they are committed.
     */
    public static String tempFileName(final String journalId, final long firstIndex)
    {
        return String.format(".part-%s-%016x%s", journalId, firstIndex, TEMP_SUFFIX);
    }

    /**
     * @param fileName a file name.
     * @return the name parsed, or null when it is not a data file's name.
     */
    public static DataFileName parse(final String fileName)
    {
        final Matcher m = PATTERN.matcher(fileName);
        if (!m.matches())
        {
            return null;
        }
        return new DataFileName(
            m.group(1), Long.parseUnsignedLong(m.group(2), 16), Long.parseUnsignedLong(m.group(3), 16));
    }
}
