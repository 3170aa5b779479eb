package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * IPv4 header (RFC 791 section 3.1). Static accessors over (buffer, offset), network byte order.
 *
 * <pre>
 *   0 version/IHL  1 TOS  2 total length  4 identification  6 flags/fragment offset
 *   8 TTL  9 protocol  10 header checksum  12 source address  16 destination address  20 options...
 * </pre>
 */
public final class Ipv4Flyweight
{
    /** Offset of version and header length. */
    public static final int VERSION_IHL_OFFSET = 0;
    /** Offset of the total length. */
    public static final int TOTAL_LENGTH_OFFSET = 2;
    /** Offset of the identification. */
    public static final int ID_OFFSET = 4;
    /** Offset of flags and fragment offset. */
    public static final int FRAGMENT_OFFSET = 6;
    /** Offset of the TTL. */
    public static final int TTL_OFFSET = 8;
    /** Offset of the protocol. */
    public static final int PROTOCOL_OFFSET = 9;
    /** Offset of the header checksum. */
    public static final int CHECKSUM_OFFSET = 10;
    /** Offset of the source address. */
    public static final int SOURCE_OFFSET = 12;
    /** Offset of the destination address. */
    public static final int DESTINATION_OFFSET = 16;
    /** Length of a header without options. */
    public static final int MIN_HEADER_LENGTH = 20;
    /** Protocol number of ICMP. */
    public static final int PROTOCOL_ICMP = 1;
    /** Protocol number of TCP. */
    public static final int PROTOCOL_TCP = 6;
    /** Protocol number of UDP. */
    public static final int PROTOCOL_UDP = 17;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private Ipv4Flyweight()
    {
    }

    /**
     * Writes a header without options, checksum zero.
     *
     * @param b           buffer.
     * @param o           offset of the header.
     * @param totalLength header plus payload, bytes.
     * @param ttl         time to live.
     * @param protocol    e.g. {@link #PROTOCOL_UDP}.
     * @param source      source address.
     * @param destination destination address.
     */
    public static void write(
        final MutableDirectBuffer b, final int o, final int totalLength, final int ttl, final int protocol,
        final int source, final int destination)
    {
        b.putByte(o + VERSION_IHL_OFFSET, (byte)0x45);
        b.putByte(o + 1, (byte)0);
        b.putShort(o + TOTAL_LENGTH_OFFSET, (short)totalLength, BE);
        b.putShort(o + ID_OFFSET, (short)0, BE);
        b.putShort(o + FRAGMENT_OFFSET, (short)0, BE);
        b.putByte(o + TTL_OFFSET, (byte)ttl);
        b.putByte(o + PROTOCOL_OFFSET, (byte)protocol);
        b.putShort(o + CHECKSUM_OFFSET, (short)0, BE);
        b.putInt(o + SOURCE_OFFSET, source, BE);
        b.putInt(o + DESTINATION_OFFSET, destination, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return IP version.
     */
    public static int version(final DirectBuffer b, final int o)
    {
        return (b.getByte(o + VERSION_IHL_OFFSET) >> 4) & 0xF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return header length in bytes.
     */
    public static int headerLength(final DirectBuffer b, final int o)
    {
        return (b.getByte(o + VERSION_IHL_OFFSET) & 0xF) * 4;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return total length in bytes.
     */
    public static int totalLength(final DirectBuffer b, final int o)
    {
        return b.getShort(o + TOTAL_LENGTH_OFFSET, BE) & 0xFFFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return true when this is a fragment other than the first, or more fragments follow.
     */
    public static boolean fragmented(final DirectBuffer b, final int o)
    {
        return (b.getShort(o + FRAGMENT_OFFSET, BE) & 0x3FFF) != 0;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return TTL.
     */
    public static int ttl(final DirectBuffer b, final int o)
    {
        return b.getByte(o + TTL_OFFSET) & 0xFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return protocol number.
     */
    public static int protocol(final DirectBuffer b, final int o)
    {
        return b.getByte(o + PROTOCOL_OFFSET) & 0xFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return source address.
     */
    public static int source(final DirectBuffer b, final int o)
    {
        return b.getInt(o + SOURCE_OFFSET, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return destination address.
     */
    public static int destination(final DirectBuffer b, final int o)
    {
        return b.getInt(o + DESTINATION_OFFSET, BE);
    }

    /**
     * @param b           buffer.
     * @param o           offset of the header.
     * @param destination address.
     */
    public static void destination(final MutableDirectBuffer b, final int o, final int destination)
    {
        b.putInt(o + DESTINATION_OFFSET, destination, BE);
    }

    /**
     * @param b        buffer.
     * @param o        offset of the header.
     * @param checksum header checksum.
     */
    public static void checksum(final MutableDirectBuffer b, final int o, final int checksum)
    {
        b.putShort(o + CHECKSUM_OFFSET, (short)checksum, BE);
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return header checksum.
     */
    public static int checksum(final DirectBuffer b, final int o)
    {
        return b.getShort(o + CHECKSUM_OFFSET, BE) & 0xFFFF;
    }
}
