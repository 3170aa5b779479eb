package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Ethernet II header (IEEE 802.3): destination and source MAC, EtherType. Network byte order.
 */
public final class EthernetFlyweight
{
    /** Offset of the destination MAC. */
    public static final int DESTINATION_OFFSET = 0;
    /** Offset of the source MAC. */
    public static final int SOURCE_OFFSET = 6;
    /** Offset of the EtherType. */
    public static final int ETHER_TYPE_OFFSET = 12;
    /** Length of the header in bytes. */
    public static final int HEADER_LENGTH = 14;
    /** EtherType of IPv4. */
    public static final int ETHER_TYPE_IPV4 = 0x0800;

    private EthernetFlyweight()
    {
    }

    /**
     * Writes a header.
     *
     * @param buffer      frame.
     * @param offset      of the header.
     * @param destination MAC, 6 bytes.
     * @param source      MAC, 6 bytes.
     * @param etherType   e.g. {@link #ETHER_TYPE_IPV4}.
     */
    public static void write(
        final MutableDirectBuffer buffer, final int offset, final byte[] destination, final byte[] source,
        final int etherType)
    {
        buffer.putBytes(offset + DESTINATION_OFFSET, destination, 0, 6);
        buffer.putBytes(offset + SOURCE_OFFSET, source, 0, 6);
        buffer.putShort(offset + ETHER_TYPE_OFFSET, (short)etherType, ByteOrder.BIG_ENDIAN);
    }

    /**
     * @param buffer frame.
     * @param offset of the header.
     * @return the EtherType.
     */
    public static int etherType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param buffer frame.
     * @param offset of the header.
     * @param mac    6 bytes.
     * @return true when the source MAC is {@code mac}.
     */
    public static boolean sourceIs(final DirectBuffer buffer, final int offset, final byte[] mac)
    {
        for (int i = 0; i < 6; i++)
        {
            if (buffer.getByte(offset + SOURCE_OFFSET + i) != mac[i])
            {
                return false;
            }
        }
        return true;
    }
}
