package org.timestudy.bench.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.engine.probe.Echo;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.probe.ReplyContext;
import org.timestudy.engine.probe.ntp.NtpProbe;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.UdpFlyweight;
import org.timestudy.ntp.NtpTime;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * The engine's per-packet work: building a probe frame with its cookie (send path), and recognising, validating and
 * encoding a reply (capture path). Both must allocate nothing: run with {@code -prof gc} to check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NtpProbeBench
{
    private static final ProbeContext CTX = new ProbeContext(new byte[] {2, 0, 0, 0, 0, 1},
        new byte[] {2, 0, 0, 0, 0, 2}, 0xC613FF02, 32768, 28233, 64);

    private final ProbeCookie cookie = new ProbeCookie(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L,
        new NtpProbe().cookieDomain());
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
    private final UnsafeBuffer reply = new UnsafeBuffer(new byte[90]);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
    private final Echo echo = new Echo();
    private final ReplyContext replyContext = new ReplyContext();
    private ProbeSender sender;
    private ProbeReceiver receiver;
    private int target = 0xC6120000;
    private int seq;

    /** Prepares the template and one reply to validate. */
    @Setup
    public void setUp()
    {
        sender = new NtpProbe().newSender(CTX);
        receiver = new NtpProbe().newReceiver(CTX);
        sender.prepare(frame);
        // A server's reply to a probe, built once.
        final int port = 40000;
        final long c = cookie.make(0xC6120005, 123, port, 77);
        EthernetFlyweight.write(reply, 0, CTX.sourceMac(), CTX.gatewayMac(), EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(reply, 14, 76, 60, Ipv4Flyweight.PROTOCOL_UDP, 0xC6120005, CTX.sourceAddress());
        Ipv4Flyweight.checksum(reply, 14, InternetChecksum.of(reply, 14, 20));
        UdpFlyweight.write(reply, 34, 123, port, 56);
        reply.putByte(42, (byte)0x24);
        reply.putByte(43, (byte)2);
        final long now = NtpTime.fromEpochNs(System.currentTimeMillis() * 1_000_000L);
        reply.putLong(42 + 24, c, ByteOrder.BIG_ENDIAN);
        reply.putLong(42 + 32, now, ByteOrder.BIG_ENDIAN);
        reply.putLong(42 + 40, now + 1000, ByteOrder.BIG_ENDIAN);
    }

    /**
     * Send path: one probe frame (cookie, addresses, incremental checksums).
     *
     * @return the frame length.
     */
    @Benchmark
    public int buildFrameWithCookie()
    {
        final int s = seq++;
        final int port = 32768 + (s & 0x3FFF);
        final int t = target++;
        return sender.make(frame, t, 123, port, cookie.make(t, 123, port, s));
    }

    /**
     * Capture path: classify a reply, validate its cookie, encode the journal record.
     *
     * @return the record length.
     */
    @Benchmark
    public int validateAndDecodeReply()
    {
        if (receiver.classify(reply, 14, 90, false, echo) != ProbeReceiver.REPLY)
        {
            throw new IllegalStateException("not a reply");
        }
        final long s = cookie.sequenceOf(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort);
        if (s != 77)
        {
            throw new IllegalStateException("cookie did not validate");
        }
        replyContext.probeIndex = (int)s & 0;
        return receiver.encode(reply, 14, 90, replyContext, out);
    }
}
