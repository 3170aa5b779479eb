package org.timestudy.testbed.sim;

import org.timestudy.nativeio.RealtimeClock;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated Internet's HTTP side: non-blocking servers on TCP 80 and 443 (a self-signed certificate) for every
 * address of the simulated space. The lab's AnyIP route makes each of those addresses local, so one wildcard listener
 * (SO_REUSEPORT, beside the real servers' own listeners on their addresses) accepts them all; the accepted socket's
 * local address says which address was asked, and {@link HttpAnswers} says what that server answers. Several threads
 * each run one selector over their own listeners (the kernel spreads connections over them).
 *
 * <p>Behaviours ({@link Response}): normal, no Date, cached (stale Date, Age), redirect, silent (never answers),
 * unreachable (reset at once), slow (answers late), and the hostile ones (slow-loris drip, 100 KiB of headers,
 * garbage). HTTP/1.1 keep-alive is honoured (up to 100 requests, 15 s idle). A connection to an address outside
 * the simulated space is reset.
 */
public final class HttpResponder implements AutoCloseable
{
    private static final long MS = 1_000_000L;
    private static final long IDLE_NS = 15_000 * MS;
    private static final long SILENT_HOLD_NS = 60_000 * MS;
    private static final long DRIP_INTERVAL_NS = 200 * MS;
    private static final int MAX_REQUEST_BYTES = 16 * 1024;
    private static final int MAX_REQUESTS_PER_CONNECTION = 100;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Population population;
    private final AddressRange space;
    private final SSLContext tls;
    private final SimCounters counters;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicLong requestSeq = new AtomicLong();
    private volatile boolean stop;

    /**
     * Starts the servers.
     *
     * @param population the clocks.
     * @param space      the simulated space.
     * @param httpPort   plain HTTP port (80).
     * @param httpsPort  HTTPS port (443), or 0 for none.
     * @param certPem    PEM certificate for HTTPS, or null.
     * @param keyPem     PEM PKCS#8 private key for HTTPS, or null.
     * @param threads    selector threads.
     * @param counters   where to count.
     * @throws IOException when a port cannot be bound.
     */
    public HttpResponder(
        final Population population, final AddressRange space, final int httpPort, final int httpsPort,
        final Path certPem, final Path keyPem, final int threads, final SimCounters counters) throws IOException
    {
        this.population = population;
        this.space = space;
        this.tls = httpsPort > 0 && certPem != null ? context(certPem, keyPem) : null;
        this.counters = counters;
        for (int i = 0; i < threads; i++)
        {
            final Worker w = new Worker(i, httpPort, tls == null ? 0 : httpsPort);
            workers.add(w);
        }
        workers.forEach(w -> w.thread.start());
    }

    @Override
    public void close()
    {
        stop = true;
        for (final Worker w : workers)
        {
            w.selector.wakeup();
            try
            {
                w.thread.join(2000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Loads a PEM certificate and PKCS#8 RSA or EC key (as {@code openssl req -x509 -newkey ... -nodes} writes them).
     *
     * @param certPem certificate.
     * @param keyPem  key.
     * @return a server TLS context.
     * @throws IOException when they cannot be read.
     */
    public static SSLContext context(final Path certPem, final Path keyPem) throws IOException
    {
        try
        {
            final Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(Files.readAllBytes(certPem)));
            final byte[] der = Base64.getMimeDecoder().decode(Files.readString(keyPem)
                .replaceAll("-----[A-Z ]+-----", "").trim());
            PrivateKey key;
            try
            {
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            catch (final java.security.spec.InvalidKeySpecException ex)
            {
                key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            final KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("lab", key, new char[0], new Certificate[] {cert});
            final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            final SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IOException("cannot load the lab certificate " + certPem + " and key " + keyPem + ": " +
                ex.getMessage(), ex);
        }
    }

    /** One selector thread with its own listeners. */
    private final class Worker implements Runnable
    {
        private final Selector selector;
        private final Thread thread;
        private final List<Conn> conns = new ArrayList<>();
        private final RealtimeClock clock = new RealtimeClock();
        private final HttpAnswers answers = new HttpAnswers(population, space.first(), space.size(), SimNames.COUNT);
        private final ByteBuffer readBuffer = ByteBuffer.allocate(8192);

        Worker(final int index, final int httpPort, final int httpsPort) throws IOException
        {
            this.selector = Selector.open();
            listen(httpPort, false);
            if (httpsPort > 0)
            {
                listen(httpsPort, true);
            }
            this.thread = new Thread(this, "sim-http-" + index);
            this.thread.setDaemon(true);
        }

        private void listen(final int port, final boolean secure) throws IOException
        {
            final ServerSocketChannel s = ServerSocketChannel.open();
            s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            s.bind(new InetSocketAddress(port), 65_535);
            s.configureBlocking(false);
            s.register(selector, SelectionKey.OP_ACCEPT, secure);
        }

        @Override
        public void run()
        {
            long nextTimersNs = 0;
            while (!stop)
            {
                try
                {
                    selector.select(5);
                    final Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext())
                    {
                        final SelectionKey k = it.next();
                        it.remove();
                        if (!k.isValid())
                        {
                            continue;
                        }
                        if (k.isAcceptable())
                        {
                            accept((ServerSocketChannel)k.channel(), (Boolean)k.attachment());
                        }
                        else
                        {
                            ((Conn)k.attachment()).onReady();
                        }
                    }
                    final long now = System.nanoTime();
                    if (now - nextTimersNs >= 0)
                    {
                        nextTimersNs = now + 5 * MS;
                        for (int i = conns.size() - 1; i >= 0; i--)
                        {
                            if (i < conns.size())
                            {
                                conns.get(i).onTimer(now);
                            }
                        }
                    }
                }
                catch (final IOException | RuntimeException ex)
                {
                    counters.add(SimCounters.Kind.HTTP_ERRORS, 1);
                }
            }
            for (final Conn c : new ArrayList<>(conns))
            {
                c.close(false);
            }
        }

        private void accept(final ServerSocketChannel server, final boolean secure) throws IOException
        {
            for (int i = 0; i < 256; i++)
            {
                final SocketChannel ch = server.accept();
                if (ch == null)
                {
                    return;
                }
                counters.add(SimCounters.Kind.HTTP_CONNECTIONS, 1);
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                final InetSocketAddress local = (InetSocketAddress)ch.getLocalAddress();
                if (!(local.getAddress() instanceof Inet4Address) ||
                    !space.contains(org.timestudy.targets.address.Ipv4.fromBytes(local.getAddress().getAddress())))
                {
                    counters.add(SimCounters.Kind.HTTP_OUTSIDE_SPACE, 1);
                    reset(ch);
                    continue;
                }
                final int address = org.timestudy.targets.address.Ipv4.fromBytes(local.getAddress().getAddress());
                if (population.httpResponse(address) == Response.UNREACHABLE)
                {
                    counters.add(SimCounters.Kind.HTTP_RESETS, 1);
                    reset(ch);
                    continue;
                }
                final Conn c = new Conn(this, ch, address, secure ? tls.createSSLEngine() : null);
                conns.add(c);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                if (c.engine != null)
                {
                    c.engine.setUseClientMode(false);
                    c.engine.beginHandshake();
                }
            }
        }
    }

    private static void reset(final SocketChannel ch)
    {
        try
        {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            ch.close();
        }
        catch (final IOException ex)
        {
            // gone anyway
        }
    }

    /** One accepted connection. */
    private final class Conn
    {
        private final Worker worker;
        private final SocketChannel ch;
        private final int address;
        private final SSLEngine engine;
        private final StringBuilder request = new StringBuilder(512);
        private SelectionKey key;
        private ByteBuffer netIn;
        private ByteBuffer netOut;
        private ByteBuffer appIn;
        private ByteBuffer out;
        private long deadlineNs;
        private long sendAtNs;
        private byte[] pending;
        private int dripAt = -1;
        private boolean closeAfterWrite;
        private int requests;
        private boolean handshakeDone;

        Conn(final Worker worker, final SocketChannel ch, final int address, final SSLEngine engine)
        {
            this.worker = worker;
            this.ch = ch;
            this.address = address;
            this.engine = engine;
            this.deadlineNs = System.nanoTime() + IDLE_NS;
            if (engine != null)
            {
                netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
                appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            }
        }

        void onReady()
        {
            try
            {
                if (key.isValid() && key.isWritable())
                {
                    flush();
                    if (engine != null && !netOut.hasRemaining() &&
                        engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING)
                    {
                        tlsProgress();
                    }
                }
                if (key.isValid() && key.isReadable())
                {
                    read();
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                if (engine != null && !handshakeDone)
                {
                    counters.add(SimCounters.Kind.HTTP_TLS_FAILURES, 1);
                }
                close(false);
            }
        }

        private void read() throws IOException
        {
            if (engine == null)
            {
                worker.readBuffer.clear();
                final int n = ch.read(worker.readBuffer);
                if (n < 0)
                {
                    close(false);
                    return;
                }
                worker.readBuffer.flip();
                onBytes(worker.readBuffer);
                return;
            }
            final int n = ch.read(netIn);
            if (n < 0)
            {
                close(false);
                return;
            }
            tlsProgress();
        }

        private void tlsProgress() throws IOException
        {
            while (true)
            {
                final SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK)
                {
                    Runnable t;
                    while ((t = engine.getDelegatedTask()) != null)
                    {
                        t.run();
                    }
                    continue;
                }
                if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP)
                {
                    if (netOut.hasRemaining())
                    {
                        flushNet();
                        if (netOut.hasRemaining())
                        {
                            return;
                        }
                    }
                    netOut.clear();
                    final SSLEngineResult r = engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    if (r.getStatus() != SSLEngineResult.Status.OK)
                    {
                        throw new SSLException("TLS wrap: " + r.getStatus());
                    }
                    flushNet();
                    continue;
                }
                netIn.flip();
                appIn.clear();
                final SSLEngineResult r = engine.unwrap(netIn, appIn);
                netIn.compact();
                if (r.getStatus() == SSLEngineResult.Status.CLOSED)
                {
                    close(false);
                    return;
                }
                appIn.flip();
                if (appIn.hasRemaining())
                {
                    if (!handshakeDone)
                    {
                        handshakeDone = true;
                        counters.add(SimCounters.Kind.HTTP_TLS_HANDSHAKES, 1);
                    }
                    onBytes(appIn);
                }
                final SSLEngineResult.HandshakeStatus next = engine.getHandshakeStatus();
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || (r.bytesConsumed() == 0 &&
                    r.bytesProduced() == 0 && next != SSLEngineResult.HandshakeStatus.NEED_WRAP &&
                    next != SSLEngineResult.HandshakeStatus.NEED_TASK))
                {
                    return;
                }
            }
        }

        private void onBytes(final ByteBuffer b)
        {
            while (b.hasRemaining())
            {
                request.append((char)(b.get() & 0xFF));
            }
            final int end = request.indexOf("\r\n\r\n");
            if (end < 0)
            {
                if (request.length() > MAX_REQUEST_BYTES)
                {
                    counters.add(SimCounters.Kind.HTTP_BAD_REQUESTS, 1);
                    send("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1), true);
                }
                return;
            }
            if (pending != null || out != null && out.hasRemaining())
            {
                return;
            }
            final String head = request.substring(0, end + 4);
            request.delete(0, end + 4);
            onRequest(head);
        }

        private void onRequest(final String head)
        {
            requests++;
            deadlineNs = System.nanoTime() + IDLE_NS;
            final int firstSpace = head.indexOf(' ');
            final int lineEnd = head.indexOf("\r\n");
            if (firstSpace <= 0 || lineEnd < firstSpace || !head.substring(0, lineEnd).contains(" HTTP/1."))
            {
                counters.add(SimCounters.Kind.HTTP_BAD_REQUESTS, 1);
                send("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1), true);
                return;
            }
            final String method = head.substring(0, firstSpace);
            final String lower = head.toLowerCase(java.util.Locale.ROOT);
            final boolean http10 = head.substring(0, lineEnd).endsWith("HTTP/1.0");
            final boolean keepAlive = !lower.contains("\r\nconnection: close") &&
                (!http10 || lower.contains("\r\nconnection: keep-alive")) && requests < MAX_REQUESTS_PER_CONNECTION;
            final Response r = population.httpResponse(address);
            if (r == Response.SILENT)
            {
                counters.add(SimCounters.Kind.HTTP_SILENT, 1);
                deadlineNs = System.nanoTime() + SILENT_HOLD_NS;
                return;
            }
            final long seq = requestSeq.incrementAndGet();
            final byte[] response = worker.answers.response(address, worker.clock.nowNs(), seq,
                method.equals("HEAD"), keepAlive);
            if (r == Response.REDIRECT)
            {
                counters.add(SimCounters.Kind.HTTP_REDIRECTS, 1);
            }
            final int hostility = worker.answers.hostility(address);
            if (hostility == HttpAnswers.SLOW_LORIS)
            {
                counters.add(SimCounters.Kind.HTTP_HOSTILE, 1);
                counters.add(SimCounters.Kind.HTTP_RESPONSES, 1);
                pending = response;
                dripAt = 0;
                sendAtNs = System.nanoTime();
                deadlineNs = System.nanoTime() + SILENT_HOLD_NS;
                return;
            }
            if (hostility >= 0)
            {
                counters.add(SimCounters.Kind.HTTP_HOSTILE, 1);
            }
            if (r == Response.SLOW)
            {
                counters.add(SimCounters.Kind.HTTP_SLOW, 1);
                // The Date was taken on arrival; the answer leaves later, as from a busy server.
                pending = response;
                sendAtNs = System.nanoTime() + population.slowDelayNs(address);
                closeAfterWrite = !keepAlive || hostility == HttpAnswers.GARBAGE;
                return;
            }
            send(response, !keepAlive || hostility == HttpAnswers.GARBAGE);
        }

        private void send(final byte[] bytes, final boolean close)
        {
            counters.add(SimCounters.Kind.HTTP_RESPONSES, 1);
            write(bytes, close);
        }

        private void write(final byte[] bytes, final boolean close)
        {
            closeAfterWrite = close;
            try
            {
                if (engine == null)
                {
                    out = ByteBuffer.wrap(bytes);
                }
                else
                {
                    // SSLEngine wants a whole packet's room per wrap, whatever the data's size.
                    final int packet = engine.getSession().getPacketBufferSize();
                    final ByteBuffer app = ByteBuffer.wrap(bytes);
                    final ByteBuffer net = ByteBuffer.allocate(packet * (2 + bytes.length / 16_384));
                    while (app.hasRemaining())
                    {
                        final SSLEngineResult r = engine.wrap(app, net);
                        if (r.getStatus() != SSLEngineResult.Status.OK)
                        {
                            throw new SSLException("cannot wrap the response: " + r.getStatus());
                        }
                    }
                    net.flip();
                    out = net;
                }
                flush();
            }
            catch (final IOException ex)
            {
                counters.add(SimCounters.Kind.HTTP_ERRORS, 1);
                close(false);
            }
        }

        private void flush() throws IOException
        {
            if (engine != null && netOut.hasRemaining())
            {
                flushNet();
            }
            if (out != null)
            {
                ch.write(out);
                if (out.hasRemaining())
                {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                out = null;
                if (closeAfterWrite)
                {
                    close(true);
                    return;
                }
            }
            if (key.isValid())
            {
                key.interestOps(SelectionKey.OP_READ);
            }
            if (request.indexOf("\r\n\r\n") >= 0)
            {
                onBytes(EMPTY);
            }
        }

        private void flushNet() throws IOException
        {
            ch.write(netOut);
            if (netOut.hasRemaining() && key.isValid())
            {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        void onTimer(final long nowNs)
        {
            if (pending != null && nowNs - sendAtNs >= 0)
            {
                if (dripAt >= 0)
                {
                    // Slow-loris: one byte, then wait.
                    if (dripAt < pending.length)
                    {
                        final byte[] one = {pending[dripAt++]};
                        sendAtNs = nowNs + DRIP_INTERVAL_NS;
                        final boolean wasLast = dripAt == pending.length;
                        final byte[] keep = pending;
                        pending = null;
                        write(one, false);
                        pending = wasLast ? null : keep;
                    }
                    return;
                }
                final byte[] p = pending;
                pending = null;
                send(p, closeAfterWrite);
                return;
            }
            if (nowNs - deadlineNs >= 0)
            {
                close(true);
            }
        }

        void close(final boolean graceful)
        {
            worker.conns.remove(this);
            if (key != null)
            {
                key.cancel();
            }
            try
            {
                if (engine != null && graceful && handshakeDone)
                {
                    engine.closeOutbound();
                    netOut.compact();
                    engine.wrap(EMPTY, netOut);
                    netOut.flip();
                    ch.write(netOut);
                }
                ch.close();
            }
            catch (final IOException ex)
            {
                // closing anyway
            }
        }
    }
}
