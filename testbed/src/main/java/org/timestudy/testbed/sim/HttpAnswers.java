package org.timestudy.testbed.sim;

import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpDateForm;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;
import org.timestudy.targets.address.Ipv4;

import java.nio.charset.StandardCharsets;

/**
 * What a simulated HTTP server says, as its {@link Population} model has it: the status line and headers a real
 * server would send (Server, Content-Type, Content-Length, Connection), the Date from the address's clock at the
 * moment of the request in its {@link DateForm}, none for {@link Response#NO_DATE} and some redirects, a stale Date
 * with Age and cache headers for {@link Response#CACHED}, Location for {@link Response#REDIRECT}, and the hostile
 * variants for {@link Response#MALFORMED}. A pure function of (address, true time, request number): tests read it
 * to know what the engine should have seen.
 */
public final class HttpAnswers
{
    /** Trait: which Server header. */
    static final int TRAIT_SERVER = 0;
    /** Trait: the Content-Length. */
    static final int TRAIT_LENGTH = 1;
    /** Trait: which hostility a MALFORMED server has. */
    static final int TRAIT_HOSTILITY = 2;
    /** Trait: where a redirect points (another address, a name, or a relative path). */
    static final int TRAIT_REDIRECT_KIND = 3;
    /** Trait: which address or name a redirect points to. */
    static final int TRAIT_REDIRECT_TARGET = 4;
    /** Trait: whether a redirect carries a Date. */
    static final int TRAIT_REDIRECT_DATE = 5;
    /** Trait: what an INVALID Date looks like. */
    static final int TRAIT_INVALID_STYLE = 6;
    /** Trait: the redirect's status. */
    static final int TRAIT_REDIRECT_STATUS = 7;

    /** Server headers seen in the wild. */
    static final String[] SERVERS = {"nginx/1.24.0", "Apache/2.4.58 (Ubuntu)", "Microsoft-IIS/10.0", "cloudflare",
        "LiteSpeed", "openresty/1.21.4.3", "Caddy", "nginx", "Apache", "envoy", "gws", "AkamaiGHost"};
    private static final int[] REDIRECT_STATUS = {301, 302, 307, 308};
    private static final String[] REASONS = {"Moved Permanently", "Found", "Temporary Redirect", "Permanent Redirect"};
    /** Hostility: the headers trickle out a byte at a time (slow-loris). */
    public static final int SLOW_LORIS = 0;
    /** Hostility: 100 KiB of headers after the Date. */
    public static final int OVERSIZED_DATE_FIRST = 1;
    /** Hostility: 100 KiB of headers before the Date. */
    public static final int OVERSIZED_DATE_LAST = 2;
    /** Hostility: bytes that are not HTTP. */
    public static final int GARBAGE = 3;
    /** Bytes of filler headers of an oversized response. */
    static final int OVERSIZED_BYTES = 100 * 1024;

    private static final long SECOND_NS = 1_000_000_000L;

    private final Population population;
    private final int spaceFirst;
    private final long spaceSize;
    private final int names;
    private final StringBuilder sb = new StringBuilder(1024);

    /**
     * @param population the clocks.
     * @param spaceFirst first address of the simulated space.
     * @param spaceSize  addresses in it.
     * @param names      how many sim names dnsmasq serves ({@link SimNames}), redirect targets.
     */
    public HttpAnswers(final Population population, final int spaceFirst, final long spaceSize, final int names)
    {
        this.population = population;
        this.spaceFirst = spaceFirst;
        this.spaceSize = spaceSize;
        this.names = names;
    }

    /**
     * @param address a simulated address.
     * @return its hostility when it is MALFORMED ({@link #SLOW_LORIS}...), else -1.
     */
    public int hostility(final int address)
    {
        return population.httpResponse(address) == Response.MALFORMED ?
            population.httpTrait(address, TRAIT_HOSTILITY, 4) : -1;
    }

    /**
     * @param address a simulated address.
     * @return the Server header it sends.
     */
    public String server(final int address)
    {
        return SERVERS[population.httpTrait(address, TRAIT_SERVER, SERVERS.length)];
    }

    /**
     * @param address a simulated address.
     * @return true when its redirects carry a Date (most do; SCIENCE.md: some redirects carry none).
     */
    public boolean redirectHasDate(final int address)
    {
        return population.httpTrait(address, TRAIT_REDIRECT_DATE, 10) >= 3;
    }

    /**
     * @param address a simulated address.
     * @return where its redirects point: an absolute URL to another address or a sim name, or a relative path.
     */
    public String location(final int address)
    {
        final int kind = population.httpTrait(address, TRAIT_REDIRECT_KIND, 5);
        if (kind < 2)
        {
            final int target = spaceFirst + population.httpTrait(address, TRAIT_REDIRECT_TARGET,
                (int)Math.min(Integer.MAX_VALUE, spaceSize));
            return "http://" + Ipv4.format(target) + "/moved";
        }
        if (kind < 4 && names > 0)
        {
            return "https://" + SimNames.name(population.httpTrait(address, TRAIT_REDIRECT_TARGET, names)) + "/";
        }
        return "/elsewhere/index.html";
    }

    /**
     * Whether a client that waits {@code timeoutNs} for the header block gets a valid Date from this address: the
     * denominator of "share of responders whose Date was captured".
     *
     * @param address   a simulated address.
     * @param timeoutNs how long the client waits for the header block, ns.
     * @return true when it answers in time with a Date of a valid form.
     */
    public boolean sendsValidDate(final int address, final long timeoutNs)
    {
        final Response r = population.httpResponse(address);
        final boolean validForm = population.dateForm(address) != DateForm.INVALID;
        return switch (r)
        {
            case SILENT, UNREACHABLE, NO_DATE, MALFORMED -> false;
            case REDIRECT -> redirectHasDate(address) && validForm;
            case SLOW -> population.slowDelayNs(address) < timeoutNs - 200_000_000L && validForm;
            default -> validForm;
        };
    }

    /**
     * The Date value a server sends for a request at a true time (whatever its response kind), or null for none.
     *
     * @param address    a simulated address.
     * @param trueNs     true time the request is answered, ns since 1970.
     * @param requestSeq the request's number.
     * @return the value, or null.
     */
    public String date(final int address, final long trueNs, final long requestSeq)
    {
        final Response r = population.httpResponse(address);
        if (r == Response.NO_DATE || (r == Response.REDIRECT && !redirectHasDate(address)))
        {
            return null;
        }
        final long at = r == Response.CACHED ? trueNs - population.cacheAgeNs(address, trueNs) : trueNs;
        final long remoteS = Math.floorDiv(population.remoteTimeNs(address, at, requestSeq), SECOND_NS);
        final DateForm form = population.dateForm(address);
        return switch (form)
        {
            case IMF_FIXDATE -> format(remoteS, HttpDateForm.IMF_FIXDATE);
            case RFC_850 -> format(remoteS, HttpDateForm.RFC_850);
            case ASCTIME -> format(remoteS, HttpDateForm.ASCTIME);
            case INVALID -> invalid(address, remoteS);
        };
    }

    /**
     * Builds a whole response head (and body for GET).
     *
     * @param address    a simulated address.
     * @param trueNs     true time of the answer, ns since 1970.
     * @param requestSeq the request's number.
     * @param head       true for HEAD (no body).
     * @param keepAlive  true when the connection stays open.
     * @return the bytes to send.
     */
    public byte[] response(
        final int address, final long trueNs, final long requestSeq, final boolean head, final boolean keepAlive)
    {
        final Response r = population.httpResponse(address);
        final int hostility = hostility(address);
        if (hostility == GARBAGE)
        {
            return "SSH-2.0-OpenSSH_9.6 timestudy-lab\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        }
        final int length = 200 + population.httpTrait(address, TRAIT_LENGTH, 50_000);
        final String date = date(address, trueNs, requestSeq);
        sb.setLength(0);
        if (r == Response.REDIRECT)
        {
            final int s = population.httpTrait(address, TRAIT_REDIRECT_STATUS, REDIRECT_STATUS.length);
            sb.append("HTTP/1.1 ").append(REDIRECT_STATUS[s]).append(' ').append(REASONS[s]).append("\r\n");
        }
        else
        {
            sb.append("HTTP/1.1 200 OK\r\n");
        }
        if (hostility == OVERSIZED_DATE_LAST)
        {
            filler();
        }
        if (date != null)
        {
            sb.append("Date: ").append(date).append("\r\n");
        }
        if (hostility == OVERSIZED_DATE_FIRST)
        {
            filler();
        }
        sb.append("Server: ").append(server(address)).append("\r\n");
        sb.append("Content-Type: text/html; charset=utf-8\r\n");
        final int bodyLength = r == Response.REDIRECT ? 0 : length;
        sb.append("Content-Length: ").append(bodyLength).append("\r\n");
        if (r == Response.CACHED)
        {
            sb.append("Age: ").append(population.cacheAgeNs(address, trueNs) / SECOND_NS).append("\r\n");
            sb.append("Cache-Control: public, max-age=3600\r\n");
            sb.append("X-Cache: HIT\r\n");
            sb.append("Via: 1.1 sim-cache (timestudy-lab)\r\n");
        }
        else
        {
            sb.append("Cache-Control: no-cache\r\n");
        }
        if (r == Response.REDIRECT)
        {
            sb.append("Location: ").append(location(address)).append("\r\n");
        }
        sb.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        final byte[] headBytes = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (head || bodyLength == 0)
        {
            return headBytes;
        }
        final byte[] all = new byte[headBytes.length + bodyLength];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        java.util.Arrays.fill(all, headBytes.length, all.length, (byte)'.');
        return all;
    }

    private void filler()
    {
        for (int i = 0; sb.length() < OVERSIZED_BYTES; i++)
        {
            sb.append("X-Filler-").append(i).append(": ").append("y".repeat(200)).append("\r\n");
        }
    }

    private static String format(final long epochSecond, final HttpDateForm form)
    {
        try
        {
            return HttpDate.format(epochSecond, form, new StringBuilder(32)).toString();
        }
        catch (final IllegalArgumentException ex)
        {
            // A clock beyond year 9999 has no HTTP-date: it says what it can.
            return Long.toString(epochSecond);
        }
    }

    private String invalid(final int address, final long remoteS)
    {
        final String imf = format(remoteS, HttpDateForm.IMF_FIXDATE);
        return switch (population.httpTrait(address, TRAIT_INVALID_STYLE, 4))
        {
            case 0 -> java.time.Instant.ofEpochSecond(remoteS).toString();
            case 1 -> imf.replace("GMT", "UTC");
            case 2 -> Long.toString(remoteS);
            default -> imf.substring(5);
        };
    }
}
