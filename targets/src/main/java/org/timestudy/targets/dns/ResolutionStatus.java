package org.timestudy.targets.dns;

/**
 * How the resolution of one name (or one record type of it) ended. Failures are results, never exceptions.
 */
public enum ResolutionStatus
{
    /** At least one address. */
    OK,
    /** The name exists but has no record of the type asked for (empty NOERROR answer). */
    NODATA,
    /** The name (or the end of its CNAME chain) does not exist. */
    NXDOMAIN,
    /** The server failed (SERVFAIL). */
    SERVFAIL,
    /** The server refused the query (REFUSED). */
    REFUSED,
    /** No answer within the timeout, retries included. */
    TIMEOUT,
    /** Anything else: another response code, a CNAME loop or over-long chain, an I/O error. */
    ERROR,
    /** The target was an IP address literal: no query was sent. */
    LITERAL
}
