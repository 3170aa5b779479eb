package org.timestudy.analyzer.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a JDBC result as a terminal table, CSV or JSON. CSV and JSON stream every row; the table shows at most
 * {@code maxRows} rows and says how many it left out.
 */
public final class ResultPrinter
{
    private final ResultFormat format;
    private final int maxRows;

    /**
     * @param format  output format.
     * @param maxRows most rows a table shows.
     */
    public ResultPrinter(final ResultFormat format, final int maxRows)
    {
        this.format = format;
        this.maxRows = maxRows;
    }

    /**
     * Writes a result.
     *
     * @param rs  the result, read to its end.
     * @param out where to write.
     * @return rows in the result.
     * @throws SQLException when reading the result fails.
     */
    public long print(final ResultSet rs, final PrintWriter out) throws SQLException
    {
        final long rows = switch (format)
        {
            case TABLE -> table(rs, out);
            case CSV -> csv(rs, out);
            case JSON -> json(rs, out);
        };
        out.flush();
        return rows;
    }

    private long table(final ResultSet rs, final PrintWriter out) throws SQLException
    {
        final ResultSetMetaData md = rs.getMetaData();
        final int n = md.getColumnCount();
        final String[] header = new String[n];
        final boolean[] numeric = new boolean[n];
        final int[] width = new int[n];
        for (int i = 0; i < n; i++)
        {
            header[i] = md.getColumnLabel(i + 1);
            width[i] = header[i].length();
        }
        final List<String[]> shown = new ArrayList<>();
        long rows = 0;
        while (rs.next())
        {
            rows++;
            if (shown.size() < maxRows)
            {
                final String[] row = new String[n];
                for (int i = 0; i < n; i++)
                {
                    final Object value = rs.getObject(i + 1);
                    numeric[i] |= value instanceof Number;
                    row[i] = value == null ? "NULL" : text(value);
                    width[i] = Math.max(width[i], row[i].length());
                }
                shown.add(row);
            }
        }
        line(out, header, width, numeric);
        final String[] rule = new String[n];
        for (int i = 0; i < n; i++)
        {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width, numeric);
        for (final String[] row : shown)
        {
            line(out, row, width, numeric);
        }
        out.println(rows == shown.size() ? "(" + rows + (rows == 1 ? " row)" : " rows)") :
            "(" + rows + " rows, " + shown.size() + " shown: use --max-rows, --csv or --json for all)");
        return rows;
    }

    private static void line(final PrintWriter out, final String[] cells, final int[] width, final boolean[] right)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++)
        {
            if (i > 0)
            {
                sb.append("  ");
            }
            final String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(right[i] ? pad + cells[i] : i == cells.length - 1 ? cells[i] : cells[i] + pad);
        }
        out.println(sb);
    }

    private static long csv(final ResultSet rs, final PrintWriter out) throws SQLException
    {
        final int n = rs.getMetaData().getColumnCount();
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.append(i > 0 ? "," : "").append(csvCell(rs.getMetaData().getColumnLabel(i + 1)));
        }
        out.print(sb.append("\r\n"));
        long rows = 0;
        while (rs.next())
        {
            sb.setLength(0);
            for (int i = 0; i < n; i++)
            {
                final Object value = rs.getObject(i + 1);
                sb.append(i > 0 ? "," : "").append(value == null ? "" : csvCell(text(value)));
            }
            out.print(sb.append("\r\n"));
            rows++;
        }
        return rows;
    }

    private static String csvCell(final String text)
    {
        final boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 ||
            text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static long json(final ResultSet rs, final PrintWriter out) throws SQLException
    {
        final ResultSetMetaData md = rs.getMetaData();
        final int n = md.getColumnCount();
        long rows = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(out).setPrettyPrinter(new RowPerLine()))
        {
            g.writeStartArray();
            while (rs.next())
            {
                g.writeStartObject();
                for (int i = 0; i < n; i++)
                {
                    g.writeFieldName(md.getColumnLabel(i + 1));
                    jsonValue(g, rs.getObject(i + 1));
                }
                g.writeEndObject();
                rows++;
            }
            g.writeEndArray();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }

    private static void jsonValue(final JsonGenerator g, final Object value) throws IOException
    {
        if (value == null)
        {
            g.writeNull();
        }
        else if (value instanceof Boolean b)
        {
            g.writeBoolean(b);
        }
        else if (value instanceof Double || value instanceof Float)
        {
            final double d = ((Number)value).doubleValue();
            if (Double.isFinite(d))
            {
                g.writeNumber(d);
            }
            else
            {
                g.writeNull();
            }
        }
        else if (value instanceof BigDecimal d)
        {
            g.writeNumber(d);
        }
        else if (value instanceof BigInteger i)
        {
            g.writeNumber(i);
        }
        else if (value instanceof Number num)
        {
            g.writeNumber(num.longValue());
        }
        else
        {
            g.writeString(text(value));
        }
    }

    /** JSON with one row object per line. */
    private static final class RowPerLine extends MinimalPrettyPrinter
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeStartArray(final JsonGenerator g) throws IOException
        {
            g.writeRaw("[\n");
        }

        @Override
        public void writeArrayValueSeparator(final JsonGenerator g) throws IOException
        {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(final JsonGenerator g, final int nrOfValues) throws IOException
        {
            g.writeRaw(nrOfValues == 0 ? "]\n" : "\n]\n");
        }
    }

    /**
     * @param value a non-null JDBC value.
     * @return it as text: plain decimals for doubles (no exponent), ISO-like text for times.
     */
    static String text(final Object value)
    {
        if (value instanceof Double d)
        {
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : d.toString();
        }
        return value.toString();
    }
}
