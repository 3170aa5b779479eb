package org.timestudy.targets.dns;

import org.timestudy.targets.InputErrors;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.address.Ipv4;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code ./timestudy targets --resolve} prints, tab-separated, one line per (name, address), and its one
 * parser, so an analysis can tell which addresses stand behind one name:
 * <pre>
 *   # name  status  family  address  owner  cnames  ttl_s  allowed  detail
 *   time.lab.test  OK  4  198.19.0.11  ntp.lab.test  ntp.lab.test  0  yes  -
 * </pre>
 * A name that resolved to nothing has one line with {@code -} for its family, address, owner, TTL and allowed.
 * CNAME chains are {@code >}-separated; {@code -} means none.
 *
 * @param rows every line but comments, in file order.
 */
public record ResolutionTable(List<Row> rows)
{
    /** The header line. */
    public static final String HEADER = "# name\tstatus\tfamily\taddress\towner\tcnames\tttl_s\tallowed\tdetail";

    private static final String NONE = "-";
    private static final int COLUMNS = 9;

    /**
     * One line.
     *
     * @param name    the name asked for.
     * @param status  how its resolution ended.
     * @param family  4 or 6, or 0 for a name without addresses.
     * @param address the address text, or null.
     * @param owner   the name holding the record, or null.
     * @param cnames  the CNAME chain, possibly empty.
     * @param ttlS    the record's TTL, or -1.
     * @param allowed true when the blocklists allow the address.
     * @param detail  why it failed, or empty.
     */
    public record Row(
        String name, ResolutionStatus status, int family, String address, String owner, List<String> cnames, long ttlS,
        boolean allowed, String detail)
    {
    }

    /**
     * @param r a resolution.
     * @param blocked tells whether an address (text) is blocklisted.
     * @return its lines, without line ends.
     */
    public static List<String> format(final Resolution r, final java.util.function.Predicate<String> blocked)
    {
        final List<String> lines = new ArrayList<>();
        final String detail = r.detail().isEmpty() ? NONE : r.detail();
        if (r.addresses().isEmpty())
        {
            lines.add(String.join("\t", r.name(), r.status().name(), NONE, NONE, NONE, chain(r.cnames()), NONE,
                NONE, detail));
        }
        for (final ResolvedAddress a : r.addresses())
        {
            lines.add(String.join("\t", r.name(), r.status().name(), String.valueOf(a.family()), a.address(),
                a.owner(), chain(a.cnames()), String.valueOf(a.ttlS()), blocked.test(a.address()) ? "no" : "yes",
                detail));
        }
        return lines;
    }

    /**
     * Reads a table file.
     *
     * @param file the file.
     * @return the table.
     * @throws TargetInputException when the file is missing or a line does not parse (naming file and line).
     */
    public static ResolutionTable read(final Path file)
    {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return parse(r, file.toString());
        }
        catch (final NoSuchFileException ex)
        {
            throw new TargetInputException("no such file: " + file + " (write it with ./timestudy targets --resolve)");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Parses a table.
     *
     * @param reader its text.
     * @param source its name in error messages.
     * @return the table.
     * @throws TargetInputException naming every bad line.
     */
    public static ResolutionTable parse(final Reader reader, final String source)
    {
        final InputErrors errors = new InputErrors(source);
        final List<Row> rows = new ArrayList<>();
        final BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try
        {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null)
            {
                number++;
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] f = line.split("\t", -1);
                if (f.length != COLUMNS)
                {
                    errors.add(number, "expected " + COLUMNS + " tab-separated columns (" + HEADER.substring(2) +
                        "), found " + f.length);
                    continue;
                }
                try
                {
                    rows.add(row(f));
                }
                catch (final IllegalArgumentException ex)
                {
                    errors.add(number, ex.getMessage());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        errors.throwIfAny();
        return new ResolutionTable(List.copyOf(rows));
    }

    /**
     * @return each name with its IPv4 addresses (as ints, file order, no duplicates); names without one left out.
     */
    public Map<String, int[]> ipv4ByName()
    {
        final Map<String, int[]> out = new LinkedHashMap<>();
        for (final Row r : rows)
        {
            if (r.family() == 4 && r.address() != null)
            {
                final int a = Ipv4.parse(r.address());
                final int[] old = out.get(r.name());
                if (old == null)
                {
                    out.put(r.name(), new int[] {a});
                }
                else if (Arrays.stream(old).noneMatch(x -> x == a))
                {
                    final int[] grown = Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = a;
                    out.put(r.name(), grown);
                }
            }
        }
        return out;
    }

    /**
     * @param name a name of the table.
     * @return the longest CNAME chain seen for it, empty if none.
     */
    public List<String> cnames(final String name)
    {
        List<String> longest = List.of();
        for (final Row r : rows)
        {
            if (r.name().equals(name) && r.cnames().size() > longest.size())
            {
                longest = r.cnames();
            }
        }
        return longest;
    }

    private static Row row(final String[] f)
    {
        final ResolutionStatus status;
        try
        {
            status = ResolutionStatus.valueOf(f[1]);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("unknown status '" + f[1] + "'");
        }
        final boolean hasAddress = !NONE.equals(f[3]);
        final int family = hasAddress ? family(f[2]) : 0;
        if (family == 4 && !Ipv4.isAddress(f[3]))
        {
            throw new IllegalArgumentException("not an IPv4 address: '" + f[3] + "'");
        }
        final List<String> cnames = NONE.equals(f[5]) || f[5].isEmpty() ? List.of() : List.of(f[5].split(">"));
        final long ttl;
        try
        {
            ttl = NONE.equals(f[6]) ? -1 : Long.parseLong(f[6]);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("TTL is not a number: '" + f[6] + "'");
        }
        return new Row(f[0], status, family, hasAddress ? f[3] : null, NONE.equals(f[4]) ? null : f[4], cnames, ttl,
            "yes".equals(f[7]), NONE.equals(f[8]) ? "" : f[8]);
    }

    private static int family(final String text)
    {
        if ("4".equals(text))
        {
            return 4;
        }
        if ("6".equals(text))
        {
            return 6;
        }
        throw new IllegalArgumentException("family must be 4 or 6, not '" + text + "'");
    }

    private static String chain(final List<String> cnames)
    {
        return cnames.isEmpty() ? NONE : String.join(">", cnames);
    }
}
