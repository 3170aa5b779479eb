package org.timestudy.http;

/**
 * The form a Date header value came in (RFC 9110 section 5.6.7), as the journal stores it.
 */
public enum HttpDateForm
{
    /** No Date header at all. */
    MISSING(0),
    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}: the preferred form, the only one servers may generate. */
    IMF_FIXDATE(1),
    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}: obsolete, two-digit year. */
    RFC_850(2),
    /** {@code Sun Nov  6 08:49:37 1994}: obsolete, ANSI C's asctime(). */
    ASCTIME(3),
    /** A Date header whose value is none of the three: its raw text is kept, it gives no time. */
    INVALID(4);

    private static final HttpDateForm[] BY_CODE = {MISSING, IMF_FIXDATE, RFC_850, ASCTIME, INVALID};

    private final int code;

    HttpDateForm(final int code)
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
     * @return its form; unknown codes read as {@link #INVALID}.
     */
    public static HttpDateForm of(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : INVALID;
    }

    /**
     * @return true when the form carries a time.
     */
    public boolean valid()
    {
        return this == IMF_FIXDATE || this == RFC_850 || this == ASCTIME;
    }
}
