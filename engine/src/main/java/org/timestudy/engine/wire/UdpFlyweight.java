package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * UDP header (RFC 768): ports, length, checksum. Network byte order.
 */
public final class UdpFlyweight
{
    /** Offset of the source port. */
    public static final int SOURCE_PORT_OFFSET = 0;
    /** Offset of the destination port. */
    public static final int DESTINATION_PORT_OFFSET = 2;
    /** Offset of the length (header plus payload). */
    public static final int LENGTH_OFFSET = 4;
    /** Offset of the checksum. */
    public static final int CHECKSUM_OFFSET = 6;
    /** Length of the header in bytes. */
    public static final int HEADER_LENGTH = 8;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private UdpFlyweight()
    {
    }

    /**
     * Writes a header, checksum zero.
     *
     * @param b               buffer.
     * @param o               offset of the header.
     * @param sourcePort      source port.
     * @param destinationPort destination port.
     * @param length          header plus payload, bytes.
     */
    public static void write(
        final MutableDirectBuffer b, final int o, final int sourcePort, final int destinationPort, final int length)
    {
        b.putShort(o + SOURCE_PORT_OFFSET, (short)sourcePort, BE);
        b.putShort(o + DESTINATION_PORT_OFFSET, (short)destinationPort, BE);
        b.putShort(o + LENGTH_OFFSET, (short)length, BE);
        b.putShort(o + CHECKSUM_OFFSET, (short)0, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return source port.
     */
    public static int sourcePort(final DirectBuffer b, final int o)
    {
        return b.getShort(o + SOURCE_PORT_OFFSET, BE) & 0xFFFF;
    }

    /**
     * @param b    buffer.
     * @param o    offset of the header.
     * @param port source port.
     */
    public static void sourcePort(final MutableDirectBuffer b, final int o, final int port)
    {
        b.putShort(o + SOURCE_PORT_OFFSET, (short)port, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return destination port.
     */
    public static int destinationPort(final DirectBuffer b, final int o)
    {
        return b.getShort(o + DESTINATION_PORT_OFFSET, BE) & 0xFFFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return length field.
     */
    public static int length(final DirectBuffer b, final int o)
    {
        return b.getShort(o + LENGTH_OFFSET, BE) & 0xFFFF;
    }

    /**
     * @param b        buffer.
     * @param o        offset of the header.
     * @param checksum checksum ({@code 0xFFFF} stands for a computed 0).
     */
    public static void checksum(final MutableDirectBuffer b, final int o, final int checksum)
    {
        b.putShort(o + CHECKSUM_OFFSET, (short)checksum, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return checksum field.
     */
    public static int checksum(final DirectBuffer b, final int o)
    {
        return b.getShort(o + CHECKSUM_OFFSET, BE) & 0xFFFF;
    }
}
