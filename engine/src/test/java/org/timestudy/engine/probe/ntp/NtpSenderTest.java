package org.timestudy.engine.probe.ntp;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.UdpPacket;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeSender;

import java.net.Inet4Address;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames built from the template with incremental checksums, checked by pcap4j's own packet parser and checksum
 * validation (a second, independent implementation).
 */
public class NtpSenderTest
{
    public static final ProbeContext CTX_FOR_TESTS = new ProbeContext(new byte[] {2, 0, 0, 0, 0, 1},
        new byte[] {2, 0, 0, 0, 0, 2}, 0xC613FF02, 32768, 28233, 64);

    @Test
    void shouldBuildRequestsThatAnIndependentParserAcceptsWithValidChecksums() throws Exception
    {
        final ProbeSender sender = new NtpProbe().newSender(CTX_FOR_TESTS);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
        sender.prepare(frame);
        final SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++)
        {
            final int dst = r.nextInt();
            final int sport = 32768 + r.nextInt(28233);
            final int dport = i % 10 == 0 ? 1 + r.nextInt(65535) : 123;
            final long cookie = r.nextLong();
            final int length = sender.make(frame, dst, dport, sport, cookie);
            assertThat(length).isEqualTo(90);

            final byte[] bytes = new byte[length];
            frame.getBytes(0, bytes);
            final EthernetPacket eth = EthernetPacket.newPacket(bytes, 0, length);
            final IpV4Packet ip = eth.get(IpV4Packet.class);
            final UdpPacket udp = eth.get(UdpPacket.class);
            assertThat(ip.getHeader().hasValidChecksum(false)).isTrue();
            assertThat(udp.hasValidChecksum((Inet4Address)ip.getHeader().getSrcAddr(),
                (Inet4Address)ip.getHeader().getDstAddr(), false)).isTrue();
            assertThat(ip.getHeader().getDstAddr().getAddress()).containsExactly(
                (byte)(dst >>> 24), (byte)(dst >>> 16), (byte)(dst >>> 8), (byte)dst);
            assertThat(udp.getHeader().getSrcPort().valueAsInt()).isEqualTo(sport);
            assertThat(udp.getHeader().getDstPort().valueAsInt()).isEqualTo(dport);
            final byte[] ntp = udp.getPayload().getRawData();
            assertThat(ntp).hasSize(48);
            assertThat(ntp[0]).isEqualTo((byte)0x23);
            for (int b = 1; b < 40; b++)
            {
                assertThat(ntp[b]).as("byte %d of a data-minimised request", b).isZero();
            }
            assertThat(new UnsafeBuffer(ntp).getLong(40, ByteOrder.BIG_ENDIAN)).isEqualTo(cookie);
        }
    }

    @Test
    void shouldDescribeAFrameForDryRuns()
    {
        final ProbeSender sender = new NtpProbe().newSender(CTX_FOR_TESTS);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
        sender.prepare(frame);
        final int length = sender.make(frame, 0xC6120001, 123, 40000, 0x1122334455667788L);
        final StringBuilder sb = new StringBuilder();
        sender.describe(frame, length, sb);
        assertThat(sb.toString()).startsWith("ntp 198.19.255.2:40000 -> 198.18.0.1:123 ttl=64")
            .contains("li/vn/mode=0x23").contains("xmt=0x1122334455667788").endsWith("len=90");
    }
}
