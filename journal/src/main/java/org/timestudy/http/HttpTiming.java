package org.timestudy.http;

/**
 * Where an HTTP record's T1 (request's first byte sent) and T4 (response's first byte received) come from. Each
 * record states the method and an error bound for it.
 */
public enum HttpTiming
{
    /**
     * Kernel timestamps of the frames that carried the request's first byte and the response's first byte, from
     * the packet capture: the same clock and path as the NTP probe's T1/T4. Error bound: the capture timestamp is
     * taken where the kernel hands the frame to (or takes it from) the device, a few µs from the wire on veth and
     * loopback; the record states {@link #CAPTURE_ERROR_NS}.
     */
    CAPTURE(0),
    /**
     * Clock reads around the socket calls: T1 just before the write that sent the request's first byte, T4 when the
     * event loop found the response's first bytes readable. The record's error bound is the write's duration plus
     * the time from the start of the event-loop cycle that found the bytes to the clock read.
     */
    SOCKET(1),
    /** No request was sent (refused, timed out, blocked): T1 is the connect attempt, T4 the moment it ended. */
    NONE(2);

    /** The error bound stated for {@link #CAPTURE} timestamps, ns. */
    public static final int CAPTURE_ERROR_NS = 50_000;

    private static final HttpTiming[] BY_CODE = values();

    private final int code;

    HttpTiming(final int code)
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
     * @return its method; unknown codes read as {@link #NONE}.
     */
    public static HttpTiming of(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : NONE;
    }
}
