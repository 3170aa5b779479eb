package org.timestudy.nativeio;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real AF_PACKET sends and receives, on the loopback interface only (the one place outside the lab that tests may
 * send to). Needs CAP_NET_RAW: skipped with a message otherwise.
 */
class PacketSocketTest
{
    private static final String SKIP = "SKIPPED: raw packet sockets need root or CAP_NET_RAW";

    @BeforeEach
    void needsRoot() throws Exception
    {
        final boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
            .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        if (!root)
        {
            System.err.println("PacketSocketTest: " + SKIP);
        }
        assumeTrue(root, SKIP);
    }

    @Test
    void shouldSendABatchOfFramesWithSendmmsg()
    {
        // Frames injected on lo are not delivered to local sockets, so a second packet socket watches them leave
        // (outgoing frames reach only ETH_P_ALL taps). Delivery across a veth is tested in the lab (testbed).
        final int port = 20000 + (int)(ProcessHandle.current().pid() % 20000);
        try (PacketSocket socket = PacketSocket.openForSend("lo");
            PacketSocket watcher = PacketSocket.openForReceive("lo", PacketSocket.ETH_P_ALL))
        {
            watcher.attachFilter(BpfProgram.udpToPort(port));
            final FrameBatch batch = new FrameBatch(FrameBatch.DEFAULT_SLOTS, 256);
            final int frames = 10;
            for (int i = 0; i < frames; i++)
            {
                batch.length(i, udpFrame(batch.frame(i), port, "frame " + i));
            }
            assertThat(batch.send(socket, frames)).isEqualTo(frames);
            assertThat(batch.lastErrno()).isZero();

            final FrameBatch seen = new FrameBatch(FrameBatch.DEFAULT_SLOTS, 2048);
            final StringBuilder texts = new StringBuilder();
            int outgoing = 0;
            final long deadline = System.nanoTime() + 2_000_000_000L;
            while (outgoing < frames && System.nanoTime() - deadline < 0)
            {
                final int n = seen.receive(watcher);
                for (int i = 0; i < n; i++)
                {
                    if (seen.packetType(i) == FrameBatch.PACKET_OUTGOING)
                    {
                        final int len = seen.receivedLength(i) - 42;
                        final byte[] text = new byte[len];
                        seen.frame(i).getBytes(42, text);
                        texts.append(new String(text, StandardCharsets.US_ASCII)).append(';');
                        outgoing++;
                    }
                }
            }
            assertThat(texts.toString()).isEqualTo(
                "frame 0;frame 1;frame 2;frame 3;frame 4;frame 5;frame 6;frame 7;frame 8;frame 9;");
        }
    }

    @Test
    void shouldReceiveOnlyWhatTheFilterLetsThrough() throws Exception
    {
        try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            PacketSocket socket = PacketSocket.openForReceive("lo", PacketSocket.ETH_P_IP))
        {
            final int port = 40000 + (int)(ProcessHandle.current().pid() % 20000);
            socket.attachFilter(BpfProgram.udpToPort(port));
            socket.ignoreOutgoing();
            final FrameBatch batch = new FrameBatch(8, 2048);
            final InetAddress lo = InetAddress.getByName("127.0.0.1");
            sender.send(new DatagramPacket(new byte[] {1}, 1, lo, port + 1));
            sender.send(new DatagramPacket("hello".getBytes(StandardCharsets.US_ASCII), 5, lo, port));
            int n = 0;
            final long deadline = System.nanoTime() + 2_000_000_000L;
            while (n == 0 && System.nanoTime() - deadline < 0)
            {
                n = batch.receive(socket);
            }
            assertThat(n).isEqualTo(1);
            final UnsafeBuffer f = batch.frame(0);
            assertThat(batch.receivedLength(0)).isEqualTo(14 + 20 + 8 + 5);
            assertThat(f.getShort(14 + 20 + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF).isEqualTo(port);
            assertThat(batch.receive(socket)).isZero();
        }
    }

    @Test
    void shouldReadInterfaceFactsAndTheClock()
    {
        final NetworkInterfaceInfo lo = NetworkInterfaceInfo.of("lo");
        assertThat(lo.ipv4()).isEqualTo(0x7F000001);
        assertThat(lo.mtuBytes()).isPositive();
        final long now = System.currentTimeMillis() * 1_000_000L;
        assertThat(new RealtimeClock().nowNs()).isBetween(now - 1_000_000_000L, now + 1_000_000_000L);
    }

    /** A minimal Ethernet + IPv4 + UDP frame to 127.0.0.1 (zero MACs on loopback, UDP checksum 0). */
    private static int udpFrame(final UnsafeBuffer f, final int port, final String text)
    {
        final byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        f.setMemory(0, 12, (byte)0);
        f.putShort(12, (short)0x0800, ByteOrder.BIG_ENDIAN);
        final int ip = 14;
        f.putByte(ip, (byte)0x45);
        f.putByte(ip + 1, (byte)0);
        f.putShort(ip + 2, (short)(20 + 8 + payload.length), ByteOrder.BIG_ENDIAN);
        f.putInt(ip + 4, 0, ByteOrder.BIG_ENDIAN);
        f.putByte(ip + 8, (byte)64);
        f.putByte(ip + 9, (byte)17);
        f.putShort(ip + 10, (short)0, ByteOrder.BIG_ENDIAN);
        f.putInt(ip + 12, 0x7F000001, ByteOrder.BIG_ENDIAN);
        f.putInt(ip + 16, 0x7F000001, ByteOrder.BIG_ENDIAN);
        int sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += f.getShort(ip + i, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        f.putShort(ip + 10, (short)~sum, ByteOrder.BIG_ENDIAN);
        final int udp = ip + 20;
        f.putShort(udp, (short)40000, ByteOrder.BIG_ENDIAN);
        f.putShort(udp + 2, (short)port, ByteOrder.BIG_ENDIAN);
        f.putShort(udp + 4, (short)(8 + payload.length), ByteOrder.BIG_ENDIAN);
        f.putShort(udp + 6, (short)0, ByteOrder.BIG_ENDIAN);
        f.putBytes(udp + 8, payload);
        return udp + 8 + payload.length;
    }
}
