package org.timestudy.targets.address;

import org.timestudy.targets.CommentedLines;
import org.timestudy.targets.InputErrors;
import org.timestudy.targets.TargetInputException;

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
import java.util.List;

/**
 * The contents of an address list file (targets {@code -I}, allowlist {@code -w}, blocklist {@code -b}, opt-out
 * list): IPv4 entries merged into an {@link AddressSet}, IPv6 entries kept apart for hostname mode.
 *
 * <p>Format, one entry per line: an IPv4 address, CIDR or range ({@link AddressRange#parse}), or an IPv6 address
 * or prefix ({@link Ipv6Prefix#parse}). {@code #} starts a comment; blank lines are skipped.
 *
 * @param ipv4 the IPv4 entries, merged.
 * @param ipv6 the IPv6 entries, in file order.
 */
public record AddressList(AddressSet ipv4, List<Ipv6Prefix> ipv6)
{
    /** The file name that means standard input. */
    public static final String STDIN = "-";

    /** A list with no entry. */
    public static final AddressList EMPTY = new AddressList(AddressSet.EMPTY, List.of());

    /**
     * @param ipv4 the IPv4 entries, merged.
     * @param ipv6 the IPv6 entries.
     */
    public AddressList
    {
        ipv6 = List.copyOf(ipv6);
    }

    /**
     * Parses a list.
     *
     * @param in     the text.
     * @param source name of the text in error messages (a file name, or "stdin").
     * @return the entries.
     * @throws TargetInputException naming {@code source:line} of every malformed entry.
     */
    public static AddressList parse(final Reader in, final String source)
    {
        final AddressSet.Builder v4 = AddressSet.builder();
        final List<Ipv6Prefix> v6 = new ArrayList<>();
        final InputErrors errors = new InputErrors(source);
        CommentedLines.forEach(in, source, (lineNumber, entry) ->
        {
            try
            {
                addEntry(entry, v4, v6);
            }
            catch (final IllegalArgumentException ex)
            {
                errors.add(lineNumber, ex.getMessage());
            }
        });
        errors.throwIfAny();
        return new AddressList(v4.build(), v6);
    }

    /**
     * Reads a list file, or standard input for {@value #STDIN}.
     *
     * @param file  path, or {@value #STDIN}.
     * @param stdin standard input.
     * @return the entries.
     * @throws TargetInputException if the file is missing or has malformed lines.
     */
    public static AddressList read(final String file, final InputStream stdin)
    {
        if (STDIN.equals(file))
        {
            return parse(new InputStreamReader(stdin, StandardCharsets.UTF_8), "stdin");
        }
        try
        {
            return parse(Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8), file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new TargetInputException("no such address list file: " + file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + file, ex);
        }
    }

    /**
     * Parses one entry, as on a line of a list file or on the command line.
     *
     * @param entry an IPv4 address, CIDR or range, or an IPv6 address or prefix.
     * @return a list of that one entry.
     * @throws TargetInputException if the entry is malformed.
     */
    public static AddressList ofEntry(final String entry)
    {
        final AddressSet.Builder v4 = AddressSet.builder();
        final List<Ipv6Prefix> v6 = new ArrayList<>(1);
        try
        {
            addEntry(entry.strip(), v4, v6);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new TargetInputException(ex.getMessage(), ex);
        }
        return new AddressList(v4.build(), v6);
    }

    /**
     * @param other another list.
     * @return the entries of both.
     */
    public AddressList union(final AddressList other)
    {
        final List<Ipv6Prefix> v6 = new ArrayList<>(ipv6);
        v6.addAll(other.ipv6);
        return new AddressList(ipv4.union(other.ipv4), v6);
    }

    /**
     * @param address a 16-byte IPv6 address.
     * @return true if an IPv6 entry of the list covers it.
     */
    public boolean containsIpv6(final byte[] address)
    {
        return containsIpv6(Ipv6Prefix.ofAddress(address));
    }

    /**
     * @param address an IPv4 or IPv6 address in text form.
     * @return true if the list covers it.
     * @throws IllegalArgumentException if the text is not an address.
     */
    public boolean containsAddress(final String address)
    {
        if (address.indexOf(':') >= 0)
        {
            return containsIpv6(Ipv6Prefix.parse(address));
        }
        return ipv4.contains(Ipv4.parse(address));
    }

    private boolean containsIpv6(final Ipv6Prefix a)
    {
        for (final Ipv6Prefix p : ipv6)
        {
            if (p.contains(a.high(), a.low()))
            {
                return true;
            }
        }
        return false;
    }

    private static void addEntry(final String entry, final AddressSet.Builder v4, final List<Ipv6Prefix> v6)
    {
        if (entry.indexOf(' ') >= 0 || entry.indexOf('\t') >= 0)
        {
            throw new IllegalArgumentException("one entry per line, found: '" + entry + "'");
        }
        if (entry.indexOf(':') >= 0)
        {
            v6.add(Ipv6Prefix.parse(entry));
        }
        else
        {
            v4.add(AddressRange.parse(entry));
        }
    }
}
