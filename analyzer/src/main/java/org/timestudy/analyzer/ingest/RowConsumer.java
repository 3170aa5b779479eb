package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one row's fields, by column, into a Parquet record consumer. A NULL is a field not written.
 */
final class RowConsumer
{
    private RecordConsumer consumer;

    void consumer(final RecordConsumer consumer)
    {
        this.consumer = consumer;
    }

    void startRow()
    {
        consumer.startMessage();
    }

    void endRow()
    {
        consumer.endMessage();
    }

    void int64(final Column column, final long value)
    {
        final String name = column.columnName();
        final int index = column.ordinal();
        consumer.startField(name, index);
        consumer.addLong(value);
        consumer.endField(name, index);
    }

    void int32(final Column column, final int value)
    {
        final String name = column.columnName();
        final int index = column.ordinal();
        consumer.startField(name, index);
        consumer.addInteger(value);
        consumer.endField(name, index);
    }

    void float64(final Column column, final double value)
    {
        final String name = column.columnName();
        final int index = column.ordinal();
        consumer.startField(name, index);
        consumer.addDouble(value);
        consumer.endField(name, index);
    }

    void bool(final Column column, final boolean value)
    {
        final String name = column.columnName();
        final int index = column.ordinal();
        consumer.startField(name, index);
        consumer.addBoolean(value);
        consumer.endField(name, index);
    }

    void binary(final Column column, final Binary value)
    {
        final String name = column.columnName();
        final int index = column.ordinal();
        consumer.startField(name, index);
        consumer.addBinary(value);
        consumer.endField(name, index);
    }

    void text(final Column column, final String value)
    {
        if (value != null)
        {
            binary(column, Binary.fromString(value));
        }
    }

    void address(final Column column, final int address, final byte[] scratch)
    {
        binary(column, Binary.fromReusedByteArray(scratch, 0, Ipv4Text.format(address, scratch, 0)));
    }
}
