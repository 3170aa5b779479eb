package org.timestudy.engine.probe.http;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The request every HTTP mode sends: {@code HEAD} of a random path (so caches miss), HTTP/1.1, with a Host header and
 * a User-Agent that says what this is and where to find out more.
 *
 * <pre>
 *   HEAD /timestudy-3f9c0a71d2e4b856 HTTP/1.1
 *   Host: www.example.org
 *   User-Agent: timestudy/0.1 (research on server clock accuracy; see http://SCANNER/ to learn more or opt out)
 *   Accept: * /*
 *   Connection: close
 * </pre>
 */
public final class HeadRequest
{
    /** Placeholder in a User-Agent for the scanner's own address (its web page explains the research). */
    public static final String SCANNER_PLACEHOLDER = "SCANNER";
    /** Default User-Agent. */
    public static final String DEFAULT_USER_AGENT = "timestudy/0.1 (research on server clock accuracy: one HEAD " +
        "request reads the Date header; see http://" + SCANNER_PLACEHOLDER + "/ to learn more or opt out)";
    /** Prefix of every random path. */
    public static final String PATH_PREFIX = "/timestudy-";

    private final String userAgent;
    private final SplittableRandom random;

    /**
     * @param userAgent the User-Agent; {@link #SCANNER_PLACEHOLDER} is replaced by the scanner's address.
     * @param scanner   the scanner's address as text.
     * @param seed      seed of the random paths.
     */
    public HeadRequest(final String userAgent, final String scanner, final long seed)
    {
        this.userAgent = userAgent.replace(SCANNER_PLACEHOLDER, scanner);
        this.random = new SplittableRandom(seed);
    }

    /**
     * @return a fresh random path.
     */
    public String randomPath()
    {
        return PATH_PREFIX + String.format("%016x", random.nextLong());
    }

    /**
     * @param host      the Host header's value (a name, an IPv4 literal, or a bracketed IPv6 literal), with
     *                  {@code :port} when not the scheme's default.
     * @param path      the path.
     * @param keepAlive true to ask the server to keep the connection open.
     * @return the request, as bytes.
     */
    public byte[] bytes(final String host, final String path, final boolean keepAlive)
    {
        return ("HEAD " + path + " HTTP/1.1\r\n" +
            "Host: " + host + "\r\n" +
            "User-Agent: " + userAgent + "\r\n" +
            "Accept: */*\r\n" +
            "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param name      a name or an address literal.
     * @param port      the port.
     * @param https     the scheme.
     * @return the Host header's value for them.
     */
    public static String host(final String name, final int port, final boolean https)
    {
        final String h = name.indexOf(':') >= 0 ? "[" + name + "]" : name;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    /**
     * @return the User-Agent sent.
     */
    public String userAgent()
    {
        return userAgent;
    }
}
