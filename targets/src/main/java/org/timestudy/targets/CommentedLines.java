package org.timestudy.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads the line-oriented lists of this project: {@code #} starts a comment, white space around an entry is dropped,
 * blank lines are skipped, and each entry keeps its line number for error messages.
 */
public final class CommentedLines
{
    /**
     * Receives one entry.
     */
    @FunctionalInterface
    public interface EntryHandler
    {
        /**
         * @param lineNumber the entry's line, from 1.
         * @param entry      the line without its comment and surrounding white space; never empty.
         */
        void onEntry(int lineNumber, String entry);
    }

    private CommentedLines()
    {
    }

    /**
     * Reads every entry of a text and closes it.
     *
     * @param in      the text.
     * @param source  its name in the error of a failed read (a file name, or "stdin").
     * @param handler receives each entry in order.
     * @throws UncheckedIOException when reading fails.
     */
    public static void forEach(final Reader in, final String source, final EntryHandler handler)
    {
        try (BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in))
        {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                final int hash = line.indexOf('#');
                final String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!entry.isEmpty())
                {
                    handler.onEntry(lineNumber, entry);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + source, ex);
        }
    }
}
