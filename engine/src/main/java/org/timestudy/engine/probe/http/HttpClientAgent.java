package org.timestudy.engine.probe.http;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.timestudy.engine.send.RateLimiter;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.RecordFlags;
import org.timestudy.nativeio.RealtimeClock;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hostname mode's event loop: one thread, non-blocking kernel sockets on one selector, plain and TLS (SNI = the
 * name, certificate checks off, their facts recorded). It takes targets from the DNS stage, keeps at most
 * {@code maxConnections} open and {@code maxPerAddress} per address (the rest wait in a per-address queue), sends a
 * HEAD of a random path, reads the header block, and journals one record per target: the response, or the failure
 * and its kind. T1/T4 are the kernel capture timestamps of the segments that carried the request's first byte and
 * the response's first byte when the capture saw them ({@link CaptureClock}), else clock reads around the socket
 * calls with their error bound. Redirects to other names are handed back to the DNS stage once per name.
 *
 * <p>In precision mode a target's connection is kept alive and its requests are timed by a {@link BoundarySearch};
 * every request is journaled with the bracket so far, the last one flagged as the run's estimate.
 */
final class HttpClientAgent implements Agent
{
    private static final long MS = 1_000_000L;
    private static final int READ_CHUNK = 4096;
    private static final long PRECISION_MIN_GAP_NS = 20 * MS;
    private static final long TIMER_INTERVAL_NS = 250_000L;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final HostnameScanContext ctx;
    private final NameResolver resolver;
    private final CaptureClock capture;
    private final ChronicleQueue queue;
    private JournalAppender journal;
    private final Selector selector;
    private TlsFacts tls;
    private final HeadRequest requests;
    private final HttpRecordEncoder encoder = new HttpRecordEncoder();
    private final HttpObservation obs = new HttpObservation();
    private final HttpDate date = new HttpDate();
    private final RealtimeClock realtime = new RealtimeClock();
    private final RateLimiter limiter;
    private final ArrayDeque<HttpTarget> ready = new ArrayDeque<>();
    private final Map<String, AddressSlot> addresses = new HashMap<>();
    private final List<Connection> open = new ArrayList<>();
    private final Set<String> seenNames = new HashSet<>();
    private final ByteBuffer readChunk = ByteBuffer.allocate(READ_CHUNK);
    private final UnsafeBuffer readView = new UnsafeBuffer(readChunk);
    private final ArrayDeque<ByteBuffer> tlsBuffers = new ArrayDeque<>();
    private final ArrayDeque<HttpResponseReader> readers = new ArrayDeque<>();
    private final Counters counters;
    private final long scanId;
    private long cycleStartNs;
    private long nextTimersNs;
    private long previousCycleStartNs;
    private volatile boolean stopStarting;
    private volatile boolean finished;

    /** The counters this agent keeps. */
    record Counters(
        AtomicCounter connections, AtomicCounter responses, AtomicCounter failures, AtomicCounter redirects,
        AtomicCounter captureTimed, AtomicCounter journaled, AtomicCounter active)
    {
    }

    /** Connections and waiting targets of one address. */
    private static final class AddressSlot
    {
        int active;
        final ArrayDeque<HttpTarget> waiting = new ArrayDeque<>();
    }

    HttpClientAgent(
        final HostnameScanContext ctx, final NameResolver resolver, final CaptureClock capture,
        final ChronicleQueue queue, final String scannerAddress, final long scanId, final Counters counters)
        throws IOException
    {
        this.ctx = ctx;
        this.resolver = resolver;
        this.capture = capture;
        this.queue = queue;
        this.selector = Selector.open();
        this.requests = new HeadRequest(ctx.userAgent, scannerAddress, ctx.seed);
        this.limiter = new RateLimiter(ctx.connectionsPerSecond, 64, System.nanoTime());
        this.counters = counters;
        this.scanId = scanId;
        for (final String n : ctx.names)
        {
            seenNames.add(canonical(n));
        }
    }

    @Override
    public String roleName()
    {
        return "http-client";
    }

    @Override
    public void onStart()
    {
        // Created here: Chronicle's appenders belong to the thread that first uses them.
        journal = new JournalAppender(queue);
    }

    @Override
    public int doWork() throws IOException
    {
        previousCycleStartNs = cycleStartNs == 0 ? realtime.nowNs() : cycleStartNs;
        cycleStartNs = realtime.nowNs();
        final long nowNs = System.nanoTime();
        int work = drainTargets();
        work += startConnections(nowNs);
        if (selector.selectNow() > 0)
        {
            final Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext())
            {
                final SelectionKey key = it.next();
                it.remove();
                ((Connection)key.attachment()).onReady(key);
                work++;
            }
        }
        if (capture != null)
        {
            work += capture.poll();
        }
        work += timers(System.nanoTime());
        counters.active().setRelease(open.size());
        if (open.isEmpty() && ready.isEmpty() && resolver.inFlight() == 0 && resolver.targets().isEmpty() &&
            addresses.isEmpty())
        {
            finished = true;
        }
        return work;
    }

    /**
     * @return true once every name was resolved and every target journaled.
     */
    boolean finished()
    {
        return finished;
    }

    /** Any thread: start no more connections; those open run to their end. */
    void stopStarting()
    {
        stopStarting = true;
    }

    @Override
    public void onClose()
    {
        for (final Connection c : new ArrayList<>(open))
        {
            c.closeChannel();
        }
        if (journal != null)
        {
            journal.close();
        }
        try
        {
            selector.close();
        }
        catch (final IOException ex)
        {
            // closing anyway
        }
    }

    private int drainTargets()
    {
        int n = 0;
        HttpTarget t;
        while ((t = resolver.targets().poll()) != null)
        {
            n++;
            if (t.address() == null)
            {
                journalFailure(t, HttpOutcome.DNS_FAILURE, t.detail(), 0);
                continue;
            }
            if (t.blocked())
            {
                journalFailure(t, HttpOutcome.BLOCKED, "address on a blocklist: nothing sent", 0);
                continue;
            }
            if (stopStarting)
            {
                continue;
            }
            final AddressSlot slot = addresses.computeIfAbsent(t.addressKey(), k -> new AddressSlot());
            if (slot.active < ctx.maxPerAddress)
            {
                slot.active++;
                ready.add(t);
            }
            else
            {
                slot.waiting.add(t);
            }
        }
        return n;
    }

    private int startConnections(final long nowNs)
    {
        if (stopStarting)
        {
            while (!ready.isEmpty())
            {
                release(ready.poll());
            }
            return 0;
        }
        final int room = Math.min(ctx.maxConnections - open.size(), ready.size());
        if (room <= 0)
        {
            return 0;
        }
        final int allowed = Math.min(room, limiter.available(nowNs));
        for (int i = 0; i < allowed; i++)
        {
            final Connection c = new Connection(ready.poll());
            open.add(c);
            c.connect();
        }
        limiter.sent(allowed);
        return allowed;
    }

    private void release(final HttpTarget t)
    {
        final AddressSlot slot = addresses.get(t.addressKey());
        if (slot == null)
        {
            return;
        }
        final HttpTarget next = stopStarting ? null : slot.waiting.poll();
        if (next != null)
        {
            ready.add(next);
        }
        else
        {
            slot.active--;
            if (slot.active <= 0)
            {
                addresses.remove(t.addressKey());
            }
        }
    }

    private int timers(final long nowNs)
    {
        // Deadlines need no finer grain than this: one pass over the open connections per interval, not per cycle.
        if (nowNs - nextTimersNs < 0)
        {
            return 0;
        }
        nextTimersNs = nowNs + TIMER_INTERVAL_NS;
        int n = 0;
        for (int i = open.size() - 1; i >= 0; i--)
        {
            n += open.get(i).onTimer(nowNs);
        }
        return n;
    }

    private void journalFailure(final HttpTarget t, final HttpOutcome outcome, final String detail, final long t1)
    {
        obs.clear();
        fill(t);
        obs.outcome = outcome;
        obs.detail = detail;
        obs.t1EpochNs = t1;
        obs.t4EpochNs = realtime.nowNs();
        obs.timing = HttpTiming.NONE;
        journal.append(encoder.encode(obs, null, date, journal.buffer()));
        counters.failures().incrementRelease();
        counters.journaled().incrementRelease();
    }

    private void fill(final HttpTarget t)
    {
        obs.scanId = scanId;
        obs.address = t.addressBytes();
        obs.targetPort = t.port();
        obs.https = t.https();
        obs.name = t.name();
        obs.cnames = t.cnames();
        obs.redirectDepth = t.redirectDepth();
        obs.mode = ctx.precision ? HttpProbeMode.PRECISION : HttpProbeMode.NAIVE;
    }

    private HttpResponseReader reader()
    {
        final HttpResponseReader r = readers.poll();
        return r != null ? r : new HttpResponseReader(ctx.maxHeaderBytes);
    }

    private TlsFacts tls()
    {
        if (tls == null)
        {
            tls = new TlsFacts();
        }
        return tls;
    }

    private ByteBuffer tlsBuffer()
    {
        final ByteBuffer b = tlsBuffers.poll();
        return b != null ? b.clear() : ByteBuffer.allocate(17 * 1024);
    }

    static String canonical(final String name)
    {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith("."))
        {
            n = n.substring(0, n.length() - 1);
        }
        if (n.startsWith("[") && n.endsWith("]"))
        {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }

    /**
     * The host a Location header names, when it is absolute or scheme-relative; null for a relative one.
     *
     * @param location the header's value.
     * @return the host, canonical, or null.
     */
    static String locationHost(final String location)
    {
        String rest;
        final String l = location.trim();
        final int scheme = l.indexOf("://");
        if (l.startsWith("//"))
        {
            rest = l.substring(2);
        }
        else if (scheme > 0 && l.substring(0, scheme).chars().allMatch(c -> Character.isLetterOrDigit(c) ||
            c == '+' || c == '-' || c == '.'))
        {
            rest = l.substring(scheme + 3);
        }
        else
        {
            return null;
        }
        int end = rest.length();
        for (final char c : new char[] {'/', '?', '#'})
        {
            final int i = rest.indexOf(c);
            if (i >= 0)
            {
                end = Math.min(end, i);
            }
        }
        String authority = rest.substring(0, end);
        final int at = authority.lastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.substring(at + 1);
        }
        String host;
        if (authority.startsWith("["))
        {
            final int close = authority.indexOf(']');
            host = close > 0 ? authority.substring(1, close) : authority;
        }
        else
        {
            final int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
        }
        host = canonical(host);
        return host.isEmpty() ? null : host;
    }

    /** One target's connection (or connections, in precision mode), as a state machine driven by the selector. */
    private final class Connection
    {
        private static final int CONNECTING = 0;
        private static final int HANDSHAKE = 1;
        private static final int WAIT_SEND = 2;
        private static final int SENDING = 3;
        private static final int RECEIVING = 4;
        private static final int TIMING = 5;
        private static final int CLOSED = 6;

        private final HttpTarget target;
        private final HttpResponseReader reader = reader();
        private final BoundarySearch search = ctx.precision ?
            new BoundarySearch(ctx.precisionRequests, (long)(ctx.precisionGoalMs * MS)) : null;
        private final ReadLog readLog = new ReadLog();
        private SocketChannel channel;
        private SelectionKey key;
        private SSLEngine engine;
        private ByteBuffer netIn;
        private ByteBuffer netOut;
        private ByteBuffer appIn;
        private SegmentTimes times;
        private int state;
        private long deadlineNs;
        private long connectStartEpochNs;
        private int localPort;
        private byte[] request;
        private ByteBuffer requestBuffer;
        private String path = "";
        private long netOutBytes;
        private long netInBytes;
        private long requestOffset;
        private long responseOffset = -1;
        private long responseStartNs;
        private long t1SocketNs;
        private long t1ErrorNs;
        private long sendAtEpochNs;
        private int requestIndex;
        private int tlsFlags;
        private int tlsVersion;
        private boolean keepAlive;
        private boolean serverClosed;

        Connection(final HttpTarget target)
        {
            this.target = target;
        }

        void connect()
        {
            counters.connections().incrementRelease();
            connectStartEpochNs = realtime.nowNs();
            deadlineNs = System.nanoTime() + ctx.connectTimeoutMs * MS;
            state = CONNECTING;
            netOutBytes = 0;
            netInBytes = 0;
            serverClosed = false;
            readLog.clear();
            try
            {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                // Bound first, so the port is known (and registered with the capture) before the SYN leaves.
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(new InetSocketAddress(0));
                localPort = ((InetSocketAddress)channel.getLocalAddress()).getPort();
                if (capture != null)
                {
                    times = capture.register(mapped(target.addressBytes()), target.port(), localPort);
                }
                final boolean now = channel.connect(new InetSocketAddress(target.address(), target.port()));
                key = channel.register(selector, now ? 0 : SelectionKey.OP_CONNECT, this);
                if (now)
                {
                    onConnected();
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                fail(outcomeOf(ex), describe(ex));
            }
        }

        void onReady(final SelectionKey k)
        {
            try
            {
                if (!k.isValid())
                {
                    return;
                }
                if (state == CONNECTING && k.isConnectable())
                {
                    channel.finishConnect();
                    onConnected();
                    return;
                }
                if (state == HANDSHAKE)
                {
                    handshake();
                }
                else if (state == SENDING)
                {
                    writeRequest();
                }
                else if ((state == RECEIVING || state == WAIT_SEND) && k.isReadable())
                {
                    read();
                }
            }
            catch (final SSLException ex)
            {
                fail(state == HANDSHAKE ? HttpOutcome.TLS_FAILURE : HttpOutcome.ERROR, describe(ex));
            }
            catch (final IOException | RuntimeException ex)
            {
                fail(outcomeOf(ex), describe(ex));
            }
        }

        private void onConnected() throws IOException
        {
            deadlineNs = System.nanoTime() + ctx.responseTimeoutMs * MS;
            if (target.https())
            {
                engine = tls().context().createSSLEngine(target.literal() ? null : target.name(), target.port());
                engine.setUseClientMode(true);
                if (!target.literal())
                {
                    try
                    {
                        final SSLParameters p = engine.getSSLParameters();
                        p.setServerNames(List.of(new SNIHostName(target.name())));
                        engine.setSSLParameters(p);
                    }
                    catch (final IllegalArgumentException ex)
                    {
                        // A name SNI cannot carry (e.g. with '_'): the handshake goes without it.
                    }
                }
                netIn = tlsBuffer();
                netOut = tlsBuffer().flip();
                appIn = tlsBuffer();
                engine.beginHandshake();
                state = HANDSHAKE;
                key.interestOps(SelectionKey.OP_READ);
                handshake();
            }
            else
            {
                afterConnection();
            }
        }

        private void afterConnection() throws IOException
        {
            if (search != null && search.readings() > 0)
            {
                state = WAIT_SEND;
                key.interestOps(SelectionKey.OP_READ);
                sendAtEpochNs = search.nextSendEpochNs(realtime.nowNs(), PRECISION_MIN_GAP_NS);
                return;
            }
            startRequest();
        }

        private void handshake() throws IOException
        {
            while (true)
            {
                if (netOut.hasRemaining())
                {
                    netOutBytes += channel.write(netOut);
                    if (netOut.hasRemaining())
                    {
                        key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                }
                final SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                switch (hs)
                {
                    case NEED_WRAP ->
                    {
                        netOut.compact();
                        final SSLEngineResult r = engine.wrap(EMPTY, netOut);
                        netOut.flip();
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED)
                        {
                            throw new SSLException("TLS closed by the server during the handshake");
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN ->
                    {
                        appIn.clear();
                        final SSLEngineResult r = unwrap();
                        if (r == null)
                        {
                            key.interestOps(SelectionKey.OP_READ);
                            return;
                        }
                    }
                    case NEED_TASK ->
                    {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null)
                        {
                            task.run();
                        }
                    }
                    default ->
                    {
                        tlsVersion = TlsFacts.version(engine.getSession().getProtocol());
                        tlsFlags = tls().facts(engine, target.name(), System.currentTimeMillis());
                        afterConnection();
                        return;
                    }
                }
            }
        }

        /** One unwrap; null when it needs more bytes from the network (read now, none available). */
        private SSLEngineResult unwrap() throws IOException
        {
            while (true)
            {
                netIn.flip();
                final long recordStart = netInBytes - netIn.remaining();
                final SSLEngineResult r = engine.unwrap(netIn, appIn);
                netIn.compact();
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW)
                {
                    final int n = channel.read(netIn);
                    if (n < 0)
                    {
                        throw new SSLException("connection closed by the server during TLS");
                    }
                    if (n == 0)
                    {
                        return null;
                    }
                    readLog.onRead(netInBytes, n, realtime.nowNs(), previousCycleStartNs);
                    netInBytes += n;
                    continue;
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED)
                {
                    serverClosed = true;
                }
                if (r.bytesProduced() > 0 && responseOffset < 0 && state == RECEIVING)
                {
                    responseOffset = recordStart;
                }
                return r;
            }
        }

        private void startRequest() throws IOException
        {
            path = requests.randomPath();
            request = requests.bytes(HeadRequest.host(target.name(), target.port(), target.https()), path,
                search != null);
            reader.reset();
            responseOffset = -1;
            requestOffset = netOutBytes;
            if (target.https())
            {
                netOut.compact();
                final SSLEngineResult r = engine.wrap(ByteBuffer.wrap(request), netOut);
                netOut.flip();
                if (r.getStatus() != SSLEngineResult.Status.OK)
                {
                    throw new SSLException("cannot wrap the request: " + r.getStatus());
                }
                requestBuffer = netOut;
            }
            else
            {
                requestBuffer = ByteBuffer.wrap(request);
            }
            state = SENDING;
            t1SocketNs = 0;
            deadlineNs = System.nanoTime() + ctx.responseTimeoutMs * MS;
            writeRequest();
        }

        private void writeRequest() throws IOException
        {
            final long before = realtime.nowNs();
            final int n = channel.write(requestBuffer);
            final long after = realtime.nowNs();
            if (n > 0 && t1SocketNs == 0)
            {
                t1SocketNs = before;
                t1ErrorNs = after - before;
            }
            netOutBytes += n;
            if (requestBuffer.hasRemaining())
            {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            state = RECEIVING;
            key.interestOps(SelectionKey.OP_READ);
        }

        private void read() throws IOException
        {
            if (target.https())
            {
                while (state == RECEIVING || state == WAIT_SEND)
                {
                    appIn.clear();
                    final SSLEngineResult r = unwrap();
                    if (r == null)
                    {
                        return;
                    }
                    appIn.flip();
                    if (appIn.hasRemaining() && state == RECEIVING)
                    {
                        feed(appIn.array(), appIn.position(), appIn.remaining());
                    }
                    if (serverClosed)
                    {
                        onEof();
                        return;
                    }
                }
                return;
            }
            while (state == RECEIVING || state == WAIT_SEND)
            {
                readChunk.clear();
                final int n = channel.read(readChunk);
                if (n < 0)
                {
                    serverClosed = true;
                    onEof();
                    return;
                }
                if (n == 0)
                {
                    return;
                }
                readLog.onRead(netInBytes, n, realtime.nowNs(), previousCycleStartNs);
                if (state == RECEIVING)
                {
                    if (responseOffset < 0)
                    {
                        responseOffset = netInBytes;
                    }
                    feed(readChunk.array(), 0, n);
                }
                netInBytes += n;
            }
        }

        private void feed(final byte[] bytes, final int offset, final int length)
        {
            if (responseStartNs == 0)
            {
                responseStartNs = System.nanoTime();
            }
            reader.onBytes(bytes, offset, length);
            if (reader.done())
            {
                onResponse();
            }
        }

        private void onEof()
        {
            if (state == RECEIVING)
            {
                reader.finishEarly();
                if (reader.empty() || !reader.done())
                {
                    fail(HttpOutcome.CLOSED, "connection closed before the header block was complete");
                    return;
                }
                onResponse();
            }
            else if (state == WAIT_SEND)
            {
                closeChannel();
                state = CLOSED;
            }
        }

        private void onResponse()
        {
            keepAlive = reader.keepAlive() && !serverClosed;
            state = TIMING;
            deadlineNs = System.nanoTime() + ctx.captureWaitMs * MS;
            if (key != null && key.isValid())
            {
                key.interestOps(0);
            }
            tryFinishTiming(false);
        }

        /** Journals the exchange once both timestamps are known, or when the wait is over (socket timing). */
        private boolean tryFinishTiming(final boolean giveUp)
        {
            long t1 = 0;
            long t4 = 0;
            if (times != null)
            {
                t1 = times.sentAt(requestOffset);
                t4 = times.receivedAt(Math.max(0, responseOffset));
            }
            if ((t1 == 0 || t4 == 0) && !giveUp)
            {
                return false;
            }
            obs.clear();
            fill(target);
            obs.sourcePort = localPort;
            obs.path = path;
            obs.tlsVersion = tlsVersion;
            obs.tlsFlags = tlsFlags;
            obs.requestIndex = requestIndex;
            obs.outcome = reader.malformed() ? HttpOutcome.MALFORMED : HttpOutcome.RESPONSE;
            if (t1 != 0 && t4 != 0)
            {
                obs.t1EpochNs = t1;
                obs.t4EpochNs = t4;
                obs.timing = HttpTiming.CAPTURE;
                obs.timingErrorNs = HttpTiming.CAPTURE_ERROR_NS;
                counters.captureTimed().incrementRelease();
            }
            else
            {
                obs.t1EpochNs = t1SocketNs;
                obs.t4EpochNs = readLog.timeOf(Math.max(0, responseOffset));
                obs.timing = HttpTiming.SOCKET;
                obs.timingErrorNs = Math.max(t1ErrorNs, readLog.errorOf(Math.max(0, responseOffset)));
            }
            final boolean dateValid = reader.parseDate(date, obs.t4EpochNs / 1_000_000_000L);
            boolean last = true;
            if (search != null && dateValid && obs.outcome == HttpOutcome.RESPONSE)
            {
                search.onReading(date.epochSecond(), obs.t1EpochNs, obs.t4EpochNs);
                obs.boundLowNs = search.lowNs();
                obs.boundHighNs = search.highNs();
                last = search.finished();
                if (search.inconsistent())
                {
                    obs.extraFlags |= RecordFlags.HTTP_INCONSISTENT;
                    obs.boundLowNs = HttpOffset.NONE_LOW;
                    obs.boundHighNs = HttpOffset.NONE_HIGH;
                }
                if (last)
                {
                    obs.extraFlags |= RecordFlags.HTTP_PRECISION_FINAL;
                }
            }
            if (last)
            {
                redirect();
            }
            journal.append(encoder.encode(obs, reader, date, journal.buffer()));
            counters.responses().incrementRelease();
            counters.journaled().incrementRelease();
            requestIndex++;
            if (last)
            {
                finish();
            }
            else
            {
                nextPrecisionRequest();
            }
            return true;
        }

        private void nextPrecisionRequest()
        {
            sendAtEpochNs = search.nextSendEpochNs(realtime.nowNs(), PRECISION_MIN_GAP_NS);
            if (!keepAlive)
            {
                closeChannel();
                connect();
                return;
            }
            state = WAIT_SEND;
            deadlineNs = System.nanoTime() + ctx.responseTimeoutMs * MS + 2_000 * MS;
            if (key != null && key.isValid())
            {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        private void redirect()
        {
            final int status = reader.status();
            if (status < 300 || status > 399 || !reader.has(HttpResponseReader.LOCATION) ||
                target.redirectDepth() >= ctx.maxRedirectDepth)
            {
                return;
            }
            final byte[] raw = new byte[reader.valueLength(HttpResponseReader.LOCATION)];
            reader.block().getBytes(reader.valueStart(HttpResponseReader.LOCATION), raw);
            final String host = locationHost(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (host != null && !host.equals(canonical(target.name())) && seenNames.add(host))
            {
                resolver.submit(host, target.redirectDepth() + 1);
                obs.extraFlags |= RecordFlags.HTTP_REDIRECT_QUEUED;
                counters.redirects().incrementRelease();
            }
        }

        int onTimer(final long nowNs)
        {
            switch (state)
            {
                case TIMING ->
                {
                    // The capture was read once this cycle (doWork): only look.
                    return tryFinishTiming(nowNs - deadlineNs >= 0) ? 1 : 0;
                }
                case WAIT_SEND ->
                {
                    if (realtime.nowNs() - sendAtEpochNs >= 0)
                    {
                        try
                        {
                            startRequest();
                        }
                        catch (final IOException | RuntimeException ex)
                        {
                            fail(outcomeOf(ex), describe(ex));
                        }
                        return 1;
                    }
                    return 0;
                }
                case CLOSED ->
                {
                    if (search != null && !search.finished() && realtime.nowNs() - sendAtEpochNs >= -500 * MS)
                    {
                        connect();
                        return 1;
                    }
                    return 0;
                }
                default ->
                {
                    if (nowNs - deadlineNs >= 0)
                    {
                        if (state == CONNECTING)
                        {
                            fail(HttpOutcome.CONNECT_TIMEOUT, "no connection within " + ctx.connectTimeoutMs + " ms");
                        }
                        else if (state == HANDSHAKE)
                        {
                            fail(HttpOutcome.TLS_FAILURE, "TLS handshake not complete within " +
                                ctx.responseTimeoutMs + " ms");
                        }
                        else
                        {
                            reader.finishEarly();
                            fail(HttpOutcome.RESPONSE_TIMEOUT, "no complete header block within " +
                                ctx.responseTimeoutMs + " ms");
                        }
                        return 1;
                    }
                    return 0;
                }
            }
        }

        private void fail(final HttpOutcome outcome, final String detail)
        {
            if (state == CLOSED && !open.contains(this))
            {
                return;
            }
            obs.clear();
            fill(target);
            obs.sourcePort = localPort;
            obs.outcome = outcome;
            obs.detail = detail;
            obs.path = path;
            obs.tlsVersion = tlsVersion;
            obs.tlsFlags = tlsFlags;
            obs.requestIndex = requestIndex;
            final boolean sent = t1SocketNs != 0 && state >= SENDING;
            obs.t1EpochNs = sent ? t1SocketNs : connectStartEpochNs;
            obs.t4EpochNs = realtime.nowNs();
            obs.timing = sent ? HttpTiming.SOCKET : HttpTiming.NONE;
            obs.timingErrorNs = sent ? t1ErrorNs : 0;
            if (search != null && search.readings() > 0)
            {
                obs.extraFlags |= RecordFlags.HTTP_PRECISION_FINAL;
                obs.boundLowNs = search.inconsistent() ? HttpOffset.NONE_LOW : search.lowNs();
                obs.boundHighNs = search.inconsistent() ? HttpOffset.NONE_HIGH : search.highNs();
            }
            final boolean partial = state == RECEIVING && !reader.empty();
            if (partial)
            {
                reader.parseDate(date, obs.t4EpochNs / 1_000_000_000L);
            }
            journal.append(encoder.encode(obs, partial ? reader : null, date, journal.buffer()));
            counters.failures().incrementRelease();
            counters.journaled().incrementRelease();
            finish();
        }

        private void finish()
        {
            closeChannel();
            state = CLOSED;
            open.remove(this);
            release(target);
            reader.reset();
            readers.add(reader);
        }

        void closeChannel()
        {
            if (times != null && capture != null)
            {
                capture.unregister(times);
                times = null;
            }
            if (key != null)
            {
                key.cancel();
                key = null;
            }
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ex)
                {
                    // already gone
                }
                channel = null;
            }
            for (final ByteBuffer b : new ByteBuffer[] {netIn, netOut, appIn})
            {
                if (b != null)
                {
                    tlsBuffers.add(b);
                }
            }
            netIn = null;
            netOut = null;
            appIn = null;
            engine = null;
            responseStartNs = 0;
        }
    }

    /** When each read of a connection returned, by stream offset: T4 and its error bound for socket timing. */
    private static final class ReadLog
    {
        private static final int RING = 16;
        private final long[] start = new long[RING];
        private final int[] length = new int[RING];
        private final long[] timeNs = new long[RING];
        private final long[] errorNs = new long[RING];
        private int count;

        void clear()
        {
            count = 0;
        }

        void onRead(final long offset, final int n, final long nowEpochNs, final long previousCycleStartEpochNs)
        {
            final int slot = count++ % RING;
            start[slot] = offset;
            length[slot] = n;
            timeNs[slot] = nowEpochNs;
            errorNs[slot] = Math.max(0, nowEpochNs - previousCycleStartEpochNs);
        }

        long timeOf(final long offset)
        {
            final int slot = find(offset);
            return slot < 0 ? 0 : timeNs[slot];
        }

        long errorOf(final long offset)
        {
            final int slot = find(offset);
            return slot < 0 ? 0 : errorNs[slot];
        }

        private int find(final long offset)
        {
            for (int i = Math.max(0, count - RING); i < count; i++)
            {
                final int slot = i % RING;
                if (offset >= start[slot] && offset < start[slot] + length[slot])
                {
                    return slot;
                }
            }
            return -1;
        }
    }

    private static HttpOutcome outcomeOf(final Throwable ex)
    {
        if (ex instanceof ConnectException)
        {
            return HttpOutcome.REFUSED;
        }
        if (ex instanceof NoRouteToHostException)
        {
            return HttpOutcome.UNREACHABLE;
        }
        if (ex instanceof SSLException)
        {
            return HttpOutcome.TLS_FAILURE;
        }
        final String m = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("reset"))
        {
            return HttpOutcome.RESET;
        }
        if (m.contains("unreachable") || m.contains("no route"))
        {
            return HttpOutcome.UNREACHABLE;
        }
        if (ex instanceof ClosedChannelException || (ex instanceof SocketException && m.contains("broken pipe")))
        {
            return HttpOutcome.CLOSED;
        }
        return HttpOutcome.ERROR;
    }

    private static String describe(final Throwable ex)
    {
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    private static byte[] mapped(final byte[] address)
    {
        if (address.length == 16)
        {
            return address;
        }
        final byte[] m = new byte[16];
        m[10] = (byte)0xFF;
        m[11] = (byte)0xFF;
        System.arraycopy(address, 0, m, 12, 4);
        return m;
    }
}
