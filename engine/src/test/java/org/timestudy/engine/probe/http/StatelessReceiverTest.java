package org.timestudy.engine.probe.http;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.timestudy.engine.probe.Echo;
import org.timestudy.engine.probe.FollowUpSink;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeOptions;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.RecordSink;
import org.timestudy.engine.probe.ReplyContext;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.InternetChecksum;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.TcpFlyweight;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.HttpText;
import org.timestudy.journal.RecordFlags;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stateless HTTP probe's sender and receiver on real frames: SYNs carry the cookie as ISN with valid checksums;
 * a SYN-ACK is answered with one ACK + HEAD segment; responses that come whole, split, out of order, after a zero
 * window, cut by RST or FIN, oversized, or never, each end as one journal record of the right kind, with a RST.
 */
class StatelessReceiverTest
{
    private static final byte[] OUR_MAC = {2, 0, 0, 0, 0, 1};
    private static final byte[] GW_MAC = {2, 0, 0, 0, 0, 2};
    private static final int US = 0xC613_FF02;
    private static final int SERVER = 0xC612_0105;
    private static final int LOCAL_PORT = 40_001;
    private static final long SERVER_ISN = 0xFFFF_FF00L;
    private static final long DATE = 1_795_000_000L;
    private static final ProbeContext CTX = new ProbeContext(OUR_MAC, GW_MAC, US, 32768, 28233, 64,
        new ProbeOptions(1_000_000_000L, 4096, HeadRequest.DEFAULT_USER_AGENT, 4));

    private final HttpProbe probe = new HttpProbe();
    private final ProbeCookie cookie = new ProbeCookie(5, 6, probe.cookieDomain());
    private final ProbeReceiver receiver = probe.newReceiver(CTX);
    private final Frames sink = new Frames();
    private final Records records = new Records();
    private final ReplyContext reply = new ReplyContext();
    private final Echo echo = new Echo();
    private long ourIsn;

    @Test
    void shouldSendASynWithTheCookieAsIsnAndValidChecksums()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[probe.maxFrameLength()]);
        final var sender = probe.newSender(CTX);
        sender.prepare(frame);
        final long c = cookie.make(SERVER, 80, LOCAL_PORT, 7);
        final int length = sender.make(frame, SERVER, 80, LOCAL_PORT, c);
        final int ip = EthernetFlyweight.HEADER_LENGTH;
        final int tcp = ip + 20;
        assertThat(length).isEqualTo(58);
        assertThat(TcpFlyweight.flags(frame, tcp)).isEqualTo(TcpFlyweight.SYN);
        assertThat(TcpFlyweight.sequence(frame, tcp)).isEqualTo(c & 0xFFFF_FFFFL);
        assertThat(cookie.validates32(TcpFlyweight.sequence(frame, tcp), SERVER, 80, LOCAL_PORT)).isTrue();
        assertThat(InternetChecksum.of(frame, ip, 20)).as("IPv4 checksum verifies").isZero();
        assertThat(TcpFrames.tcpChecksumVerifies(frame, US, SERVER, 24)).isTrue();
        final StringBuilder sb = new StringBuilder();
        sender.describe(frame, length, sb);
        assertThat(sb.toString()).startsWith("http-syn 198.19.255.2:40001 -> 198.18.1.5:80");
    }

    @Test
    void shouldAnswerASynAckWithOneRequestAndJournalTheDateOnceTheHeadersEnd()
    {
        synAck(65535);
        assertThat(sink.frames).hasSize(1);
        final UnsafeBuffer request = sink.frames.get(0);
        final int tcp = TcpFrames.TCP;
        assertThat(TcpFlyweight.flags(request, tcp)).isEqualTo(TcpFlyweight.ACK | TcpFlyweight.PSH);
        assertThat(TcpFlyweight.sequence(request, tcp)).isEqualTo((ourIsn + 1) & 0xFFFF_FFFFL);
        assertThat(TcpFlyweight.ack(request, tcp)).isEqualTo((SERVER_ISN + 1) & 0xFFFF_FFFFL);
        final String text = payload(request);
        assertThat(text).startsWith("HEAD /timestudy-").contains(" HTTP/1.1\r\nHost: 198.18.1.5\r\n",
            "User-Agent: timestudy/0.1", "see http://198.19.255.2/").endsWith("Connection: close\r\n\r\n");
        assertThat(TcpFrames.tcpChecksumVerifies(request, US, SERVER, 20 + text.length())).isTrue();
        // Our request leaves (captured): T1.
        receiver.process(request, TcpFrames.IP, request.capacity(), 1_000, true, reply, sink, records);

        final String head = "HTTP/1.1 200 OK\r\nDate: " + HttpDate.format(DATE) + "\r\nServer: test\r\n\r\n";
        data(0, head.substring(0, 20), 2_000);
        assertThat(records.list).isEmpty();
        assertThat(sink.frames).as("an ACK for the first part").hasSize(2);
        data(20, head.substring(20), 3_000);

        assertThat(records.list).hasSize(1);
        final HttpResponseFlyweight r = records.list.get(0);
        assertThat(HttpOutcome.of(r.outcome())).isEqualTo(HttpOutcome.RESPONSE);
        assertThat(HttpProbeMode.of(r.mode())).isEqualTo(HttpProbeMode.STATELESS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dateEpochSec()).isEqualTo(DATE);
        assertThat(HttpDateForm.of(r.dateForm())).isEqualTo(HttpDateForm.IMF_FIXDATE);
        assertThat(r.t1EpochNs()).isEqualTo(1_000);
        assertThat(r.t4EpochNs()).as("the first response byte's segment").isEqualTo(2_000);
        assertThat(HttpTiming.of(r.timing())).isEqualTo(HttpTiming.CAPTURE);
        assertThat(r.ipv4()).isEqualTo(SERVER);
        assertThat(r.sourcePort()).isEqualTo(LOCAL_PORT);
        assertThat(r.ttl()).isEqualTo(57);
        assertThat(r.text(HttpText.SERVER)).isEqualTo("test");
        assertThat(r.text(HttpText.PATH)).isEqualTo(text.substring(5, text.indexOf(' ', 5)));
        final UnsafeBuffer rst = sink.frames.get(sink.frames.size() - 1);
        assertThat(TcpFlyweight.flags(rst, tcp)).isEqualTo(TcpFlyweight.RST | TcpFlyweight.ACK);
        assertThat(TcpFlyweight.sequence(rst, tcp)).isEqualTo((ourIsn + 1 + text.length()) & 0xFFFF_FFFFL);
        // Late segments of a finished connection are not this probe's any more.
        assertThat(classify(segment(SERVER_ISN + 1, TcpFlyweight.ACK, "x"))).isEqualTo(ProbeReceiver.IGNORE);
    }

    @Test
    void shouldPutOutOfOrderSegmentsBackInOrderAndTrimOverlaps()
    {
        synAck(65535);
        final String head = "HTTP/1.1 204 No Content\r\nDate: " + HttpDate.format(DATE) + "\r\nVia: 1.1 x\r\n\r\n";
        data(30, head.substring(30), 5_000);
        assertThat(records.list).isEmpty();
        data(0, head.substring(0, 35), 6_000);
        assertThat(records.list).hasSize(1);
        final HttpResponseFlyweight r = records.list.get(0);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.dateEpochSec()).isEqualTo(DATE);
        assertThat(r.text(HttpText.VIA)).isEqualTo("1.1 x");
        assertThat(r.t4EpochNs()).isEqualTo(6_000);
        assertThat(HttpTiming.of(r.timing())).as("our request was not captured: clock T1").isEqualTo(HttpTiming.SOCKET);
    }

    @Test
    void shouldWaitForAWindowBeforeSendingTheRequest()
    {
        synAck(0);
        assertThat(sink.frames).hasSize(1);
        assertThat(payloadLength(sink.frames.get(0))).as("a bare ACK").isZero();
        receiver.process(segment(SERVER_ISN + 1, TcpFlyweight.ACK, "", 0), TcpFrames.IP, 80, 1, false, reply, sink,
            records);
        assertThat(sink.frames).as("still no window").hasSize(1);
        final UnsafeBuffer update = segment(SERVER_ISN + 1, TcpFlyweight.ACK, "", 8192);
        receiver.process(update, TcpFrames.IP, update.capacity(), 2, false, reply, sink, records);
        assertThat(sink.frames).hasSize(2);
        assertThat(payload(sink.frames.get(1))).startsWith("HEAD /timestudy-");
    }

    @Test
    void shouldJournalAZeroWindowThatNeverOpensAndASilentServerAsTimeouts() throws Exception
    {
        synAck(0);
        receiver.poll(System.nanoTime() + 2_000_000_000L, reply, sink, records);
        assertThat(records.list).hasSize(1);
        assertThat(HttpOutcome.of(records.list.get(0).outcome())).isEqualTo(HttpOutcome.ZERO_WINDOW);

        synAck(65535);
        data(0, "HTTP/1.1 200 OK\r\nDate: " + HttpDate.format(DATE) + "\r\nX-Slow: lo", 1);
        receiver.poll(System.nanoTime() + 4_000_000_000L, reply, sink, records);
        assertThat(records.list).hasSize(2);
        final HttpResponseFlyweight slow = records.list.get(1);
        assertThat(HttpOutcome.of(slow.outcome())).isEqualTo(HttpOutcome.RESPONSE_TIMEOUT);
        assertThat(slow.dateEpochSec()).as("the Date that came before the stall").isEqualTo(DATE);
        assertThat(TcpFlyweight.flags(sink.frames.get(sink.frames.size() - 1), TcpFrames.TCP) & TcpFlyweight.RST)
            .isNotZero();
    }

    @Test
    void shouldJournalResetClosedRefusedMalformedAndCappedResponses()
    {
        synAck(65535);
        receiver.process(segment(SERVER_ISN + 1, TcpFlyweight.RST | TcpFlyweight.ACK, ""), TcpFrames.IP, 54, 1,
            false, reply, sink, records);
        assertThat(HttpOutcome.of(records.list.get(0).outcome())).isEqualTo(HttpOutcome.RESET);

        synAck(65535);
        final UnsafeBuffer fin = segment(SERVER_ISN + 1, TcpFlyweight.FIN | TcpFlyweight.ACK, "HTTP/1.1 200 OK\r\n");
        receiver.process(fin, TcpFrames.IP, fin.capacity(), 1, false, reply, sink, records);
        assertThat(HttpOutcome.of(records.list.get(1).outcome())).isEqualTo(HttpOutcome.CLOSED);

        final UnsafeBuffer refused = segment(0, TcpFlyweight.RST | TcpFlyweight.ACK, "");
        refused.putInt(TcpFrames.TCP + TcpFlyweight.ACK_OFFSET,
            (int)(cookie.make(SERVER, 80, LOCAL_PORT + 1, 1) + 1), ByteOrder.BIG_ENDIAN);
        refused.putShort(TcpFrames.TCP + TcpFlyweight.DESTINATION_PORT_OFFSET, (short)(LOCAL_PORT + 1),
            ByteOrder.BIG_ENDIAN);
        assertThat(classify(refused)).isEqualTo(ProbeReceiver.REPLY);
        assertThat(cookie.validates32(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort)).isTrue();
        receiver.onReply(refused, TcpFrames.IP, refused.capacity(), reply, sink, records);
        assertThat(HttpOutcome.of(records.list.get(2).outcome())).isEqualTo(HttpOutcome.REFUSED);

        synAck(65535);
        data(0, "SSH-2.0-OpenSSH_9.6\r\n", 1);
        assertThat(HttpOutcome.of(records.list.get(3).outcome())).isEqualTo(HttpOutcome.MALFORMED);
        assertThat(records.list.get(3).text(HttpText.HEADERS)).startsWith("SSH-2.0");

        synAck(65535);
        final StringBuilder big = new StringBuilder("HTTP/1.1 200 OK\r\nDate: " + HttpDate.format(DATE) + "\r\n");
        while (big.length() < 6000)
        {
            big.append("X-Filler: ").append("y".repeat(90)).append("\r\n");
        }
        for (int at = 0; at < big.length() && records.list.size() == 4; at += 1000)
        {
            data(at, big.substring(at, Math.min(big.length(), at + 1000)), 1);
        }
        final HttpResponseFlyweight capped = records.list.get(4);
        assertThat(capped.flags() & RecordFlags.HTTP_HEADERS_TRUNCATED).isNotZero();
        assertThat(capped.dateEpochSec()).isEqualTo(DATE);
    }

    @Test
    void shouldResendTheRequestWhenTheSynAckComesAgainAndJournalWhenTheTableIsFull()
    {
        synAck(65535);
        synAck(65535);
        assertThat(sink.frames).as("the request again: the first was lost").hasSize(2);
        assertThat(payload(sink.frames.get(1))).startsWith("HEAD ");
        for (int i = 1; i < 4; i++)
        {
            synAck(65535, LOCAL_PORT + i);
        }
        synAck(65535, LOCAL_PORT + 10);
        assertThat(records.list).hasSize(1);
        assertThat(HttpOutcome.of(records.list.get(0).outcome())).isEqualTo(HttpOutcome.ERROR);
        assertThat(records.list.get(0).text(HttpText.DETAIL)).contains("table full");
    }

    // ---- frames

    private void synAck(final int window)
    {
        synAck(window, LOCAL_PORT);
    }

    private void synAck(final int window, final int localPort)
    {
        ourIsn = cookie.make(SERVER, 80, localPort, 1) & 0xFFFF_FFFFL;
        final UnsafeBuffer f = segment(SERVER_ISN, TcpFlyweight.SYN | TcpFlyweight.ACK, "", window);
        f.putInt(TcpFrames.TCP + TcpFlyweight.ACK_OFFSET, (int)(ourIsn + 1), ByteOrder.BIG_ENDIAN);
        f.putShort(TcpFrames.TCP + TcpFlyweight.DESTINATION_PORT_OFFSET, (short)localPort, ByteOrder.BIG_ENDIAN);
        assertThat(classify(f)).isEqualTo(ProbeReceiver.REPLY);
        assertThat(echo.cookieBits).isEqualTo(32);
        assertThat(cookie.validates32(echo.cookie, echo.remoteAddress, echo.remotePort, echo.localPort)).isTrue();
        receiver.onReply(f, TcpFrames.IP, f.capacity(), reply, sink, records);
    }

    private void data(final int offset, final String text, final long timeNs)
    {
        final UnsafeBuffer f = segment(SERVER_ISN + 1 + offset, TcpFlyweight.ACK | TcpFlyweight.PSH, text);
        assertThat(classify(f)).isEqualTo(ProbeReceiver.SEGMENT);
        receiver.process(f, TcpFrames.IP, f.capacity(), timeNs, false, reply, sink, records);
    }

    private int classify(final UnsafeBuffer f)
    {
        return receiver.classify(f, TcpFrames.IP, f.capacity(), false, echo);
    }

    private static UnsafeBuffer segment(final long seq, final int flags, final String text)
    {
        return segment(seq, flags, text, 65535);
    }

    private static UnsafeBuffer segment(final long seq, final int flags, final String text, final int window)
    {
        final byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
        final UnsafeBuffer f = new UnsafeBuffer(new byte[TcpFrames.PAYLOAD + payload.length]);
        EthernetFlyweight.write(f, 0, OUR_MAC, GW_MAC, EthernetFlyweight.ETHER_TYPE_IPV4);
        Ipv4Flyweight.write(f, TcpFrames.IP, 40 + payload.length, 57, Ipv4Flyweight.PROTOCOL_TCP, SERVER, US);
        TcpFlyweight.write(f, TcpFrames.TCP, 80, LOCAL_PORT, seq, 0, 20, flags, window);
        f.putBytes(TcpFrames.PAYLOAD, payload);
        return f;
    }

    private static int payloadLength(final DirectBuffer f)
    {
        return Ipv4Flyweight.totalLength(f, TcpFrames.IP) - 40;
    }

    private static String payload(final DirectBuffer f)
    {
        final byte[] b = new byte[payloadLength(f)];
        f.getBytes(TcpFrames.PAYLOAD, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Collects follow-up frames. */
    private static final class Frames implements FollowUpSink
    {
        final List<UnsafeBuffer> frames = new ArrayList<>();
        private UnsafeBuffer slot;

        @Override
        public MutableDirectBuffer claim()
        {
            slot = new UnsafeBuffer(new byte[maxFrameLength()]);
            return slot;
        }

        @Override
        public long send(final int length)
        {
            final UnsafeBuffer f = new UnsafeBuffer(new byte[length]);
            f.putBytes(0, slot, 0, length);
            frames.add(f);
            return 500;
        }

        @Override
        public int maxFrameLength()
        {
            return 1514;
        }
    }

    /** Collects journal records. */
    private static final class Records implements RecordSink
    {
        final List<HttpResponseFlyweight> list = new ArrayList<>();
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[HttpResponseFlyweight.MAX_LENGTH]);

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public void commit(final int length)
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
            copy.putBytes(0, buffer, 0, length);
            final HttpResponseFlyweight r = new HttpResponseFlyweight().wrap(copy, 0);
            assertThat(r.valid(length)).isTrue();
            list.add(r);
        }
    }
}
