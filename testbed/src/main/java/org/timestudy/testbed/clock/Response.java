package org.timestudy.testbed.clock;

/**
 * How a simulated server answers, NTP side and HTTP side (issue 5). The clock model says what time it shows; this
 * says whether and how it shows it.
 */
public enum Response
{
    /** Answers every request properly. */
    NORMAL,
    /** NTP: answers with LI = 3 and stratum 16, still with its clock's time. */
    UNSYNC,
    /** NTP: Kiss-o'-Death RATE on some requests (back off). */
    KOD_RATE,
    /** NTP: Kiss-o'-Death DENY on every request (stop). */
    KOD_DENY,
    /** NTP: Kiss-o'-Death RSTR on every request (stop). */
    KOD_RSTR,
    /** No answer at all. */
    SILENT,
    /** ICMP port unreachable. */
    UNREACHABLE,
    /** Answers at most {@link Population#rateLimitPerSecond(int)} requests per second; the rest are dropped. */
    RATE_LIMITED,
    /** Answers after {@link Population#slowDelayNs(int)} of extra delay. */
    SLOW,
    /** Hostile: malformed replies ({@link Malformation}); HTTP: slow-loris, oversized headers or garbage. */
    MALFORMED,
    /** Hostile: also sends off-path spoofed replies to the scanner, with a wrong origin timestamp. */
    SPOOFED,
    /** HTTP: a reply without a Date header. */
    NO_DATE,
    /** HTTP: a cache answers with a stale Date and an Age header. */
    CACHED,
    /** HTTP: a redirect (301/302/307/308) to another name or address; some carry no Date. */
    REDIRECT;

    private static final Response[] VALUES = values();

    /**
     * @param ordinal an ordinal.
     * @return the response.
     */
    public static Response of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
