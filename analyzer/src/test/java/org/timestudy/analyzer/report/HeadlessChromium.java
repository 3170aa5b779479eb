package org.timestudy.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket on loopback, JDK client, Jackson
 * for the JSON): opens a page, collects every console error, uncaught exception, browser log error and network
 * request, evaluates JavaScript in it and takes screenshots. No browser download, no npm: {@code apt-get install
 * chromium} (the launcher's setup) is all it needs. Flags: no sandbox (root in CI), no GPU, and nothing that talks to
 * the network on its own (background networking, component updates, sync, QUIC), with a fresh profile directory.
 */
public final class HeadlessChromium implements AutoCloseable
{
    /** The flags every run uses. */
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic");

    private static final long START_TIMEOUT_MS = 60_000;
    private static final long CALL_TIMEOUT_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private String session;

    private HeadlessChromium(final Process process, final Path profile, final WebSocket socket)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /**
     * @return Debian's chromium binary, or null when it is not installed.
     */
    public static Path executable()
    {
        for (final String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        {
            if (Files.isExecutable(Path.of(candidate)))
            {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /**
     * @return Chromium, or null after a skip: without Chromium, a test is skipped for a developer who is not root
     *         (with a message saying how to install it) and fails for root, as in CI, where the launcher's setup
     *         installs it.
     * @throws IllegalStateException for root without Chromium.
     */
    public static Path requireForTest()
    {
        final Path chromium = executable();
        if (chromium == null)
        {
            org.junit.jupiter.api.Assumptions.assumeTrue(isRoot(), "SKIPPED: chromium is not installed, so the " +
                "report page is not tested in a browser (install it: sudo ./timestudy setup, or apt-get install " +
                "chromium)");
            throw new IllegalStateException("chromium is not installed, and this is root (as CI is): ./timestudy " +
                "setup installs it");
        }
        return chromium;
    }

    private static boolean isRoot()
    {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /**
     * Starts Chromium with a fresh profile and attaches to one blank tab.
     *
     * @param binary     the chromium binary.
     * @param widthPx    viewport width, CSS pixels.
     * @param heightPx   viewport height, CSS pixels.
     * @return the browser.
     * @throws IOException when it cannot start.
     */
    public static HeadlessChromium launch(final Path binary, final int widthPx, final int heightPx) throws IOException
    {
        final Path profile = Files.createTempDirectory("timestudy-chromium");
        final List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("--user-data-dir=" + profile, "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1", "--window-size=" + widthPx + "," + heightPx, "about:blank"));
        final Path log = profile.resolve("chromium.log");
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
            .redirectInput(new File("/dev/null")).start();
        try
        {
            final Path portFile = profile.resolve("DevToolsActivePort");
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
            while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2)
            {
                if (!p.isAlive() || System.nanoTime() - deadline > 0)
                {
                    throw new IOException("chromium did not open its DevTools port (exit " +
                        (p.isAlive() ? "none" : p.exitValue()) + "):\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            final List<String> lines = Files.readAllLines(portFile);
            final URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
            final HeadlessChromium[] self = new HeadlessChromium[1];
            final WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, new WebSocket.Listener()
                {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data,
                        final boolean last)
                    {
                        text.append(data);
                        if (last)
                        {
                            final String message = text.toString();
                            text.setLength(0);
                            while (self[0] == null)
                            {
                                Thread.onSpinWait();
                            }
                            self[0].onMessage(message);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
            final HeadlessChromium browser = new HeadlessChromium(p, profile, ws);
            self[0] = browser;
            browser.attach(widthPx, heightPx);
            return browser;
        }
        catch (final InterruptedException | ExecutionException | TimeoutException | RuntimeException ex)
        {
            p.destroyForcibly();
            throw new IOException("cannot drive chromium: " + ex, ex);
        }
    }

    private void attach(final int widthPx, final int heightPx)
    {
        final String target = call(null, "Target.createTarget", object().put("url", "about:blank"))
            .get("targetId").asText();
        session = call(null, "Target.attachToTarget", object().put("targetId", target).put("flatten", true))
            .get("sessionId").asText();
        for (final String domain : new String[] {"Runtime", "Log", "Network", "Page"})
        {
            call(session, domain + ".enable", object());
        }
        call(session, "Emulation.setDeviceMetricsOverride", object().put("width", widthPx).put("height", heightPx)
            .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /**
     * Loads a page and waits for its load event.
     *
     * @param url the page.
     */
    public void open(final String url)
    {
        loaded = new CompletableFuture<>();
        final JsonNode r = call(session, "Page.navigate", object().put("url", url));
        if (r.has("errorText"))
        {
            throw new IllegalStateException("navigation to " + url + " failed: " + r.get("errorText").asText());
        }
        await(loaded, "the load event of " + url);
    }

    /**
     * @param expression JavaScript, evaluated in the page (promises awaited).
     * @return its value, as JSON.
     */
    public JsonNode evaluate(final String expression)
    {
        final JsonNode r = call(session, "Runtime.evaluate", object().put("expression", expression)
            .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails"))
        {
            throw new IllegalStateException("evaluating " + expression + " threw: " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /**
     * Waits until an expression is true in the page.
     *
     * @param expression JavaScript giving a boolean.
     * @param timeoutMs  how long.
     */
    public void waitFor(final String expression, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final JsonNode v = evaluate(expression);
            if (v != null && v.asBoolean())
            {
                return;
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("still not true after " + timeoutMs + " ms: " + expression +
                    "; errors: " + errors());
            }
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /**
     * Takes a PNG of a region of the page.
     *
     * @param yPx      top, CSS pixels from the page's top.
     * @param heightPx height, CSS pixels (cut at the page's end).
     * @return the PNG.
     */
    public byte[] screenshot(final double yPx, final double heightPx)
    {
        final JsonNode size = call(session, "Page.getLayoutMetrics", object()).get("cssContentSize");
        final double h = Math.max(1, Math.min(heightPx, size.get("height").asDouble() - yPx));
        final ObjectNode clip = object().put("x", 0).put("y", yPx).put("width", size.get("width").asDouble())
            .put("height", h).put("scale", 1);
        final ObjectNode params = object().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return Base64.getDecoder().decode(call(session, "Page.captureScreenshot", params).get("data").asText());
    }

    /**
     * @return console errors, uncaught exceptions and browser log errors seen so far.
     */
    public List<String> errors()
    {
        synchronized (errors)
        {
            return List.copyOf(errors);
        }
    }

    /**
     * @return every console message seen so far (any level).
     */
    public List<String> console()
    {
        synchronized (console)
        {
            return List.copyOf(console);
        }
    }

    /**
     * @return the URL of every network request the page made.
     */
    public List<String> requests()
    {
        synchronized (requests)
        {
            return List.copyOf(requests);
        }
    }

    private JsonNode call(final String sessionId, final String method, final ObjectNode params)
    {
        final int id = ids.incrementAndGet();
        final ObjectNode message = object().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null)
        {
            message.put("sessionId", sessionId);
        }
        final CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        final JsonNode r = await(reply, method);
        if (r.has("error"))
        {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    private void onMessage(final String text)
    {
        final JsonNode m;
        try
        {
            m = JSON.readTree(text);
        }
        catch (final IOException ex)
        {
            errors.add("unreadable DevTools message: " + ex.getMessage());
            return;
        }
        if (m.has("id"))
        {
            final CompletableFuture<JsonNode> reply = pending.remove(m.get("id").asInt());
            if (reply != null)
            {
                reply.complete(m);
            }
            return;
        }
        final String method = m.path("method").asText();
        final JsonNode p = m.path("params");
        switch (method)
        {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" ->
            {
                final StringBuilder sb = new StringBuilder(p.path("type").asText()).append(':');
                p.path("args").forEach(a -> sb.append(' ').append(a.has("value") ? a.get("value").asText() :
                    a.path("description").asText()));
                console.add(sb.toString());
                if ("error".equals(p.path("type").asText()) || "assert".equals(p.path("type").asText()))
                {
                    errors.add("console " + sb);
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("uncaught " + p.path("exceptionDetails").path("text")
                .asText() + " " + p.path("exceptionDetails").path("exception").path("description").asText());
            case "Log.entryAdded" ->
            {
                final JsonNode e = p.path("entry");
                console.add(e.path("level").asText() + ": " + e.path("text").asText());
                if ("error".equals(e.path("level").asText()))
                {
                    errors.add("log " + e.path("source").asText() + ": " + e.path("text").asText() + " " +
                        e.path("url").asText());
                }
            }
            case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
            default ->
            {
            }
        }
    }

    private static <T> T await(final CompletableFuture<T> future, final String what)
    {
        try
        {
            return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("chromium: no answer to " + what + " in " + CALL_TIMEOUT_MS + " ms", ex);
        }
    }

    private static ObjectNode object()
    {
        return JSON.createObjectNode();
    }

    /** Ends the browser and deletes its profile. */
    @Override
    public void close()
    {
        try
        {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            // the process is ended below either way
        }
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(final Path root)
    {
        try (var paths = Files.walk(root))
        {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
