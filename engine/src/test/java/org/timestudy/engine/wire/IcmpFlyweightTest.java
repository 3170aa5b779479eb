package org.timestudy.engine.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IcmpFlyweightTest
{
    private static final int OURS = 0xC6120001;
    private static final int SERVER = 0xC6120007;
    private static final int LENGTH = IcmpFlyweight.QUOTED_OFFSET + Ipv4Flyweight.MIN_HEADER_LENGTH + 8;

    private static UnsafeBuffer unreachable(final int type, final int protocol, final int source)
    {
        final int quoted = Ipv4Flyweight.MIN_HEADER_LENGTH + 8;
        final UnsafeBuffer datagram = new UnsafeBuffer(new byte[quoted]);
        Ipv4Flyweight.write(datagram, 0, quoted, 64, protocol, source, SERVER);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[LENGTH]);
        assertThat(IcmpFlyweight.writePortUnreachable(b, 0, datagram, 0, quoted)).isEqualTo(LENGTH);
        b.putByte(IcmpFlyweight.TYPE_OFFSET, (byte)type);
        return b;
    }

    @Test
    void shouldWriteAPortUnreachableWithAValidChecksumQuotingTheDatagram()
    {
        final UnsafeBuffer b = unreachable(IcmpFlyweight.TYPE_DESTINATION_UNREACHABLE, Ipv4Flyweight.PROTOCOL_UDP, OURS);

        assertThat(IcmpFlyweight.type(b, 0)).isEqualTo(IcmpFlyweight.TYPE_DESTINATION_UNREACHABLE);
        assertThat(IcmpFlyweight.code(b, 0)).isEqualTo(IcmpFlyweight.CODE_PORT_UNREACHABLE);
        assertThat(b.getInt(4)).isZero();
        assertThat(InternetChecksum.of(b, 0, LENGTH)).isZero();
        assertThat(Ipv4Flyweight.source(b, IcmpFlyweight.QUOTED_OFFSET)).isEqualTo(OURS);
        assertThat(IcmpFlyweight.quotedDestination(b, 0)).isEqualTo(SERVER);
    }

    @Test
    void shouldFindTheQuotedTransportHeaderOfOurDatagram()
    {
        final UnsafeBuffer b = unreachable(IcmpFlyweight.TYPE_DESTINATION_UNREACHABLE, Ipv4Flyweight.PROTOCOL_UDP, OURS);
        assertThat(IcmpFlyweight.quotedTransport(b, 0, LENGTH, Ipv4Flyweight.PROTOCOL_UDP, OURS))
            .isEqualTo(IcmpFlyweight.QUOTED_OFFSET + Ipv4Flyweight.MIN_HEADER_LENGTH);
        assertThat(IcmpFlyweight.quotedDestination(b, 0)).isEqualTo(SERVER);
    }

    @Test
    void shouldIgnoreOtherMessagesProtocolsSourcesAndTruncatedQuotes()
    {
        final UnsafeBuffer echoReply = unreachable(0, Ipv4Flyweight.PROTOCOL_UDP, OURS);
        assertThat(IcmpFlyweight.quotedTransport(echoReply, 0, LENGTH, Ipv4Flyweight.PROTOCOL_UDP, OURS)).isEqualTo(-1);

        final UnsafeBuffer tcp = unreachable(IcmpFlyweight.TYPE_DESTINATION_UNREACHABLE, Ipv4Flyweight.PROTOCOL_TCP,
            OURS);
        assertThat(IcmpFlyweight.quotedTransport(tcp, 0, LENGTH, Ipv4Flyweight.PROTOCOL_UDP, OURS)).isEqualTo(-1);

        final UnsafeBuffer someoneElses = unreachable(IcmpFlyweight.TYPE_DESTINATION_UNREACHABLE,
            Ipv4Flyweight.PROTOCOL_UDP, OURS + 1);
        assertThat(IcmpFlyweight.quotedTransport(someoneElses, 0, LENGTH, Ipv4Flyweight.PROTOCOL_UDP, OURS))
            .isEqualTo(-1);

        final UnsafeBuffer ours = unreachable(IcmpFlyweight.TYPE_DESTINATION_UNREACHABLE, Ipv4Flyweight.PROTOCOL_UDP,
            OURS);
        final int headerEnd = IcmpFlyweight.QUOTED_OFFSET + Ipv4Flyweight.MIN_HEADER_LENGTH;
        assertThat(IcmpFlyweight.quotedTransport(ours, 0, headerEnd - 1, Ipv4Flyweight.PROTOCOL_UDP, OURS))
            .isEqualTo(-1);
        assertThat(IcmpFlyweight.quotedTransport(ours, 0, headerEnd, Ipv4Flyweight.PROTOCOL_UDP, OURS))
            .isEqualTo(headerEnd);
    }
}
