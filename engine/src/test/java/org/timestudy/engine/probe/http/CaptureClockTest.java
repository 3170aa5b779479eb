package org.timestudy.engine.probe.http;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.TcpFlyweight;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture clock on frames of each link type: a registered connection's segments become stream offsets with
 * their timestamps, the earliest sighting wins, other connections' frames are ignored.
 */
class CaptureClockTest
{
    private static final int US = 0x7F00_0001;
    private static final int THEM = 0xC613_001E;
    private static final byte[] THEM_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)0xFF, (byte)0xFF, (byte)0xC6, 0x13,
        0, 0x1E};

    @Test
    void shouldTimeTheRequestsAndResponsesFirstBytesOnEthernetSllAndSll2()
    {
        for (final int dlt : new int[] {1, 113, 276})
        {
            final CaptureClock clock = new CaptureClock(dlt);
            final SegmentTimes t = clock.register(THEM_MAPPED, 80, 50_000);
            feed(clock, frame(dlt, US, THEM, 50_000, 80, 1000, TcpFlyweight.SYN, 0), 10);
            feed(clock, frame(dlt, THEM, US, 80, 50_000, 9000, TcpFlyweight.SYN | TcpFlyweight.ACK, 0), 20);
            feed(clock, frame(dlt, US, THEM, 50_000, 80, 1001, TcpFlyweight.ACK | TcpFlyweight.PSH, 120), 30);
            // A retransmission of the request, later: the first sighting stands.
            feed(clock, frame(dlt, US, THEM, 50_000, 80, 1001, TcpFlyweight.ACK | TcpFlyweight.PSH, 120), 35);
            feed(clock, frame(dlt, THEM, US, 80, 50_000, 9001, TcpFlyweight.ACK, 300), 40);
            feed(clock, frame(dlt, THEM, US, 80, 50_000, 9301, TcpFlyweight.ACK, 50), 50);
            // Another connection's frame.
            feed(clock, frame(dlt, THEM, US, 80, 50_001, 7, TcpFlyweight.ACK, 50), 60);
            assertThat(t.sentAt(0)).as("dlt %d", dlt).isEqualTo(30);
            assertThat(t.sentAt(119)).isEqualTo(30);
            assertThat(t.sentAt(120)).isZero();
            assertThat(t.receivedAt(0)).isEqualTo(40);
            assertThat(t.receivedAt(300)).isEqualTo(50);
            assertThat(clock.matched()).isEqualTo(6);
            clock.unregister(t);
            feed(clock, frame(dlt, THEM, US, 80, 50_000, 9351, TcpFlyweight.ACK, 10), 70);
            assertThat(clock.matched()).isEqualTo(6);
        }
    }

    private static void feed(final CaptureClock clock, final byte[] frame, final long timeNs)
    {
        clock.onFrame(frame, frame.length, timeNs);
    }

    private static byte[] frame(
        final int dlt, final int src, final int dst, final int sport, final int dport, final long seq, final int flags,
        final int payload)
    {
        final int link = dlt == 1 ? 14 : dlt == 113 ? 16 : 20;
        final UnsafeBuffer b = new UnsafeBuffer(new byte[link + 40 + payload]);
        if (dlt == 1)
        {
            b.putShort(12, (short)0x0800, ByteOrder.BIG_ENDIAN);
        }
        else if (dlt == 113)
        {
            b.putShort(14, (short)0x0800, ByteOrder.BIG_ENDIAN);
        }
        else
        {
            b.putShort(0, (short)0x0800, ByteOrder.BIG_ENDIAN);
        }
        Ipv4Flyweight.write(b, link, 40 + payload, 64, Ipv4Flyweight.PROTOCOL_TCP, src, dst);
        TcpFlyweight.write(b, link + 20, sport, dport, seq, 0, 20, flags, 1000);
        return b.byteArray();
    }
}
