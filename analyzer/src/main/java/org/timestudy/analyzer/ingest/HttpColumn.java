package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the HTTP observations table ({@code observations/probe=http/date=YYYY-MM-DD/}), one row per journaled
 * HTTP probe (a response or a failure). The columns up to {@link #TTL} have the names and types of the NTP table's
 * shared columns ({@link NtpColumn}), so readers of all of {@code observations/} merge them by name; the rest are
 * HTTP's own.
 */
public enum HttpColumn implements Column
{
    /** Id of the scan that sent the probe. */
    SCAN_ID(required("scan_id", ColumnType.INT64, DICTIONARY, "", "id of the scan that sent the probe")),
    /** Position of the record in its journal. */
    JOURNAL_INDEX(required("journal_index", ColumnType.INT64, DELTA, "",
        "Chronicle index of the record in its journal")),
    /** Request number on the connection (precision) or probe index (stateless). */
    PROBE_INDEX(required("probe_index", ColumnType.UINT8, DICTIONARY, "",
        "request number on the keep-alive connection (precision mode) or probe of the target (stateless), from 0")),
    /** Address probed, text. */
    ADDRESS(required("address", ColumnType.STRING, DICTIONARY, "",
        "address probed: dotted quad, or RFC 5952 text for IPv6; empty when the name did not resolve")),
    /** Address probed, as an unsigned integer (IPv4 only). */
    ADDRESS_INT(optional("address_int", ColumnType.UINT32, DICTIONARY, "",
        "IPv4 address probed as an unsigned 32-bit integer; NULL for IPv6 and unresolved names")),
    /** Port probed. */
    PORT(required("port", ColumnType.UINT16, DICTIONARY, "", "TCP port probed (80, 443, ...)")),
    /** Our source port. */
    SOURCE_PORT(required("source_port", ColumnType.UINT16, DELTA, "",
        "our TCP source port; 0 when no connection was made")),
    /** T1. */
    T1(optional("t1", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "T1: the request's first byte sent, our clock (see timing); for failures the connect attempt; NULL when 0")),
    /** T4. */
    T4(required("t4", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "T4: the response's first byte received, our clock (see timing); for failures when the probe ended; its " +
        "UTC date is the partition's date")),
    /** Offset. */
    OFFSET_S(optional("offset_s", ColumnType.DOUBLE, DELTA, "s",
        "server clock minus ours: the middle of the bracket [D - T4, D + 1 - T1] (naive: D + 0.5 - (T1 + T4)/2; " +
        "precision: intersected over the connection's requests); NULL without a valid Date or when inconsistent")),
    /** Delay. */
    DELAY_S(optional("delay_s", ColumnType.DOUBLE, DELTA, "s",
        "T4 - T1: request to first response byte; NULL without a response")),
    /** Raw flags. */
    FLAGS(required("flags", ColumnType.UINT16, DICTIONARY, "", "the record's flag bits, raw (RecordFlags)")),
    /** Flag T1_FROM_CAPTURE. */
    T1_FROM_CAPTURE(required("t1_from_capture", ColumnType.BOOLEAN, DICTIONARY, "",
        "T1 and T4 are kernel capture timestamps (timing = 'capture')")),
    /** Flag T1_MISSING. */
    T1_MISSING(required("t1_missing", ColumnType.BOOLEAN, DICTIONARY, "", "T1 is unknown (0)")),
    /** Always false for HTTP. */
    KISS_OF_DEATH(required("kiss_of_death", ColumnType.BOOLEAN, DICTIONARY, "", "NTP only: false")),
    /** Always false for HTTP. */
    UNSYNCHRONISED(required("unsynchronised", ColumnType.BOOLEAN, DICTIONARY, "", "NTP only: false")),
    /** Always false for HTTP. */
    EXTENDED(required("extended", ColumnType.BOOLEAN, DICTIONARY, "", "NTP only: false")),
    /** IP TTL. */
    TTL(required("ttl", ColumnType.UINT8, DICTIONARY, "hops",
        "IP TTL of the response (stateless mode); 0 when unknown")),
    /** Offset error bound. */
    OFFSET_ERROR_S(optional("offset_error_s", ColumnType.DOUBLE, DELTA, "s",
        "error bound of offset_s: half the bracket's width (naive: 0.5 s + RTT/2); NULL like offset_s")),
    /** Address family. */
    ADDRESS_FAMILY(required("address_family", ColumnType.UINT8, DICTIONARY, "",
        "4 or 6; 0 when the name did not resolve")),
    /** Name. */
    NAME(optional("name", ColumnType.STRING, DICTIONARY, "",
        "the name probed (Host header and TLS SNI); NULL in stateless mode")),
    /** CNAME chain. */
    CNAMES(optional("cnames", ColumnType.STRING, DICTIONARY, "",
        "the CNAME chain from the name to the address's owner, space-separated; NULL when none")),
    /** Scheme. */
    SCHEME(required("scheme", ColumnType.STRING, DICTIONARY, "", "'http' or 'https'")),
    /** Mode. */
    MODE(required("http_mode", ColumnType.STRING, DICTIONARY, "",
        "'naive' (hostname mode), 'precision' (boundary timing) or 'stateless' (raw TCP)")),
    /** Outcome. */
    OUTCOME(required("outcome", ColumnType.STRING, DICTIONARY, "",
        "'response', or the failure: 'refused', 'connect timeout', 'response timeout', 'TLS failure', 'reset', " +
        "'closed', 'malformed', 'unreachable', 'DNS failure', 'blocked', 'zero window', 'error'")),
    /** Status. */
    STATUS(optional("status", ColumnType.UINT16, DICTIONARY, "", "HTTP status code; NULL without a response")),
    /** Parsed Date. */
    DATE_TIME(optional("date_time", ColumnType.TIMESTAMP_MS, DELTA, "ms, UTC",
        "the Date header, parsed (whole seconds; years 0000-9999); NULL when missing or invalid")),
    /** Raw Date. */
    DATE_RAW(optional("date_raw", ColumnType.STRING, DELTA, "",
        "the Date header's value as received; NULL when there was none")),
    /** Date form. */
    DATE_FORM(required("date_form", ColumnType.STRING, DICTIONARY, "",
        "'imf-fixdate', 'rfc850', 'asctime', 'invalid' (raw text kept), or 'missing'")),
    /** Weekday mismatch. */
    WEEKDAY_MISMATCH(required("weekday_mismatch", ColumnType.BOOLEAN, DICTIONARY, "",
        "the Date's weekday does not match its date (the date is used)")),
    /** Age. */
    AGE_S(optional("age_s", ColumnType.INT64, DICTIONARY, "s", "the Age header as delta-seconds; NULL when absent " +
        "or not a number")),
    /** Raw Age. */
    AGE(optional("age", ColumnType.STRING, DICTIONARY, "", "the Age header's value as received")),
    /** Cache-Control. */
    CACHE_CONTROL(optional("cache_control", ColumnType.STRING, DICTIONARY, "", "the Cache-Control header's value")),
    /** Server. */
    SERVER(optional("server", ColumnType.STRING, DICTIONARY, "", "the Server header's value")),
    /** Via. */
    VIA(optional("via", ColumnType.STRING, DICTIONARY, "", "the Via header's value")),
    /** Cache-status headers. */
    CACHE_STATUS(optional("cache_status", ColumnType.STRING, DICTIONARY, "",
        "every cache-status header (Cache-Status, X-Cache, X-Cache-Status, CF-Cache-Status, ...), one " +
        "'Name: value' a line")),
    /** Cached. */
    CACHED(required("cached", ColumnType.BOOLEAN, DICTIONARY, "",
        "an Age or cache-status header says a cache may have answered: the Date may be stale")),
    /** Location. */
    LOCATION(optional("location", ColumnType.STRING, DELTA, "", "the Location header's value")),
    /** Redirect queued. */
    REDIRECT_QUEUED(required("redirect_queued", ColumnType.BOOLEAN, DICTIONARY, "",
        "the Location named another host, queued as a new target (once per name)")),
    /** Redirect depth. */
    REDIRECT_DEPTH(required("redirect_depth", ColumnType.UINT8, DICTIONARY, "",
        "0 for names from the list; n for a name reached through n redirects")),
    /** Path. */
    PATH(optional("path", ColumnType.STRING, DELTA, "", "the request's path (random, so caches miss)")),
    /** Detail. */
    DETAIL(optional("detail", ColumnType.STRING, DICTIONARY, "",
        "the reason phrase of a response; what went wrong for a failure")),
    /** Header block. */
    HEADERS(optional("headers", ColumnType.STRING, DELTA, "",
        "the whole header block, kept when the Date is more than 1 s off; NULL otherwise")),
    /** Headers truncated. */
    HEADERS_TRUNCATED(required("headers_truncated", ColumnType.BOOLEAN, DICTIONARY, "",
        "the header block was longer than the engine's cap; what came before it was read")),
    /** Precision final. */
    PRECISION_FINAL(required("precision_final", ColumnType.BOOLEAN, DICTIONARY, "",
        "precision mode: the connection's last record, whose offset is the run's estimate")),
    /** Inconsistent. */
    INCONSISTENT(required("inconsistent", ColumnType.BOOLEAN, DICTIONARY, "",
        "precision mode: the connection's Dates contradict one steady clock (stuck, cached or several clocks)")),
    /** Timing method. */
    TIMING(required("timing", ColumnType.STRING, DICTIONARY, "",
        "how T1 and T4 were taken: 'capture' (kernel timestamps of the frames), 'socket' (clock reads around the " +
        "socket calls) or 'none'")),
    /** Timing error bound. */
    TIMING_ERROR_S(required("timing_error_s", ColumnType.DOUBLE, DICTIONARY, "s",
        "error bound of T1 and T4 for the timing method")),
    /** TLS version. */
    TLS_VERSION(optional("tls_version", ColumnType.STRING, DICTIONARY, "",
        "TLS version negotiated ('TLSv1.2', 'TLSv1.3', ...); NULL for plain HTTP or a failed handshake")),
    /** Certificate presented. */
    TLS_CERTIFICATE(optional("tls_certificate", ColumnType.BOOLEAN, DICTIONARY, "",
        "https: the server presented a certificate; NULL for http")),
    /** Trusted chain. */
    TLS_TRUSTED(optional("tls_trusted", ColumnType.BOOLEAN, DICTIONARY, "",
        "https: the chain validates against the JDK's default trust store (checks are off; this is a fact)")),
    /** Name match. */
    TLS_NAME_MATCH(optional("tls_name_match", ColumnType.BOOLEAN, DICTIONARY, "",
        "https: the certificate names the host asked for")),
    /** Expired. */
    TLS_EXPIRED(optional("tls_expired", ColumnType.BOOLEAN, DICTIONARY, "", "https: the certificate had expired")),
    /** Not yet valid. */
    TLS_NOT_YET_VALID(optional("tls_not_yet_valid", ColumnType.BOOLEAN, DICTIONARY, "",
        "https: the certificate was not yet valid")),
    /** Self-signed. */
    TLS_SELF_SIGNED(optional("tls_self_signed", ColumnType.BOOLEAN, DICTIONARY, "",
        "https: the certificate is self-signed"));

    private final ColumnSpec spec;

    HttpColumn(final ColumnSpec spec)
    {
        this.spec = spec;
    }

    /** {@inheritDoc} */
    @Override
    public ColumnSpec spec()
    {
        return spec;
    }
}
