package org.timestudy.journal;

/**
 * The text fields of an {@link HttpResponseFlyweight} record, in the order they are stored. Each is raw octets as
 * they came off the wire (header values are ISO-8859-1), capped at {@link #maxLength()} bytes.
 */
public enum HttpText
{
    /** The name probed (Host header and TLS SNI); empty in stateless mode. */
    NAME(255),
    /** The CNAME chain from the name to the address's owner, space-separated; empty when none. */
    CNAMES(1024),
    /** The request's path (random, so caches miss). */
    PATH(255),
    /** The Date header's value, raw; empty when there was none. */
    DATE(255),
    /** The Age header's value, raw. */
    AGE(255),
    /** The Cache-Control header's value, raw. */
    CACHE_CONTROL(1024),
    /** The Server header's value, raw. */
    SERVER(1024),
    /** The Via header's value, raw. */
    VIA(1024),
    /** Every cache-status header (Cache-Status, X-Cache, CF-Cache-Status, ...), one "Name: value" a line. */
    CACHE_STATUS(1024),
    /** The Location header's value, raw. */
    LOCATION(2048),
    /** The status line's reason phrase for responses; what went wrong for failures (DNS detail, exception text). */
    DETAIL(1024),
    /** The whole header block (status line to the blank line), kept when the Date is more than 1 s off. */
    HEADERS(16_384);

    private static final HttpText[] VALUES = values();

    private final int maxLength;

    HttpText(final int maxLength)
    {
        this.maxLength = maxLength;
    }

    /**
     * @return the most bytes stored; longer values are cut.
     */
    public int maxLength()
    {
        return maxLength;
    }

    /**
     * @return the number of text fields.
     */
    public static int count()
    {
        return VALUES.length;
    }

    /**
     * @param ordinal a field's position.
     * @return the field.
     */
    public static HttpText of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
