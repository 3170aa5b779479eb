package org.timestudy.targets.names;

import org.timestudy.targets.CommentedLines;
import org.timestudy.targets.InputErrors;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.address.AddressList;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.address.Ipv6Prefix;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hostname targets read from a file: plain text (one name per line, {@code #} comments) or one column of a CSV
 * file. A name given twice is kept once (the first). IP address literals are accepted and resolve to themselves.
 *
 * @param entries    the names, in file order, without duplicates.
 * @param duplicates names dropped because they were already listed.
 * @param blanks     CSV rows whose chosen column was empty.
 */
public record NameList(List<NameEntry> entries, int duplicates, int blanks)
{
    /**
     * @param entries    the names.
     * @param duplicates names dropped as duplicates.
     * @param blanks     empty CSV cells skipped.
     */
    public NameList
    {
        entries = List.copyOf(entries);
    }

    /**
     * Parses a plain list: one hostname per line; {@code #} starts a comment; blank lines are skipped.
     *
     * @param in     the text.
     * @param source its name in error messages.
     * @return the names.
     * @throws TargetInputException naming {@code source:line} of each malformed name.
     */
    public static NameList parsePlain(final Reader in, final String source)
    {
        final Collector c = new Collector(source);
        CommentedLines.forEach(in, source, (number, name) -> c.add(name, number));
        return c.finish();
    }

    /**
     * Parses one column of a CSV file.
     *
     * @param in     the text.
     * @param source its name in error messages.
     * @param column a 1-based column number (every row is data), or a column name (the first row is the header).
     * @return the names in that column; empty cells are counted in {@link #blanks()}.
     * @throws TargetInputException naming {@code source:line} of each malformed name, or a missing column.
     */
    public static NameList parseCsv(final Reader in, final String source, final String column)
    {
        final Collector c = new Collector(source);
        final CsvReader csv = new CsvReader(in, source);
        int blanks = 0;
        try (in)
        {
            int index;
            if (column.chars().allMatch(Character::isDigit) && !column.isEmpty())
            {
                index = Integer.parseInt(column) - 1;
                if (index < 0)
                {
                    throw new TargetInputException("CSV columns are numbered from 1: " + column);
                }
            }
            else
            {
                final List<String> header = csv.next();
                index = header == null ? -1 : indexOfIgnoreCase(header, column);
                if (index < 0)
                {
                    throw new TargetInputException(source + ":1: no column named '" + column + "' in the header " +
                        (header == null ? "(the file is empty)" : header));
                }
            }
            List<String> row;
            while ((row = csv.next()) != null)
            {
                if (row.size() == 1 && row.get(0).isBlank())
                {
                    continue;
                }
                if (index >= row.size())
                {
                    c.error(csv.recordLine(), "row has " + row.size() + " columns, wanted column " + (index + 1));
                    continue;
                }
                final String value = row.get(index).strip();
                if (value.isEmpty())
                {
                    blanks++;
                    continue;
                }
                c.add(value, csv.recordLine());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + source, ex);
        }
        catch (final IllegalArgumentException ex)
        {
            if (ex instanceof TargetInputException t)
            {
                throw t;
            }
            throw new TargetInputException(ex.getMessage(), ex);
        }
        final NameList list = c.finish();
        return new NameList(list.entries, list.duplicates, blanks);
    }

    /**
     * Reads a name file, or standard input for {@code -}.
     *
     * @param file      path or {@code -}.
     * @param csvColumn null for a plain list, else the CSV column (number or name).
     * @param stdin     standard input.
     * @return the names.
     */
    public static NameList read(final String file, final String csvColumn, final InputStream stdin)
    {
        try
        {
            final Reader in = AddressList.STDIN.equals(file) ?
                new InputStreamReader(stdin, StandardCharsets.UTF_8) :
                Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
            final String source = AddressList.STDIN.equals(file) ? "stdin" : file;
            return csvColumn == null ? parsePlain(in, source) : parseCsv(in, source, csvColumn);
        }
        catch (final NoSuchFileException ex)
        {
            throw new TargetInputException("no such name list file: " + file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + file, ex);
        }
    }

    /**
     * @return the names alone.
     */
    public List<String> names()
    {
        return entries.stream().map(NameEntry::name).toList();
    }

    private static int indexOfIgnoreCase(final List<String> header, final String name)
    {
        for (int i = 0; i < header.size(); i++)
        {
            if (header.get(i).strip().equalsIgnoreCase(name))
            {
                return i;
            }
        }
        return -1;
    }

    private static final class Collector
    {
        private final String source;
        private final List<NameEntry> entries = new ArrayList<>();
        private final Set<String> seen = new LinkedHashSet<>();
        private final InputErrors errors;
        private int duplicates;

        Collector(final String source)
        {
            this.source = source;
            this.errors = new InputErrors(source);
        }

        void add(final String text, final int line)
        {
            final String name;
            try
            {
                name = normalise(text);
            }
            catch (final IllegalArgumentException ex)
            {
                error(line, ex.getMessage());
                return;
            }
            if (seen.add(name))
            {
                entries.add(new NameEntry(name, source, line));
            }
            else
            {
                duplicates++;
            }
        }

        void error(final int line, final String message)
        {
            errors.add(line, message);
        }

        NameList finish()
        {
            errors.throwIfAny();
            return new NameList(entries, duplicates, 0);
        }

        private static String normalise(final String text)
        {
            if (Ipv4.isAddress(text))
            {
                return text;
            }
            if (text.indexOf(':') >= 0)
            {
                final Ipv6Prefix p = Ipv6Prefix.parse(text);
                if (p.length() != 128)
                {
                    throw new IllegalArgumentException("a name list takes addresses, not prefixes: '" + text + "'");
                }
                return p.toString().toLowerCase(Locale.ROOT);
            }
            return Hostname.parse(text);
        }
    }
}
