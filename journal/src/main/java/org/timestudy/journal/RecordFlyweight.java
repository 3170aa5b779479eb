package org.timestudy.journal;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Common header of every journal record. Records are fixed-layout little-endian binary, written through these
 * flyweights by the engine and read through the same flyweights by the analyzer: no offset is declared twice.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |          Record Type          |        Layout Version         |  0
 *  +-------------------------------+-------------------------------+
 *  |                     Record Length (bytes)                     |  4
 *  +---------------------------------------------------------------+
 *  |                            Scan Id                            |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public class RecordFlyweight
{
    /** Byte order of every journal field. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    /** Offset of the record type. */
    public static final int TYPE_OFFSET = 0;
    /** Offset of the layout version. */
    public static final int VERSION_OFFSET = 2;
    /** Offset of the record's total length in bytes. */
    public static final int LENGTH_OFFSET = 4;
    /** Offset of the scan id. */
    public static final int SCAN_ID_OFFSET = 8;
    /** Length of this header in bytes. */
    public static final int HEADER_LENGTH = 16;

    protected MutableDirectBuffer buffer;
    protected int offset;

    /**
     * Points this flyweight at a record.
     *
     * @param buffer holding the record.
     * @param offset of the record's first byte.
     * @return this.
     */
    public RecordFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * @return the buffer wrapped.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the record in the buffer.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return record type, one of {@link RecordType}.
     */
    public int type()
    {
        return buffer.getShort(offset + TYPE_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param type record type.
     * @return this.
     */
    public RecordFlyweight type(final int type)
    {
        buffer.putShort(offset + TYPE_OFFSET, (short)type, ORDER);
        return this;
    }

    /**
     * @return layout version of this record.
     */
    public int version()
    {
        return buffer.getShort(offset + VERSION_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param version layout version.
     * @return this.
     */
    public RecordFlyweight version(final int version)
    {
        buffer.putShort(offset + VERSION_OFFSET, (short)version, ORDER);
        return this;
    }

    /**
     * @return total length of the record in bytes.
     */
    public int length()
    {
        return buffer.getInt(offset + LENGTH_OFFSET, ORDER);
    }

    /**
     * @param length total length in bytes.
     * @return this.
     */
    public RecordFlyweight length(final int length)
    {
        buffer.putInt(offset + LENGTH_OFFSET, length, ORDER);
        return this;
    }

    /**
     * @return id of the scan that wrote the record.
     */
    public long scanId()
    {
        return buffer.getLong(offset + SCAN_ID_OFFSET, ORDER);
    }

    /**
     * @param scanId id of the scan.
     * @return this.
     */
    public RecordFlyweight scanId(final long scanId)
    {
        buffer.putLong(offset + SCAN_ID_OFFSET, scanId, ORDER);
        return this;
    }

    /**
     * Writes the header.
     *
     * @param type   record type.
     * @param length total length in bytes.
     * @param scanId id of the scan.
     */
    protected void header(final int type, final int length, final long scanId)
    {
        type(type).version(RecordType.LAYOUT_VERSION).length(length).scanId(scanId);
    }
}
