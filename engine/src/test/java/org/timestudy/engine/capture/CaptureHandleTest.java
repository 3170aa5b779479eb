package org.timestudy.engine.capture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.nativeio.PcapCapture;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real capture on the loopback interface (the one place outside the lab that tests may send to), opened by pcap4j
 * ({@link CaptureHandle}) and read by {@link PcapCapture}: frames handed over in place with nanosecond kernel timestamps, the filter applied, errors said clearly. Needs
 * CAP_NET_RAW: skipped with a message otherwise.
 */
class CaptureHandleTest
{
    private static final String SKIP = "SKIPPED: live capture needs root or CAP_NET_RAW";
    private static final int PORT = 45_678;

    @BeforeEach
    void needsRoot() throws Exception
    {
        final boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
            .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        if (!root)
        {
            System.err.println("CaptureHandleTest: " + SKIP);
        }
        assumeTrue(root, SKIP);
    }

    @Test
    void shouldHandOverOnlyTheFilteredFramesInPlaceWithNanosecondTimestamps() throws Exception
    {
        final List<String> payloads = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        try (PcapCapture capture = CaptureHandle.open("lo", 256, 1 << 20, "udp and dst port " + PORT);
            DatagramSocket socket = new DatagramSocket())
        {
            final long before = System.currentTimeMillis() * 1_000_000L;
            for (final String text : List.of("one", "two", "three"))
            {
                final byte[] b = text.getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), PORT));
                socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), PORT + 1));
            }
            final long deadline = System.nanoTime() + 5_000_000_000L;
            while (payloads.size() < 3 && System.nanoTime() - deadline < 0)
            {
                capture.poll((frame, length, epochNs) ->
                {
                    // Ethernet (14) + IPv4 (20) + UDP (8), then the payload.
                    final byte[] p = new byte[length - 42];
                    frame.getBytes(42, p);
                    payloads.add(new String(p, StandardCharsets.US_ASCII));
                    times.add(epochNs);
                }, 16);
                Thread.sleep(1);
            }
            final long after = System.currentTimeMillis() * 1_000_000L + 1_000_000L;
            assertThat(payloads).containsExactly("one", "two", "three");
            assertThat(times).allSatisfy(t -> assertThat(t).isBetween(before - 1_000_000L, after));
            assertThat(times.stream().anyMatch(t -> t % 1000 != 0)).as("nanosecond, not microsecond, stamps").isTrue();
            assertThat(capture.poll((frame, length, epochNs) -> payloads.add("stray"), 16)).isZero();
            assertThat(capture.readStats().drops()).isZero();
        }
    }

    @Test
    void shouldSayWhatIsWrongWithAFilterOrAnInterface()
    {
        assertThatThrownBy(() -> CaptureHandle.open("lo", 256, 1 << 20, "udp and port banana").close())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("banana");
        assertThatThrownBy(() -> CaptureHandle.open("nosuchif0", 256, 1 << 20, "udp").close())
            .isInstanceOf(EnvironmentNotReadyException.class).hasMessageContaining("nosuchif0");
    }
}
