package org.timestudy.engine.probe.http;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.HttpText;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.targets.address.AddressList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hostname mode end to end on loopback (127.0.0.0/8 is all local on Linux): real servers on 127.0.0.x, each with one
 * behaviour, plain and TLS; the scan's journal must hold one record per address and scheme with the right outcome,
 * Date, offset and headers. Kernel timestamps when run as root (the capture on {@code any} sees loopback), clock
 * reads otherwise.
 */
class HostnameScanTest
{
    private static final long AHEAD_S = 3600;

    @TempDir
    Path dir;

    private final List<ServerSocket> servers = new ArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<String> requestsSeen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception
    {
        for (final ServerSocket s : servers)
        {
            s.close();
        }
        for (final Socket s : held)
        {
            s.close();
        }
    }

    @Test
    void shouldJournalResponsesAndEveryKindOfFailureWithOffsetsWithinTheirBound() throws Exception
    {
        final ServerSocket first = listen("127.0.0.11", 0, this::aheadOneHour, false);
        final int port = first.getLocalPort();
        listen("127.0.0.12", port, path -> "HTTP/1.1 200 OK\r\nServer: no-date\r\nConnection: close\r\n\r\n", false);
        listen("127.0.0.13", port, path -> "HTTP/1.1 302 Found\r\nDate: " + HttpDate.format(now()) +
            "\r\nLocation: http://elsewhere.invalid/x\r\nConnection: close\r\n\r\n", false);
        listen("127.0.0.14", port, null, false);
        listen("127.0.0.15", port, path -> "HTTP/1.1 200 OK\r\nDate: " + HttpDate.format(now()) +
            "\r\nAge: 600\r\nX-Cache: HIT\r\nConnection: close\r\n\r\n", false);
        listen("127.0.0.16", port, path -> "garbage, not HTTP at all\r\n\r\n", false);
        final ServerSocket tls = listen("127.0.0.11", 0, this::aheadOneHour, true);
        // 127.0.0.17 listens on neither port: refused on both.

        final Path journal = dir.resolve("journal");
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final HostnameScan.Result result = HostnameScan.run(new HostnameScanContext()
            .names(List.of("127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14", "127.0.0.15", "127.0.0.16",
                "127.0.0.17"))
            .dns("127.0.0.1:1", 200, 2)
            .blocklist(AddressList.EMPTY, null)
            .schemes(true, port, true, tls.getLocalPort())
            .timeouts(1000, 700)
            .journalDir(journal)
            .output(new PrintStream(log), new PrintStream(log), true)
            .signals(false));
        assertThat(result.stopReason()).as(log.toString()).isEqualTo("done");

        final Map<String, HttpResponseFlyweight> byKey = records(journal);
        assertThat(byKey.keySet()).as(log.toString()).contains("127.0.0.11 http", "127.0.0.11 https",
            "127.0.0.12 http", "127.0.0.13 http", "127.0.0.14 http", "127.0.0.15 http", "127.0.0.16 http",
            "127.0.0.17 http", "127.0.0.17 https", "elsewhere.invalid -");

        for (final String key : List.of("127.0.0.11 http", "127.0.0.11 https"))
        {
            final HttpResponseFlyweight r = byKey.get(key);
            assertThat(HttpOutcome.of(r.outcome())).as(key).isEqualTo(HttpOutcome.RESPONSE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(HttpDateForm.of(r.dateForm())).isEqualTo(HttpDateForm.IMF_FIXDATE);
            final double offset = HttpOffset.middleSeconds(r.offsetLowNs(), r.offsetHighNs());
            final double bound = HttpOffset.halfWidthSeconds(r.offsetLowNs(), r.offsetHighNs());
            assertThat(offset).as("offset of %s", key).isCloseTo(AHEAD_S, within(bound));
            assertThat(bound).isLessThan(0.6);
            assertThat(r.text(HttpText.SERVER)).isEqualTo("loopback-test/1");
            assertThat(r.text(HttpText.HEADERS)).as("kept: more than 1 s off").startsWith("HTTP/1.1 200 OK");
            assertThat(r.text(HttpText.PATH)).startsWith(HeadRequest.PATH_PREFIX);
            assertThat(HttpTiming.of(r.timing())).isEqualTo(isRoot() ? HttpTiming.CAPTURE : HttpTiming.SOCKET);
            assertThat(r.t4EpochNs()).isGreaterThan(r.t1EpochNs());
        }
        final HttpResponseFlyweight https = byKey.get("127.0.0.11 https");
        assertThat(https.tlsVersion()).isEqualTo(0x0304);
        assertThat(https.tlsFlags() & HttpResponseFlyweight.TLS_CERTIFICATE).isNotZero();
        assertThat(https.tlsFlags() & HttpResponseFlyweight.TLS_SELF_SIGNED).isNotZero();
        assertThat(https.tlsFlags() & HttpResponseFlyweight.TLS_TRUSTED).isZero();

        assertThat(HttpDateForm.of(byKey.get("127.0.0.12 http").dateForm())).isEqualTo(HttpDateForm.MISSING);
        assertThat(HttpOutcome.of(byKey.get("127.0.0.12 http").outcome())).isEqualTo(HttpOutcome.RESPONSE);
        final HttpResponseFlyweight redirect = byKey.get("127.0.0.13 http");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.text(HttpText.LOCATION)).isEqualTo("http://elsewhere.invalid/x");
        assertThat(redirect.flags() & RecordFlags.HTTP_REDIRECT_QUEUED).isNotZero();
        final HttpResponseFlyweight queued = byKey.get("elsewhere.invalid -");
        assertThat(HttpOutcome.of(queued.outcome())).isEqualTo(HttpOutcome.DNS_FAILURE);
        assertThat(queued.redirectDepth()).isEqualTo(1);
        assertThat(HttpOutcome.of(byKey.get("127.0.0.14 http").outcome())).isEqualTo(HttpOutcome.RESPONSE_TIMEOUT);
        final HttpResponseFlyweight cached = byKey.get("127.0.0.15 http");
        assertThat(cached.ageSeconds()).isEqualTo(600);
        assertThat(cached.flags() & RecordFlags.HTTP_CACHED).isNotZero();
        assertThat(cached.text(HttpText.CACHE_STATUS)).isEqualTo("X-Cache: HIT");
        assertThat(HttpOutcome.of(byKey.get("127.0.0.16 http").outcome())).isEqualTo(HttpOutcome.MALFORMED);
        assertThat(byKey.get("127.0.0.16 http").text(HttpText.HEADERS)).startsWith("garbage");
        assertThat(HttpOutcome.of(byKey.get("127.0.0.17 http").outcome())).isEqualTo(HttpOutcome.REFUSED);
        assertThat(HttpOutcome.of(byKey.get("127.0.0.17 https").outcome())).isEqualTo(HttpOutcome.REFUSED);

        assertThat(requestsSeen).isNotEmpty().allSatisfy(r -> assertThat(r)
            .startsWith("HEAD " + HeadRequest.PATH_PREFIX)
            .contains("\r\nHost: 127.0.0.1", "\r\nUser-Agent: timestudy/"));
    }

    @Test
    void shouldBracketAFractionalOffsetToMillisecondsInPrecisionMode() throws Exception
    {
        final long offsetNs = 1234_567_000_000L + 437_000_000L;
        final ServerSocket server = listenKeepAlive("127.0.0.21", offsetNs);
        final Path journal = dir.resolve("journal");
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        HostnameScan.run(new HostnameScanContext()
            .names(List.of("127.0.0.21"))
            .dns("127.0.0.1:1", 200, 2)
            .schemes(true, server.getLocalPort(), false, 443)
            .precision(true, 12, 1)
            .timeouts(1000, 3000)
            .journalDir(journal)
            .output(new PrintStream(log), new PrintStream(log), true)
            .signals(false));
        final List<HttpResponseFlyweight> all = new ArrayList<>(records(journal).values());
        final HttpResponseFlyweight last = all.stream()
            .filter(r -> (r.flags() & RecordFlags.HTTP_PRECISION_FINAL) != 0).findFirst().orElseThrow();
        final double estimate = HttpOffset.middleSeconds(last.offsetLowNs(), last.offsetHighNs());
        final double bound = HttpOffset.halfWidthSeconds(last.offsetLowNs(), last.offsetHighNs());
        assertThat(bound).as(log.toString()).isLessThanOrEqualTo(0.010);
        assertThat(estimate).isCloseTo(offsetNs / 1e9, within(bound + 1e-6));
        assertThat(last.requestIndex()).isLessThan(12);
    }

    @Test
    void shouldProbeAnIpv6AddressWithKernelTimestamps() throws Exception
    {
        final ServerSocket server = listen("::1", 0, this::aheadOneHour, false);
        final Path journal = dir.resolve("journal");
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        HostnameScan.run(new HostnameScanContext()
            .names(List.of("::1"))
            .dns("127.0.0.1:1", 200, 2)
            .schemes(true, server.getLocalPort(), false, 443)
            .timeouts(1000, 2000)
            .journalDir(journal)
            .output(new PrintStream(log), new PrintStream(log), true)
            .signals(false));
        final HttpResponseFlyweight r = records(journal).values().iterator().next();
        assertThat(r.family()).as(log.toString()).isEqualTo(6);
        assertThat(HttpOutcome.of(r.outcome())).isEqualTo(HttpOutcome.RESPONSE);
        assertThat(HttpOffset.middleSeconds(r.offsetLowNs(), r.offsetHighNs())).isCloseTo(AHEAD_S,
            within(HttpOffset.halfWidthSeconds(r.offsetLowNs(), r.offsetHighNs())));
        assertThat(HttpTiming.of(r.timing())).isEqualTo(isRoot() ? HttpTiming.CAPTURE : HttpTiming.SOCKET);
        assertThat(requestsSeen).anySatisfy(h -> assertThat(h).contains("\r\nHost: [::1]:"));
    }

    private String aheadOneHour(final String path)
    {
        return "HTTP/1.1 200 OK\r\nDate: " + HttpDate.format(now() + AHEAD_S) + "\r\nServer: loopback-test/1\r\n" +
            "Content-Length: 13\r\nConnection: close\r\n\r\n";
    }

    private static long now()
    {
        return System.currentTimeMillis() / 1000;
    }

    private ServerSocket listen(final String address, final int port, final Function<String, String> respond,
        final boolean tls) throws Exception
    {
        final ServerSocket s = tls ? tlsContext().getServerSocketFactory().createServerSocket() : new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        servers.add(s);
        final Thread t = new Thread(() ->
        {
            while (!s.isClosed())
            {
                try
                {
                    final Socket c = s.accept();
                    held.add(c);
                    if (respond == null)
                    {
                        continue;
                    }
                    final String head = readHead(c.getInputStream());
                    requestsSeen.add(head);
                    final OutputStream out = c.getOutputStream();
                    out.write(respond.apply(head).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    c.close();
                }
                catch (final Exception ex)
                {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    /** A keep-alive server whose clock is ahead by a fraction of a second. */
    private ServerSocket listenKeepAlive(final String address, final long offsetNs) throws Exception
    {
        final ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        servers.add(s);
        final Thread t = new Thread(() ->
        {
            while (!s.isClosed())
            {
                try
                {
                    final Socket c = s.accept();
                    held.add(c);
                    final Thread conn = new Thread(() ->
                    {
                        try
                        {
                            while (true)
                            {
                                readHead(c.getInputStream());
                                final java.time.Instant n = java.time.Instant.now();
                                final long serverS = Math.floorDiv(n.getEpochSecond() * 1_000_000_000L + n.getNano() +
                                    offsetNs, 1_000_000_000L);
                                c.getOutputStream().write(("HTTP/1.1 200 OK\r\nDate: " + HttpDate.format(serverS) +
                                    "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                                c.getOutputStream().flush();
                            }
                        }
                        catch (final Exception ex)
                        {
                            // connection over
                        }
                    });
                    conn.setDaemon(true);
                    conn.start();
                }
                catch (final Exception ex)
                {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    private static String readHead(final InputStream in) throws Exception
    {
        final StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new java.io.EOFException();
            }
            sb.append((char)b);
        }
        return sb.toString();
    }

    private SSLContext tlsContext() throws Exception
    {
        final Path store = dir.resolve("server.p12");
        if (!Files.exists(store))
        {
            final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "lab", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-dname", "CN=loopback.test", "-validity",
                "2").redirectErrorStream(true).start();
            assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        final KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store))
        {
            ks.load(in, "changeit".toCharArray());
        }
        final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        final SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    private static Map<String, HttpResponseFlyweight> records(final Path journal)
    {
        final Map<String, HttpResponseFlyweight> out = new HashMap<>();
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            reader.read((type, b, length, index) ->
            {
                if (type != RecordType.HTTP_RESPONSE)
                {
                    return;
                }
                final byte[] copy = new byte[length];
                b.getBytes(0, copy);
                final HttpResponseFlyweight r = new HttpResponseFlyweight()
                    .wrap(new org.agrona.concurrent.UnsafeBuffer(copy), 0);
                assertThat(r.valid(length)).isTrue();
                final String scheme = r.family() == 0 ? "-" : r.scheme() == 1 ? "https" : "http";
                final String who = r.family() == 0 ? r.text(HttpText.NAME) : r.text(HttpText.NAME);
                out.put(who + " " + scheme + (out.containsKey(who + " " + scheme) ? " " + index : ""), r);
            }, 10_000);
        }
        return out;
    }

    private static boolean isRoot()
    {
        try
        {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    @BeforeEach
    void quietSsl()
    {
        System.setProperty("jdk.tls.server.protocols", "TLSv1.3,TLSv1.2");
    }
}
