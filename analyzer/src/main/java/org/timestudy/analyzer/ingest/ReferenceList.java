package org.timestudy.analyzer.ingest;

import org.timestudy.targets.CommentedLines;
import org.timestudy.targets.InputErrors;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.address.Ipv4;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Listed reference servers for {@code ./timestudy analyze --references FILE}: one server a line, its address or
 * name and the stratum the list claims, separated by white space; {@code #} starts a comment.
 * <pre>
 *   # server          stratum
 *   198.19.0.11       1
 *   ntp.lab.test      2
 * </pre>
 * A name stands for every IPv4 address it resolved to in the {@code --names} table.
 *
 * @param entries the servers, in file order.
 */
public record ReferenceList(List<Entry> entries)
{
    /**
     * One listed server.
     *
     * @param server  its address or name, as written.
     * @param stratum the stratum it is listed with (1-15).
     * @param address its address when written as one, else null.
     */
    public record Entry(String server, int stratum, Integer address)
    {
    }

    /**
     * @param file the list.
     * @return it.
     * @throws TargetInputException when missing or a line does not parse.
     */
    public static ReferenceList read(final Path file)
    {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return parse(r, file.toString());
        }
        catch (final NoSuchFileException ex)
        {
            throw new TargetInputException("no such reference list: " + file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param reader the text.
     * @param source its name in error messages.
     * @return the list.
     * @throws TargetInputException naming every bad line.
     */
    public static ReferenceList parse(final Reader reader, final String source)
    {
        final InputErrors errors = new InputErrors(source);
        final List<Entry> entries = new ArrayList<>();
        CommentedLines.forEach(reader, source, (number, text) ->
        {
            final Entry e = entry(text, number, errors);
            if (e != null)
            {
                entries.add(e);
            }
        });
        errors.throwIfAny();
        return new ReferenceList(List.copyOf(entries));
    }

    private static Entry entry(final String text, final int number, final InputErrors errors)
    {
        final String[] f = text.split("\\s+");
        if (f.length != 2)
        {
            errors.add(number, "expected 'ADDRESS-OR-NAME STRATUM', found '" + text + "'");
            return null;
        }
        final int stratum;
        try
        {
            stratum = Integer.parseInt(f[1]);
        }
        catch (final NumberFormatException ex)
        {
            errors.add(number, "stratum is not a number: '" + f[1] + "'");
            return null;
        }
        if (stratum < 1 || stratum > 15)
        {
            errors.add(number, "stratum must be 1-15, not " + stratum);
            return null;
        }
        return new Entry(f[0], stratum, Ipv4.isAddress(f[0]) ? Ipv4.parse(f[0]) : null);
    }
}
