package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * TCP header (RFC 9293 section 3.1). Static accessors over (buffer, offset), network byte order; sequence and
 * acknowledgement numbers come back as unsigned values in a {@code long}.
 *
 * <pre>
 *   0 source port   2 destination port   4 sequence number   8 acknowledgement number
 *  12 data offset (4 bits) | reserved   13 flags (CWR ECE URG ACK PSH RST SYN FIN)   14 window
 *  16 checksum   18 urgent pointer   20 options...
 * </pre>
 */
public final class TcpFlyweight
{
    /** Offset of the source port. */
    public static final int SOURCE_PORT_OFFSET = 0;
    /** Offset of the destination port. */
    public static final int DESTINATION_PORT_OFFSET = 2;
    /** Offset of the sequence number. */
    public static final int SEQUENCE_OFFSET = 4;
    /** Offset of the acknowledgement number. */
    public static final int ACK_OFFSET = 8;
    /** Offset of the data offset (header length in 32-bit words, high 4 bits). */
    public static final int DATA_OFFSET_OFFSET = 12;
    /** Offset of the flags. */
    public static final int FLAGS_OFFSET = 13;
    /** Offset of the window. */
    public static final int WINDOW_OFFSET = 14;
    /** Offset of the checksum. */
    public static final int CHECKSUM_OFFSET = 16;
    /** Offset of the urgent pointer. */
    public static final int URGENT_OFFSET = 18;
    /** Length of a header without options. */
    public static final int MIN_HEADER_LENGTH = 20;
    /** Flag FIN. */
    public static final int FIN = 0x01;
    /** Flag SYN. */
    public static final int SYN = 0x02;
    /** Flag RST. */
    public static final int RST = 0x04;
    /** Flag PSH. */
    public static final int PSH = 0x08;
    /** Flag ACK. */
    public static final int ACK = 0x10;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private TcpFlyweight()
    {
    }

    /**
     * Writes a header without options, checksum zero.
     *
     * @param b               buffer.
     * @param o               offset of the header.
     * @param sourcePort      source port.
     * @param destinationPort destination port.
     * @param sequence        sequence number (low 32 bits used).
     * @param ack             acknowledgement number (low 32 bits used).
     * @param headerLength    header length in bytes, a multiple of 4 (options are the caller's).
     * @param flags           flag bits.
     * @param window          receive window.
     */
    public static void write(
        final MutableDirectBuffer b, final int o, final int sourcePort, final int destinationPort, final long sequence,
        final long ack, final int headerLength, final int flags, final int window)
    {
        b.putShort(o + SOURCE_PORT_OFFSET, (short)sourcePort, BE);
        b.putShort(o + DESTINATION_PORT_OFFSET, (short)destinationPort, BE);
        b.putInt(o + SEQUENCE_OFFSET, (int)sequence, BE);
        b.putInt(o + ACK_OFFSET, (int)ack, BE);
        b.putByte(o + DATA_OFFSET_OFFSET, (byte)((headerLength / 4) << 4));
        b.putByte(o + FLAGS_OFFSET, (byte)flags);
        b.putShort(o + WINDOW_OFFSET, (short)window, BE);
        b.putShort(o + CHECKSUM_OFFSET, (short)0, BE);
        b.putShort(o + URGENT_OFFSET, (short)0, BE);
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
     * @return sequence number, unsigned.
     */
    public static long sequence(final DirectBuffer b, final int o)
    {
        return b.getInt(o + SEQUENCE_OFFSET, BE) & 0xFFFF_FFFFL;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return acknowledgement number, unsigned.
     */
    public static long ack(final DirectBuffer b, final int o)
    {
        return b.getInt(o + ACK_OFFSET, BE) & 0xFFFF_FFFFL;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return header length in bytes (options included).
     */
    public static int headerLength(final DirectBuffer b, final int o)
    {
        return ((b.getByte(o + DATA_OFFSET_OFFSET) >> 4) & 0xF) * 4;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return flag bits.
     */
    public static int flags(final DirectBuffer b, final int o)
    {
        return b.getByte(o + FLAGS_OFFSET) & 0xFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return receive window (unscaled).
     */
    public static int window(final DirectBuffer b, final int o)
    {
        return b.getShort(o + WINDOW_OFFSET, BE) & 0xFFFF;
    }

    /**
     * @param b        buffer.
     * @param o        offset of the header.
     * @param checksum checksum.
     */
    public static void checksum(final MutableDirectBuffer b, final int o, final int checksum)
    {
        b.putShort(o + CHECKSUM_OFFSET, (short)checksum, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return checksum.
     */
    public static int checksum(final DirectBuffer b, final int o)
    {
        return b.getShort(o + CHECKSUM_OFFSET, BE) & 0xFFFF;
    }
}
