package org.timestudy.engine.probe.http;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.timestudy.engine.probe.Echo;
import org.timestudy.engine.probe.FollowUpSink;
import org.timestudy.engine.probe.ProbeContext;
import org.timestudy.engine.probe.ProbeReceiver;
import org.timestudy.engine.probe.RecordSink;
import org.timestudy.engine.probe.ReplyContext;
import org.timestudy.engine.wire.IcmpFlyweight;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.engine.wire.TcpFlyweight;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.targets.address.Ipv4;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The stateless HTTP probe's receiver: a user-space TCP client that keeps state only for servers that answered. A
 * SYN-ACK whose acknowledgement validates (the engine checks the cookie) opens a connection in a bounded table and
 * is answered with one segment, ACK + {@code HEAD} of a random path; the response's segments are put back in order
 * (out-of-order ones are held, overlaps trimmed) and read up to the end of the header block (or a cap), then the
 * connection is reset and journaled. Hostile servers end as results: a zero window (the request waits for a window
 * update), silence or a slow-loris drip (the response timeout, with whatever headers came), a reset or FIN before
 * the headers ended, an oversized header block (capped), garbage (malformed). A RST to our SYN is journaled as
 * refused. T1 is the capture timestamp of our request segment leaving (else the clock when it was handed over), T4
 * that of the segment carrying the response's first byte.
 *
 * <p>Capture thread only. Nothing is allocated per segment; a connection's reader and its out-of-order buffer are
 * pooled.
 */
final class StatelessReceiver implements ProbeReceiver
{
    private static final long MASK_32 = 0xFFFF_FFFFL;
    private static final long NONE = -1;
    private static final int STATE_FREE = 0;
    private static final int STATE_WAIT_WINDOW = 1;
    private static final int STATE_RECEIVING = 2;
    private static final long POLL_INTERVAL_NS = 10_000_000L;
    private static final int MAX_OUT_OF_ORDER = 4;

    private final ProbeContext ctx;
    private final TcpFrames frames;
    private final int capacity;
    private final long timeoutNs;
    private final int maxHeaderBytes;
    private final Long2LongHashMap index;
    private final int[] state;
    private final int[] remoteAddress;
    private final int[] remotePort;
    private final int[] localPort;
    private final long[] ourIsn;
    private final long[] serverIsn;
    private final int[] received;
    private final long[] t1CaptureNs;
    private final long[] t1ClockNs;
    private final long[] t4Ns;
    private final long[] deadlineNs;
    private final long[] pathBits;
    private final int[] ttl;
    private final int[] requestLength;
    private final HttpResponseReader[] readers;
    private final OutOfOrder[] held;
    private final int[] free;
    private int freeTop;
    private int highWater;
    private long nextPollNs;

    private final byte[] userAgent;
    private final SplittableRandom random;
    private final HttpObservation obs = new HttpObservation();
    private final HttpRecordEncoder encoder = new HttpRecordEncoder();
    private final HttpDate date = new HttpDate();
    private final byte[] address4 = new byte[4];
    private final StringBuilder path = new StringBuilder(32);
    private final StringBuilder detail = new StringBuilder(64);
    private final byte[] hostText = new byte[15];

    StatelessReceiver(final ProbeContext ctx)
    {
        this.ctx = ctx;
        this.frames = new TcpFrames(ctx);
        this.capacity = ctx.options().maxConnections();
        this.timeoutNs = ctx.options().responseTimeoutNs();
        this.maxHeaderBytes = ctx.options().maxResponseBytes();
        this.index = new Long2LongHashMap(capacity * 2, 0.65f, NONE);
        this.state = new int[capacity];
        this.remoteAddress = new int[capacity];
        this.remotePort = new int[capacity];
        this.localPort = new int[capacity];
        this.ourIsn = new long[capacity];
        this.serverIsn = new long[capacity];
        this.received = new int[capacity];
        this.t1CaptureNs = new long[capacity];
        this.t1ClockNs = new long[capacity];
        this.t4Ns = new long[capacity];
        this.deadlineNs = new long[capacity];
        this.pathBits = new long[capacity];
        this.ttl = new int[capacity];
        this.requestLength = new int[capacity];
        this.readers = new HttpResponseReader[capacity];
        this.held = new OutOfOrder[capacity];
        this.free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            free[i] = capacity - 1 - i;
        }
        this.freeTop = capacity;
        this.userAgent = ctx.options().userAgent().replace(HeadRequest.SCANNER_PLACEHOLDER,
            Ipv4.format(ctx.sourceAddress())).getBytes(StandardCharsets.ISO_8859_1);
        this.random = new SplittableRandom(System.nanoTime() ^ ctx.sourceAddress());
    }

    @Override
    public int classify(
        final DirectBuffer frame, final int ip, final int captured, final boolean outgoing, final Echo echo)
    {
        final int ihl = Ipv4Flyweight.headerLength(frame, ip);
        final int protocol = Ipv4Flyweight.protocol(frame, ip);
        if (protocol == Ipv4Flyweight.PROTOCOL_ICMP)
        {
            return outgoing ? IGNORE : classifyIcmp(frame, ip + ihl, captured, echo);
        }
        final int tcp = ip + ihl;
        if (protocol != Ipv4Flyweight.PROTOCOL_TCP || Ipv4Flyweight.fragmented(frame, ip) ||
            tcp + TcpFlyweight.MIN_HEADER_LENGTH > captured)
        {
            return IGNORE;
        }
        final int flags = TcpFlyweight.flags(frame, tcp);
        if (outgoing)
        {
            return Ipv4Flyweight.source(frame, ip) == ctx.sourceAddress() &&
                ctx.isLocalPort(TcpFlyweight.sourcePort(frame, tcp)) && payloadLength(frame, ip) > 0 ? SEGMENT :
                IGNORE;
        }
        if (Ipv4Flyweight.destination(frame, ip) != ctx.sourceAddress() ||
            !ctx.isLocalPort(TcpFlyweight.destinationPort(frame, tcp)))
        {
            return IGNORE;
        }
        final int source = Ipv4Flyweight.source(frame, ip);
        final int sport = TcpFlyweight.sourcePort(frame, tcp);
        final int dport = TcpFlyweight.destinationPort(frame, tcp);
        final boolean synAck = (flags & (TcpFlyweight.SYN | TcpFlyweight.ACK)) == (TcpFlyweight.SYN | TcpFlyweight.ACK);
        final boolean rstAck = (flags & (TcpFlyweight.RST | TcpFlyweight.ACK)) == (TcpFlyweight.RST | TcpFlyweight.ACK);
        if (synAck || (rstAck && slotOf(source, sport, dport) < 0))
        {
            echo.set32(source, sport, dport, TcpFlyweight.ack(frame, tcp) - 1);
            return REPLY;
        }
        return slotOf(source, sport, dport) >= 0 ? SEGMENT : IGNORE;
    }

    private int classifyIcmp(final DirectBuffer frame, final int icmp, final int captured, final Echo echo)
    {
        final int tcp = IcmpFlyweight.quotedTransport(frame, icmp, captured, Ipv4Flyweight.PROTOCOL_TCP,
            ctx.sourceAddress());
        if (tcp < 0)
        {
            return IGNORE;
        }
        // RFC 792 quotes at least 8 bytes of the segment: ports and sequence number.
        if (tcp + 8 > captured || !ctx.isLocalPort(TcpFlyweight.sourcePort(frame, tcp)))
        {
            return IGNORE;
        }
        echo.set32(IcmpFlyweight.quotedDestination(frame, icmp), TcpFlyweight.destinationPort(frame, tcp),
            TcpFlyweight.sourcePort(frame, tcp), TcpFlyweight.sequence(frame, tcp));
        return ICMP_UNREACHABLE;
    }

    @Override
    public int encode(
        final DirectBuffer frame, final int ip, final int captured, final ReplyContext reply,
        final MutableDirectBuffer out)
    {
        // Every reply of this probe goes through onReply.
        return 0;
    }

    @Override
    public int replyFlags(final DirectBuffer frame, final int ip)
    {
        return 0;
    }

    @Override
    public int kissCode(final DirectBuffer frame, final int ip)
    {
        return 0;
    }

    @Override
    public void onReply(
        final DirectBuffer frame, final int ip, final int captured, final ReplyContext reply,
        final FollowUpSink followUps, final RecordSink records)
    {
        final int tcp = ip + Ipv4Flyweight.headerLength(frame, ip);
        final int flags = TcpFlyweight.flags(frame, tcp);
        final int source = Ipv4Flyweight.source(frame, ip);
        final int sport = TcpFlyweight.sourcePort(frame, tcp);
        final int dport = TcpFlyweight.destinationPort(frame, tcp);
        if ((flags & TcpFlyweight.RST) != 0)
        {
            journal(reply, records, source, sport, dport, 0, 0, reply.t4EpochNs, Ipv4Flyweight.ttl(frame, ip),
                HttpOutcome.REFUSED, "RST to the SYN: port closed", null, 0, HttpTiming.NONE);
            return;
        }
        int slot = slotOf(source, sport, dport);
        final long isn = (TcpFlyweight.ack(frame, tcp) - 1) & MASK_32;
        if (slot >= 0)
        {
            if (received[slot] == 0 && ourIsn[slot] == isn)
            {
                // The server repeated its SYN-ACK: our ACK with the request was lost. Send it again.
                serverIsn[slot] = TcpFlyweight.sequence(frame, tcp);
                sendRequest(slot, TcpFlyweight.window(frame, tcp), followUps);
            }
            return;
        }
        if (freeTop == 0)
        {
            journal(reply, records, source, sport, dport, 0, 0, reply.t4EpochNs, Ipv4Flyweight.ttl(frame, ip),
                HttpOutcome.ERROR, "connection table full (" + capacity + "): not probed", null, 0,
                HttpTiming.NONE);
            return;
        }
        slot = free[--freeTop];
        highWater = Math.max(highWater, slot + 1);
        index.put(key(source, sport, dport), slot);
        remoteAddress[slot] = source;
        remotePort[slot] = sport;
        localPort[slot] = dport;
        ourIsn[slot] = isn;
        serverIsn[slot] = TcpFlyweight.sequence(frame, tcp);
        received[slot] = 0;
        t1CaptureNs[slot] = 0;
        t1ClockNs[slot] = 0;
        t4Ns[slot] = 0;
        ttl[slot] = 0;
        pathBits[slot] = random.nextLong();
        deadlineNs[slot] = System.nanoTime() + timeoutNs;
        if (readers[slot] == null)
        {
            readers[slot] = new HttpResponseReader(maxHeaderBytes);
        }
        readers[slot].reset();
        if (held[slot] != null)
        {
            held[slot].clear();
        }
        sendRequest(slot, TcpFlyweight.window(frame, tcp), followUps);
    }

    @Override
    public void process(
        final DirectBuffer frame, final int ip, final int captured, final long timeNs, final boolean outgoing,
        final ReplyContext reply, final FollowUpSink followUps, final RecordSink records)
    {
        final int tcp = ip + Ipv4Flyweight.headerLength(frame, ip);
        if (outgoing)
        {
            final int slot = slotOf(Ipv4Flyweight.destination(frame, ip), TcpFlyweight.destinationPort(frame, tcp),
                TcpFlyweight.sourcePort(frame, tcp));
            if (slot >= 0 && t1CaptureNs[slot] == 0 &&
                TcpFlyweight.sequence(frame, tcp) == ((ourIsn[slot] + 1) & MASK_32))
            {
                t1CaptureNs[slot] = timeNs;
            }
            return;
        }
        final int slot = slotOf(Ipv4Flyweight.source(frame, ip), TcpFlyweight.sourcePort(frame, tcp),
            TcpFlyweight.destinationPort(frame, tcp));
        if (slot < 0)
        {
            return;
        }
        final int flags = TcpFlyweight.flags(frame, tcp);
        final HttpResponseReader reader = readers[slot];
        if ((flags & TcpFlyweight.RST) != 0)
        {
            finish(slot, reply, followUps, records, HttpOutcome.RESET, "reset by the server before the header " +
                "block was complete", false);
            return;
        }
        if (state[slot] == STATE_WAIT_WINDOW && (flags & TcpFlyweight.ACK) != 0 &&
            TcpFlyweight.window(frame, tcp) >= requestLength[slot])
        {
            sendRequest(slot, TcpFlyweight.window(frame, tcp), followUps);
        }
        final int payload = tcp + TcpFlyweight.headerLength(frame, tcp);
        final int length = Math.min(payloadLength(frame, ip), Math.max(0, captured - payload));
        if (length > 0)
        {
            final long offset = (TcpFlyweight.sequence(frame, tcp) - serverIsn[slot] - 1) & MASK_32;
            if (offset == received[slot])
            {
                if (received[slot] == 0)
                {
                    t4Ns[slot] = timeNs;
                    ttl[slot] = Ipv4Flyweight.ttl(frame, ip);
                }
                accept(slot, frame, payload, length);
                final OutOfOrder ooo = held[slot];
                if (ooo != null)
                {
                    ooo.drainInto(this, slot);
                }
            }
            else if (offset > received[slot] && offset < maxHeaderBytes)
            {
                if (held[slot] == null)
                {
                    held[slot] = new OutOfOrder(maxHeaderBytes);
                }
                held[slot].hold((int)offset, frame, payload, length);
            }
            else if (offset < received[slot] && offset + length > received[slot])
            {
                final int skip = (int)(received[slot] - offset);
                accept(slot, frame, payload + skip, length - skip);
            }
        }
        if (reader.done())
        {
            finish(slot, reply, followUps, records, reader.malformed() ? HttpOutcome.MALFORMED :
                HttpOutcome.RESPONSE, null, true);
            return;
        }
        if ((flags & TcpFlyweight.FIN) != 0)
        {
            finish(slot, reply, followUps, records, HttpOutcome.CLOSED,
                "closed by the server before the header block was complete", true);
            return;
        }
        if (length > 0)
        {
            ack(slot, followUps);
        }
    }

    @Override
    public int poll(final long nowNs, final ReplyContext reply, final FollowUpSink followUps,
        final RecordSink records)
    {
        if (nowNs - nextPollNs < 0)
        {
            return 0;
        }
        nextPollNs = nowNs + POLL_INTERVAL_NS;
        int n = 0;
        for (int slot = 0; slot < highWater; slot++)
        {
            if (state[slot] != STATE_FREE && nowNs - deadlineNs[slot] >= 0)
            {
                if (state[slot] == STATE_WAIT_WINDOW)
                {
                    finish(slot, reply, followUps, records, HttpOutcome.ZERO_WINDOW,
                        "the server's window stayed 0: no request could be sent", true);
                }
                else
                {
                    finish(slot, reply, followUps, records, HttpOutcome.RESPONSE_TIMEOUT,
                        "no complete header block within the response timeout", true);
                }
                n++;
            }
        }
        return n;
    }

    /** Feeds in-order bytes to the connection's reader. */
    void accept(final int slot, final DirectBuffer frame, final int from, final int length)
    {
        received[slot] += length;
        if (!readers[slot].done())
        {
            readers[slot].onBytes(frame, from, length);
        }
    }

    /**
     * @param slot a connection.
     * @return the next stream offset it expects.
     */
    int received(final int slot)
    {
        return received[slot];
    }

    private void sendRequest(final int slot, final int window, final FollowUpSink followUps)
    {
        final MutableDirectBuffer frame = followUps.claim();
        final int length = writeRequest(frame, slot);
        requestLength[slot] = length;
        final long seq = (ourIsn[slot] + 1) & MASK_32;
        final long ack = (serverIsn[slot] + 1) & MASK_32;
        if (window < length)
        {
            // A zero (or too small) window: acknowledge the SYN-ACK and wait for a window update.
            state[slot] = STATE_WAIT_WINDOW;
            followUps.send(frames.write(frame, remoteAddress[slot], remotePort[slot], localPort[slot], seq, ack,
                TcpFlyweight.ACK, 0));
            return;
        }
        state[slot] = STATE_RECEIVING;
        t1CaptureNs[slot] = 0;
        t1ClockNs[slot] = followUps.send(frames.write(frame, remoteAddress[slot], remotePort[slot],
            localPort[slot], seq, ack, TcpFlyweight.ACK | TcpFlyweight.PSH, length));
    }

    private void ack(final int slot, final FollowUpSink followUps)
    {
        final MutableDirectBuffer frame = followUps.claim();
        followUps.send(frames.write(frame, remoteAddress[slot], remotePort[slot], localPort[slot],
            (ourIsn[slot] + 1 + requestLength[slot]) & MASK_32, (serverIsn[slot] + 1 + received[slot]) & MASK_32,
            TcpFlyweight.ACK, 0));
    }

    private void finish(
        final int slot, final ReplyContext reply, final FollowUpSink followUps, final RecordSink records,
        final HttpOutcome outcome, final String why, final boolean reset)
    {
        final HttpResponseReader reader = readers[slot];
        if (!reader.done())
        {
            reader.finishEarly();
        }
        if (reset)
        {
            final MutableDirectBuffer frame = followUps.claim();
            final long seq = (ourIsn[slot] + 1 + (state[slot] == STATE_RECEIVING ? requestLength[slot] : 0)) &
                MASK_32;
            followUps.send(frames.write(frame, remoteAddress[slot], remotePort[slot], localPort[slot], seq,
                (serverIsn[slot] + 1 + received[slot]) & MASK_32, TcpFlyweight.RST | TcpFlyweight.ACK, 0));
        }
        final boolean captureTimed = t1CaptureNs[slot] != 0 && t4Ns[slot] != 0;
        final long t1 = captureTimed ? t1CaptureNs[slot] : t1ClockNs[slot];
        final long t4 = t4Ns[slot] != 0 ? t4Ns[slot] : realNow(reply);
        journal(reply, records, remoteAddress[slot], remotePort[slot], localPort[slot], pathBits[slot], t1, t4,
            ttl[slot], outcome, why, reader, captureTimed ? HttpTiming.CAPTURE_ERROR_NS : 0,
            t1 == 0 ? HttpTiming.NONE : captureTimed ? HttpTiming.CAPTURE : HttpTiming.SOCKET);
        index.remove(key(remoteAddress[slot], remotePort[slot], localPort[slot]));
        state[slot] = STATE_FREE;
        if (held[slot] != null)
        {
            held[slot].clear();
        }
        free[freeTop++] = slot;
    }

    private long realNow(final ReplyContext reply)
    {
        return reply.t4EpochNs != 0 ? Math.max(reply.t4EpochNs, wallClockNs()) : wallClockNs();
    }

    private static long wallClockNs()
    {
        final java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private void journal(
        final ReplyContext reply, final RecordSink records, final int address, final int port, final int ourPort,
        final long pathHex, final long t1, final long t4, final int responseTtl, final HttpOutcome outcome,
        final String why, final HttpResponseReader reader, final long timingErrorNs, final HttpTiming timing)
    {
        obs.clear();
        obs.scanId = reply.scanId;
        address4[0] = (byte)(address >>> 24);
        address4[1] = (byte)(address >>> 16);
        address4[2] = (byte)(address >>> 8);
        address4[3] = (byte)address;
        obs.address = address4;
        obs.targetPort = port;
        obs.sourcePort = ourPort;
        obs.t1EpochNs = t1;
        obs.t4EpochNs = t4;
        obs.timing = timing;
        obs.timingErrorNs = timingErrorNs;
        obs.mode = HttpProbeMode.STATELESS;
        obs.ttl = responseTtl;
        obs.outcome = outcome;
        obs.requestIndex = reply.probeIndex;
        path.setLength(0);
        if (reader != null)
        {
            path.append(HeadRequest.PATH_PREFIX);
            appendHex(path, pathHex);
            obs.path = path;
        }
        detail.setLength(0);
        if (why != null)
        {
            detail.append(why);
        }
        obs.detail = detail;
        if (reader != null)
        {
            reader.parseDate(date, t4 / 1_000_000_000L);
        }
        records.commit(encoder.encode(obs, reader, date, records.buffer()));
    }

    private int writeRequest(final MutableDirectBuffer frame, final int slot)
    {
        int p = TcpFrames.PAYLOAD;
        p = put(frame, p, "HEAD ");
        p = put(frame, p, HeadRequest.PATH_PREFIX);
        final long bits = pathBits[slot];
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            frame.putByte(p++, (byte)HEX[(int)(bits >>> shift) & 0xF]);
        }
        p = put(frame, p, " HTTP/1.1\r\nHost: ");
        final int n = dotted(remoteAddress[slot], hostText);
        frame.putBytes(p, hostText, 0, n);
        p += n;
        p = put(frame, p, "\r\nUser-Agent: ");
        frame.putBytes(p, userAgent);
        p += userAgent.length;
        p = put(frame, p, "\r\nAccept: */*\r\nConnection: close\r\n\r\n");
        return p - TcpFrames.PAYLOAD;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void appendHex(final StringBuilder sb, final long bits)
    {
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            sb.append(HEX[(int)(bits >>> shift) & 0xF]);
        }
    }

    private static int put(final MutableDirectBuffer frame, final int at, final String ascii)
    {
        for (int i = 0; i < ascii.length(); i++)
        {
            frame.putByte(at + i, (byte)ascii.charAt(i));
        }
        return at + ascii.length();
    }

    private static int dotted(final int address, final byte[] out)
    {
        int p = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            final int b = (address >>> shift) & 0xFF;
            if (b >= 100)
            {
                out[p++] = (byte)('0' + b / 100);
            }
            if (b >= 10)
            {
                out[p++] = (byte)('0' + (b / 10) % 10);
            }
            out[p++] = (byte)('0' + b % 10);
            if (shift != 0)
            {
                out[p++] = '.';
            }
        }
        return p;
    }

    private int slotOf(final int address, final int port, final int ourPort)
    {
        return (int)index.get(key(address, port, ourPort));
    }

    private static long key(final int address, final int port, final int ourPort)
    {
        return ((address & MASK_32) << 32) | ((long)(port & 0xFFFF) << 16) | (ourPort & 0xFFFF);
    }

    private static int payloadLength(final DirectBuffer frame, final int ip)
    {
        final int tcp = ip + Ipv4Flyweight.headerLength(frame, ip);
        return Ipv4Flyweight.totalLength(frame, ip) - Ipv4Flyweight.headerLength(frame, ip) -
            TcpFlyweight.headerLength(frame, tcp);
    }

    /**
     * @return connections open now.
     */
    int open()
    {
        return capacity - freeTop;
    }

    /** Response bytes that arrived ahead of a gap, held until the gap is filled. */
    private static final class OutOfOrder
    {
        private final byte[] bytes;
        private final int[] start = new int[MAX_OUT_OF_ORDER];
        private final int[] end = new int[MAX_OUT_OF_ORDER];
        private final org.agrona.concurrent.UnsafeBuffer view;
        private int count;

        OutOfOrder(final int capacity)
        {
            this.bytes = new byte[capacity];
            this.view = new org.agrona.concurrent.UnsafeBuffer(bytes);
        }

        void clear()
        {
            count = 0;
        }

        void hold(final int offset, final DirectBuffer frame, final int from, final int length)
        {
            final int n = Math.min(length, bytes.length - offset);
            if (n <= 0 || count == MAX_OUT_OF_ORDER)
            {
                return;
            }
            frame.getBytes(from, bytes, offset, n);
            start[count] = offset;
            end[count] = offset + n;
            count++;
        }

        void drainInto(final StatelessReceiver receiver, final int slot)
        {
            boolean progress = true;
            while (progress && count > 0)
            {
                progress = false;
                for (int i = 0; i < count; i++)
                {
                    final int at = receiver.received(slot);
                    if (start[i] <= at && end[i] > at)
                    {
                        receiver.accept(slot, view, at, end[i] - at);
                        start[i] = start[count - 1];
                        end[i] = end[count - 1];
                        count--;
                        progress = true;
                        break;
                    }
                    if (end[i] <= at)
                    {
                        start[i] = start[count - 1];
                        end[i] = end[count - 1];
                        count--;
                        progress = true;
                        break;
                    }
                }
            }
        }
    }
}
