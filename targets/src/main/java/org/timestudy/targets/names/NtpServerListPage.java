package org.timestudy.targets.names;

import org.timestudy.targets.InputErrors;
import org.timestudy.targets.TargetInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the ntp.org "StratumOneTimeServers" and "StratumTwoTimeServers" pages (TWiki HTML, saved as served) into
 * typed rows. The server table is the one whose header has the columns ISO, Location, Host / Sponsor, Service
 * Area, Access Policy, Notify? and LastModified.
 */
public final class NtpServerListPage
{
    /** Columns of the server table, in order. */
    public static final List<String> COLUMNS =
        List.of("ISO", "Location", "Host / Sponsor", "Service Area", "Access Policy", "Notify", "LastModified");

    private static final Pattern TABLE = Pattern.compile("<table\\b[^>]*>(.*?)</table>",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t([dh])\\b[^>]*>(.*?)</t\\1>",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*href=\"([^\"]*)\"",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern BASE = Pattern.compile("<base\\b[^>]*href=\"([^\"]*)\"",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CHARSET = Pattern.compile("charset=([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

    private NtpServerListPage()
    {
    }

    /**
     * Reads a saved page, decoding it with the charset its {@code <meta>} declares (ISO-8859-1 if none).
     *
     * @param file the page.
     * @return its rows.
     */
    public static List<NtpServerListing> read(final Path file)
    {
        try
        {
            final byte[] bytes = Files.readAllBytes(file);
            final String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            final Matcher m = CHARSET.matcher(head);
            Charset charset = StandardCharsets.ISO_8859_1;
            if (m.find() && Charset.isSupported(m.group(1)))
            {
                charset = Charset.forName(m.group(1));
            }
            return parse(new String(bytes, charset), file.toString());
        }
        catch (final NoSuchFileException ex)
        {
            throw new TargetInputException("no such server list page: " + file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + file, ex);
        }
    }

    /**
     * Parses a page.
     *
     * @param html   the page.
     * @param source its name in error messages.
     * @return its rows, in page order.
     * @throws TargetInputException if the page has no server table, or a row does not parse (naming its line).
     */
    public static List<NtpServerListing> parse(final String html, final String source)
    {
        final int stratum = stratumOf(html, source);
        final Matcher base = BASE.matcher(html);
        final URI baseUri = URI.create(base.find() ? base.group(1) : "https://support.ntp.org/");
        final Matcher table = TABLE.matcher(html);
        while (table.find())
        {
            final List<NtpServerListing> rows = parseTable(html, table, stratum, baseUri, source);
            if (rows != null)
            {
                return rows;
            }
        }
        throw new TargetInputException(source + ": no server table (columns " + COLUMNS + ") found");
    }

    private static List<NtpServerListing> parseTable(
        final String html, final Matcher table, final int stratum, final URI base, final String source)
    {
        final Matcher row = ROW.matcher(html).region(table.start(1), table.end(1));
        if (!row.find() || !isHeader(cells(row.group(1))))
        {
            return null;
        }
        final List<NtpServerListing> out = new ArrayList<>();
        final InputErrors errors = new InputErrors(source);
        int line = lineOf(html, 0, row.start(), 1);
        int lineOffset = row.start();
        while (row.find())
        {
            line = lineOf(html, lineOffset, row.start(), line);
            lineOffset = row.start();
            final List<String> cells = cells(row.group(1));
            try
            {
                out.add(listing(cells, stratum, base, line));
            }
            catch (final IllegalArgumentException | DateTimeParseException ex)
            {
                errors.add(line, ex.getMessage());
            }
        }
        errors.throwIfAny();
        return out;
    }

    private static NtpServerListing listing(
        final List<String> cells, final int stratum, final URI base, final int line)
    {
        if (cells.size() != COLUMNS.size())
        {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, wanted " + COLUMNS.size());
        }
        final Matcher href = HREF.matcher(cells.get(0));
        if (!href.find())
        {
            throw new IllegalArgumentException("row has no link to the server's page");
        }
        final String notify = text(cells.get(5));
        if (!notify.equals("Yes") && !notify.equals("No"))
        {
            throw new IllegalArgumentException("Notify? must be Yes or No: '" + notify + "'");
        }
        return new NtpServerListing(
            stratum,
            text(cells.get(0)),
            text(cells.get(1)),
            text(cells.get(2)),
            text(cells.get(3)),
            AccessPolicy.parse(text(cells.get(4))),
            notify.equals("Yes"),
            Instant.parse(text(cells.get(6))),
            base.resolve(decodeEntities(href.group(1))),
            line);
    }

    private static boolean isHeader(final List<String> cells)
    {
        if (cells.size() != COLUMNS.size())
        {
            return false;
        }
        for (int i = 0; i < cells.size(); i++)
        {
            if (!text(cells.get(i)).replace(":", "").replace("?", "").strip().equals(COLUMNS.get(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static List<String> cells(final String rowHtml)
    {
        final List<String> cells = new ArrayList<>();
        final Matcher m = CELL.matcher(rowHtml);
        while (m.find())
        {
            cells.add(m.group(2));
        }
        return cells;
    }

    private static int stratumOf(final String html, final String source)
    {
        final Matcher m = TITLE.matcher(html);
        final String title = m.find() ? m.group(1) : "";
        if (title.contains("StratumOne"))
        {
            return 1;
        }
        if (title.contains("StratumTwo"))
        {
            return 2;
        }
        throw new TargetInputException(source + ": not a StratumOne/StratumTwo server list page (title '" +
            text(title) + "')");
    }

    /**
     * @return the cell's text: tags removed, entities decoded, blanks collapsed, {@code &nbsp;} alone as empty.
     */
    static String text(final String cellHtml)
    {
        final String noTags = TAG.matcher(cellHtml).replaceAll(" ");
        return decodeEntities(noTags).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    static String decodeEntities(final String s)
    {
        final Matcher m = ENTITY.matcher(s);
        final StringBuilder sb = new StringBuilder(s.length());
        while (m.find())
        {
            final String e = m.group(1);
            final String replacement;
            if (e.startsWith("#x") || e.startsWith("#X"))
            {
                replacement = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            }
            else if (e.startsWith("#"))
            {
                replacement = new String(Character.toChars(Integer.parseInt(e.substring(1))));
            }
            else
            {
                replacement = switch (e.toLowerCase(Locale.ROOT))
                {
                    case "nbsp" -> "\u00A0";
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> m.group();
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int lineOf(final String html, final int from, final int offset, final int lineAtFrom)
    {
        int line = lineAtFrom;
        for (int i = from; i < offset; i++)
        {
            if (html.charAt(i) == '\n')
            {
                line++;
            }
        }
        return line;
    }
}
