package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

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
    /** Offset of the checksum (over the whole message). */
    public static final int CHECKSUM_OFFSET = 2;
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

    /**
     * Finds the transport header a destination-unreachable quotes, when it quotes a datagram of ours: the quoted IP
     * header is whole within the capture, of the given protocol, and from our address.
     *
     * @param b             buffer.
     * @param o             offset of the ICMP header.
     * @param captured      bytes of the frame captured.
     * @param protocol      IP protocol of the datagrams we send (e.g. {@link Ipv4Flyweight#PROTOCOL_UDP}).
     * @param sourceAddress our IPv4 address, as an int.
     * @return offset of the quoted transport header, or −1 for any other ICMP message; the caller checks that the
     *         transport bytes it reads lie within the capture.
     */
    public static int quotedTransport(
        final DirectBuffer b, final int o, final int captured, final int protocol, final int sourceAddress)
    {
        if (type(b, o) != TYPE_DESTINATION_UNREACHABLE)
        {
            return -1;
        }
        final int quoted = o + QUOTED_OFFSET;
        if (quoted + Ipv4Flyweight.MIN_HEADER_LENGTH > captured ||
            Ipv4Flyweight.protocol(b, quoted) != protocol ||
            Ipv4Flyweight.source(b, quoted) != sourceAddress)
        {
            return -1;
        }
        return quoted + Ipv4Flyweight.headerLength(b, quoted);
    }

    /**
     * @param b buffer.
     * @param o offset of the ICMP header of an error message that quotes an IP header.
     * @return destination address of the quoted IP header, as an int.
     */
    public static int quotedDestination(final DirectBuffer b, final int o)
    {
        return Ipv4Flyweight.destination(b, o + QUOTED_OFFSET);
    }

    /**
     * Writes a port-unreachable (type 3, code 3) that quotes the start of an IP datagram, with its checksum: what a
     * host with nothing on the port sends back (the simulated Internet's servers, and tests).
     *
     * @param b            buffer.
     * @param o            offset of the ICMP header.
     * @param datagram     buffer holding the offending datagram.
     * @param ipOffset     offset of its IP header.
     * @param quotedLength bytes of it to quote (its IP header and at least 8 bytes of payload).
     * @return length of the ICMP message.
     */
    public static int writePortUnreachable(
        final MutableDirectBuffer b, final int o, final DirectBuffer datagram, final int ipOffset,
        final int quotedLength)
    {
        final int length = QUOTED_OFFSET + quotedLength;
        b.putByte(o + TYPE_OFFSET, (byte)TYPE_DESTINATION_UNREACHABLE);
        b.putByte(o + CODE_OFFSET, (byte)CODE_PORT_UNREACHABLE);
        b.putShort(o + CHECKSUM_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        b.putInt(o + CHECKSUM_OFFSET + 2, 0, ByteOrder.BIG_ENDIAN);
        b.putBytes(o + QUOTED_OFFSET, datagram, ipOffset, quotedLength);
        b.putShort(o + CHECKSUM_OFFSET, (short)InternetChecksum.of(b, o, length), ByteOrder.BIG_ENDIAN);
        return length;
    }
}
