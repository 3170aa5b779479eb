package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the NTP observations table ({@code observations/probe=ntp/date=YYYY-MM-DD/}), one row per journaled
 * NTP reply. The columns up to {@link #TTL} are the ones every probe type shares (HTTP will write the same names
 * with the same types); the rest are NTP's own.
 */
public enum NtpColumn implements Column
{
    /** Id of the scan that sent the probe. */
    SCAN_ID(required("scan_id", ColumnType.INT64, DICTIONARY, "", "id of the scan that sent the probe")),
    /** Position of the record in its journal. */
    JOURNAL_INDEX(required("journal_index", ColumnType.INT64, DELTA, "",
        "Chronicle index of the record in its journal (unique within a journal; the manifest names the journal)")),
    /** Which probe of the target this answers. */
    PROBE_INDEX(required("probe_index", ColumnType.UINT8, DICTIONARY, "",
        "which probe of the target this answers (0, 1, ...)")),
    /** Address probed, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address probed, dotted quad")),
    /** Address probed, as an unsigned integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "",
        "IPv4 address probed as an unsigned 32-bit integer (a.b.c.d = a*2^24 + b*2^16 + c*2^8 + d)")),
    /** Port probed. */
    PORT(required("port", ColumnType.UINT16, DICTIONARY, "", "UDP port probed")),
    /** Our source port. */
    SOURCE_PORT(required("source_port", ColumnType.UINT16, DELTA, "", "our UDP source port")),
    /** T1, request sent. */
    T1(optional("t1", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "T1: request sent, our clock (kernel capture timestamp); NULL when t1_missing")),
    /** T4, reply received. */
    T4(required("t4", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "T4: reply received, our clock (kernel capture timestamp); its UTC date is the partition's date")),
    /** Offset θ. */
    OFFSET_S(optional("offset_s", ColumnType.DOUBLE, DELTA, "s",
        "clock offset θ = ((T2 - T1) + (T3 - T4)) / 2 of the server from us, from the raw NTP timestamps " +
        "(NtpTime.offsetSeconds); NULL when T1, T2 or T3 is unknown")),
    /** Delay δ. */
    DELAY_S(optional("delay_s", ColumnType.DOUBLE, DELTA, "s",
        "round-trip delay δ = (T4 - T1) - (T3 - T2), not clamped (NtpTime.delaySeconds); NULL like offset_s")),
    /** Raw flags. */
    FLAGS(required("flags", ColumnType.UINT16, DICTIONARY, "", "the record's flag bits, raw (RecordFlags)")),
    /** Flag T1_FROM_CAPTURE. */
    T1_FROM_CAPTURE(required("t1_from_capture", ColumnType.BOOLEAN, DICTIONARY, "",
        "T1 is the kernel capture timestamp of our outgoing frame")),
    /** Flag T1_MISSING. */
    T1_MISSING(required("t1_missing", ColumnType.BOOLEAN, DICTIONARY, "",
        "our outgoing frame was not captured: t1, offset_s and delay_s are NULL")),
    /** Flag KISS_OF_DEATH. */
    KISS_OF_DEATH(required("kiss_of_death", ColumnType.BOOLEAN, DICTIONARY, "",
        "the reply is a Kiss-o'-Death (stratum 0); refid holds the kiss code")),
    /** Flag UNSYNCHRONISED. */
    UNSYNCHRONISED(required("unsynchronised", ColumnType.BOOLEAN, DICTIONARY, "",
        "the server says it is unsynchronised (leap = 3 or stratum 16)")),
    /** Flag EXTENDED. */
    EXTENDED(required("extended", ColumnType.BOOLEAN, DICTIONARY, "",
        "the reply is longer than 48 bytes (extension fields or a MAC)")),
    /** IP TTL of the reply. */
    TTL(required("ttl", ColumnType.UINT8, DICTIONARY, "hops", "IP TTL of the reply as received")),
    /** Leap indicator. */
    LEAP(required("leap", ColumnType.UINT8, DICTIONARY, "", "leap indicator LI, 0-3 (3: unsynchronised)")),
    /** NTP version. */
    VERSION(required("version", ColumnType.UINT8, DICTIONARY, "", "NTP version number VN of the reply")),
    /** NTP mode. */
    MODE(required("mode", ColumnType.UINT8, DICTIONARY, "", "NTP mode of the reply (4: server)")),
    /** Stratum. */
    STRATUM(required("stratum", ColumnType.UINT8, DICTIONARY, "",
        "stratum: 0 Kiss-o'-Death, 1 primary, 2-15 secondary, 16 unsynchronised")),
    /** Poll exponent. */
    POLL(required("poll", ColumnType.INT8, DICTIONARY, "log2 s", "poll interval exponent of the reply")),
    /** Precision exponent. */
    PRECISION(required("precision", ColumnType.INT8, DICTIONARY, "log2 s",
        "precision exponent of the server's clock")),
    /** Root delay. */
    ROOT_DELAY_S(required("root_delay_s", ColumnType.DOUBLE, DICTIONARY, "s",
        "root delay, exact from the NTP short format (16.16)")),
    /** Root dispersion. */
    ROOT_DISPERSION_S(required("root_dispersion_s", ColumnType.DOUBLE, DICTIONARY, "s",
        "root dispersion, exact from the NTP short format (16.16)")),
    /** Reference id, decoded. */
    REFID(required("refid", ColumnType.STRING, DICTIONARY, "",
        "reference id decoded by stratum: ASCII at stratum 0 (kiss code) and 1 (source), dotted quad above")),
    /** Reference id, raw. */
    REFID_RAW(required("refid_raw", ColumnType.UINT32, DICTIONARY, "", "reference id, raw (big-endian value)")),
    /** Reference timestamp. */
    REFERENCE_TIME(optional("reference_time", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "reference timestamp: when the server's clock was last set; NULL when 0 (unknown)")),
    /** Origin timestamp. */
    ORIGIN_TIME(optional("origin_time", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "origin timestamp: our request's transmit timestamp (the validation cookie) echoed; NULL when 0")),
    /** T2. */
    T2(optional("t2", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "T2, the receive timestamp: request received, server's clock; NULL when 0 (unknown)")),
    /** T3. */
    T3(optional("t3", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "T3, the transmit timestamp: reply sent, server's clock; NULL when 0 (unknown)")),
    /** UDP payload length. */
    PAYLOAD_LENGTH(required("payload_length", ColumnType.UINT16, DICTIONARY, "bytes",
        "UDP payload length of the reply (48 without extensions)"));

    private final ColumnSpec spec;

    NtpColumn(final ColumnSpec spec)
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
