package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.timestudy.analyzer.parquet.ColumnarWriter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes one row's fields, by column, into a {@link ColumnarWriter}. A NULL is a field not written.
 */
final class RowConsumer
{
    private ColumnarWriter writer;
    private byte[] scratch = new byte[64];

    void writer(final ColumnarWriter writer)
    {
        this.writer = writer;
    }

    void endRow()
    {
        writer.endRow();
    }

    void int64(final Column column, final long value)
    {
        writer.putLong(column.ordinal(), value);
    }

    void int32(final Column column, final int value)
    {
        writer.putInt(column.ordinal(), value);
    }

    void float64(final Column column, final double value)
    {
        writer.putDouble(column.ordinal(), value);
    }

    void bool(final Column column, final boolean value)
    {
        writer.putBoolean(column.ordinal(), value);
    }

    void bytes(final Column column, final byte[] src, final int offset, final int length)
    {
        writer.putBytes(column.ordinal(), src, offset, length);
    }

    void binary(final Column column, final Binary value)
    {
        final ByteBuffer b = value.toByteBuffer();
        if (b.hasArray())
        {
            bytes(column, b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        else
        {
            final int n = b.remaining();
            if (scratch.length < n)
            {
                scratch = new byte[n];
            }
            b.get(scratch, 0, n);
            bytes(column, scratch, 0, n);
        }
    }

    void text(final Column column, final String value)
    {
        if (value != null)
        {
            final byte[] b = value.getBytes(StandardCharsets.UTF_8);
            bytes(column, b, 0, b.length);
        }
    }

    void address(final Column column, final int address, final byte[] scratch)
    {
        bytes(column, scratch, 0, Ipv4Text.format(address, scratch, 0));
    }
}
