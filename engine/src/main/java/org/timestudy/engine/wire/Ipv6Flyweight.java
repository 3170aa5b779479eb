package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * IPv6 fixed header (RFC 8200 section 3), read-only: hostname mode's capture sees IPv6 connections. Extension
 * headers are not walked: a packet whose next header is not the upper protocol is not read.
 *
 * <pre>
 *   0 version/traffic class/flow label   4 payload length   6 next header   7 hop limit
 *   8 source address (16)   24 destination address (16)   40 payload
 * </pre>
 */
public final class Ipv6Flyweight
{
    /** Offset of the payload length. */
    public static final int PAYLOAD_LENGTH_OFFSET = 4;
    /** Offset of the next header. */
    public static final int NEXT_HEADER_OFFSET = 6;
    /** Offset of the hop limit. */
    public static final int HOP_LIMIT_OFFSET = 7;
    /** Offset of the source address. */
    public static final int SOURCE_OFFSET = 8;
    /** Offset of the destination address. */
    public static final int DESTINATION_OFFSET = 24;
    /** Length of the fixed header. */
    public static final int HEADER_LENGTH = 40;
    /** EtherType of IPv6. */
    public static final int ETHER_TYPE_IPV6 = 0x86DD;

    private Ipv6Flyweight()
    {
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return payload length in bytes.
     */
    public static int payloadLength(final DirectBuffer b, final int o)
    {
        return b.getShort(o + PAYLOAD_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the header.
     * @return next header (protocol) number.
     */
    public static int nextHeader(final DirectBuffer b, final int o)
    {
        return b.getByte(o + NEXT_HEADER_OFFSET) & 0xFF;
    }
}
