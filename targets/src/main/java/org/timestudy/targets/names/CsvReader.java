package org.timestudy.targets.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside
 * quotes, quoted fields may span lines).
 */
final class CsvReader
{
    private final BufferedReader in;
    private final String source;
    private int line;
    private int recordLine;

    CsvReader(final Reader in, final String source)
    {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        this.source = source;
    }

    /**
     * @return the fields of the next record, or null at the end of the input.
     * @throws IllegalArgumentException for an unterminated quote, naming the line it started on.
     */
    List<String> next() throws IOException
    {
        String text = in.readLine();
        if (text == null)
        {
            return null;
        }
        line++;
        recordLine = line;
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true)
        {
            if (i == text.length())
            {
                if (!quoted)
                {
                    fields.add(field.toString());
                    return fields;
                }
                text = in.readLine();
                if (text == null)
                {
                    throw new IllegalArgumentException(source + ":" + recordLine + ": quote never closed");
                }
                line++;
                field.append('\n');
                i = 0;
                continue;
            }
            final char c = text.charAt(i++);
            if (quoted)
            {
                if (c == '"')
                {
                    if (i < text.length() && text.charAt(i) == '"')
                    {
                        field.append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.append(c);
                }
            }
            else if (c == '"' && field.length() == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.add(field.toString());
                field.setLength(0);
            }
            else
            {
                field.append(c);
            }
        }
    }

    /**
     * @return line number where the record last returned by {@link #next()} started.
     */
    int recordLine()
    {
        return recordLine;
    }
}
