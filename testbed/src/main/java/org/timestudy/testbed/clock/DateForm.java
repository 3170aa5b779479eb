package org.timestudy.testbed.clock;

/**
 * The form of a simulated HTTP server's Date header (RFC 9110 §5.6.7).
 */
public enum DateForm
{
    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}: what servers must send. */
    IMF_FIXDATE,
    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}: obsolete, two-digit year. */
    RFC_850,
    /** {@code Sun Nov  6 08:49:37 1994}: obsolete. */
    ASCTIME,
    /** A Date header that parses as none of them. */
    INVALID
}
