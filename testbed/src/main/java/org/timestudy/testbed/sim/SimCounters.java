package org.timestudy.testbed.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the simulated Internet did, by kind, written by its responder threads and read by its status writer.
 */
public final class SimCounters
{
    /** Counter names, in order. */
    public enum Kind
    {
        /** NTP requests received for the simulated space. */
        NTP_REQUESTS,
        /** Normal NTP replies sent (synchronised or not). */
        NTP_REPLIES,
        /** Kiss-o'-Death replies sent. */
        NTP_KOD,
        /** Requests left unanswered by silent servers. */
        NTP_SILENT,
        /** Requests answered with an ICMP port-unreachable. */
        NTP_ICMP,
        /** Requests dropped by a rate-limited server. */
        NTP_RATE_LIMITED,
        /** Replies held back by slow servers. */
        NTP_DELAYED,
        /** Slow replies dropped because the delay line was full. */
        NTP_DELAY_OVERFLOW,
        /** Malformed replies sent. */
        NTP_MALFORMED,
        /** Spoofed replies sent (each besides a real one). */
        NTP_SPOOFED,
        /** Frames that were not NTP requests for the space (ignored). */
        NTP_IGNORED,
        /** Frames the kernel dropped before the responder read them (PACKET_STATISTICS). */
        KERNEL_DROPS,
        /** Frames the kernel refused to send. */
        SEND_FAILURES,
        /** HTTP connections accepted. */
        HTTP_CONNECTIONS,
        /** HTTP responses sent (whole, or begun for slow-loris servers). */
        HTTP_RESPONSES,
        /** HTTP connections reset at once (UNREACHABLE servers). */
        HTTP_RESETS,
        /** HTTP requests left unanswered (SILENT servers). */
        HTTP_SILENT,
        /** HTTP responses held back (SLOW servers). */
        HTTP_SLOW,
        /** Hostile HTTP responses (slow-loris, oversized headers, garbage). */
        HTTP_HOSTILE,
        /** Redirects sent. */
        HTTP_REDIRECTS,
        /** TLS handshakes completed. */
        HTTP_TLS_HANDSHAKES,
        /** TLS handshakes that failed. */
        HTTP_TLS_FAILURES,
        /** Requests that were not HTTP/1.x or too long (answered 400 or 431). */
        HTTP_BAD_REQUESTS,
        /** Connections to an address outside the simulated space (reset). */
        HTTP_OUTSIDE_SPACE,
        /** I/O errors on HTTP connections (a client reset, a write that failed). */
        HTTP_ERRORS
    }

    private final AtomicLongArray values = new AtomicLongArray(Kind.values().length);

    /**
     * @param kind  which counter.
     * @param delta how much to add.
     */
    public void add(final Kind kind, final long delta)
    {
        values.getAndAdd(kind.ordinal(), delta);
    }

    /**
     * @param kind which counter.
     * @return its value.
     */
    public long get(final Kind kind)
    {
        return values.get(kind.ordinal());
    }

    /**
     * @return every counter by lower-case name.
     */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> m = new LinkedHashMap<>();
        for (final Kind k : Kind.values())
        {
            m.put(k.name().toLowerCase(), get(k));
        }
        return m;
    }
}
