package org.timestudy.http;

/**
 * How one HTTP probe ended, as the journal stores it. Failures are results, journaled like responses.
 */
public enum HttpOutcome
{
    /** A response came back (its status line and headers, complete or capped): see the status and Date form. */
    RESPONSE(0, "response"),
    /** The connection was refused (RST to our SYN). */
    REFUSED(1, "refused"),
    /** No connection within the connect timeout. */
    CONNECT_TIMEOUT(2, "connect timeout"),
    /** Connected, but no complete header block within the response timeout (silent or slow-loris servers). */
    RESPONSE_TIMEOUT(3, "response timeout"),
    /** The TLS handshake failed. */
    TLS_FAILURE(4, "TLS failure"),
    /** The server reset the connection before its header block was complete. */
    RESET(5, "reset"),
    /** The server closed the connection before its header block was complete. */
    CLOSED(6, "closed"),
    /** The bytes that came back are not an HTTP/1.x response. */
    MALFORMED(7, "malformed"),
    /** No route, host or network unreachable. */
    UNREACHABLE(8, "unreachable"),
    /** The name did not resolve (no address at all): the record carries the name and the DNS detail. */
    DNS_FAILURE(9, "DNS failure"),
    /** The address is on a blocklist: nothing was sent to it. */
    BLOCKED(10, "blocked"),
    /** The server's receive window stayed 0, so the request could not be sent (stateless mode). */
    ZERO_WINDOW(11, "zero window"),
    /** Another I/O error: see the detail text. */
    ERROR(12, "error");

    private static final HttpOutcome[] BY_CODE = values();

    private final int code;
    private final String label;

    HttpOutcome(final int code, final String label)
    {
        this.code = code;
        this.label = label;
    }

    /**
     * @return the stable code stored in the journal.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return a label for people.
     */
    public String label()
    {
        return label;
    }

    /**
     * @param code a stored code.
     * @return its outcome; unknown codes read as {@link #ERROR}.
     */
    public static HttpOutcome of(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : ERROR;
    }
}
