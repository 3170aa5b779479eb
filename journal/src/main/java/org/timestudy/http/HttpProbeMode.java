package org.timestudy.http;

/**
 * Which of the engine's HTTP modes made a record.
 */
public enum HttpProbeMode
{
    /** Hostname mode: kernel sockets, one request per connection, the naive Date reading. */
    NAIVE(0),
    /** Precision mode: requests on one keep-alive connection timed to bracket the server's second boundary. */
    PRECISION(1),
    /** Stateless IPv4 mode: a user-space TCP exchange from raw frames (SYN cookie, ACK + HEAD, RST). */
    STATELESS(2);

    private static final HttpProbeMode[] BY_CODE = values();

    private final int code;

    HttpProbeMode(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable code stored in the journal.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code a stored code.
     * @return its mode; unknown codes read as {@link #NAIVE}.
     */
    public static HttpProbeMode of(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : NAIVE;
    }
}
