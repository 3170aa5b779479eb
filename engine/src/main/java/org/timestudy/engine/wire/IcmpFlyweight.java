package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;

/**
 * ICMP header (RFC 792). A destination-unreachable quotes the offending IP header and at least 8 bytes of its
 * payload from offset {@link #QUOTED_OFFSET}; Linux quotes up to 576 bytes in all.
 */
public final class IcmpFlyweight
{
    /** Offset of the type. */
    public static final int TYPE_OFFSET = 0;
    /** Offset of the code. */
    public static final int CODE_OFFSET = 1;
    /** Offset of the quoted IP header in an error message. */
    public static final int QUOTED_OFFSET = 8;
    /** Type: destination unreachable. */
    public static final int TYPE_DESTINATION_UNREACHABLE = 3;
    /** Code: port unreachable. */
    public static final int CODE_PORT_UNREACHABLE = 3;

    private IcmpFlyweight()
    {
    }

    /**
     * @param b buffer.
     * @param o offset of the ICMP header.
     * @return type.
     */
    public static int type(final DirectBuffer b, final int o)
    {
        return b.getByte(o + TYPE_OFFSET) & 0xFF;
    }

    /**
     * @param b buffer.
     * @param o offset of the ICMP header.
     * @return code.
     */
    public static int code(final DirectBuffer b, final int o)
    {
        return b.getByte(o + CODE_OFFSET) & 0xFF;
    }
}
