package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the unreachable table ({@code unreachable/date=YYYY-MM-DD/}): one row per ICMP destination-unreachable
 * that quotes one of our probes. Its own table, not a probe partition of the observations: it answers no clock
 * question and has other columns. The leading columns have the names and types of the observations' shared ones.
 */
public enum UnreachableColumn implements Column
{
    /** Id of the scan that sent the probe. */
    SCAN_ID(required("scan_id", ColumnType.INT64, DICTIONARY, "", "id of the scan that sent the probe")),
    /** Position of the record in its journal. */
    JOURNAL_INDEX(required("journal_index", ColumnType.INT64, DELTA, "", "Chronicle index of the record")),
    /** Which probe of the target the ICMP quotes. */
    PROBE_INDEX(required("probe_index", ColumnType.UINT8, DICTIONARY, "", "which probe of the target it quotes")),
    /** Address probed, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address probed, dotted quad")),
    /** Address probed, as an unsigned integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "", "IPv4 address probed, unsigned integer")),
    /** Port probed. */
    PORT(required("port", ColumnType.UINT16, DICTIONARY, "", "port probed")),
    /** Our source port. */
    SOURCE_PORT(required("source_port", ColumnType.UINT16, DELTA, "", "our source port")),
    /** T1, probe sent. */
    T1(optional("t1", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC", "probe sent, our clock; NULL when unknown (0)")),
    /** T4, ICMP received. */
    T4(required("t4", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC", "ICMP received, our clock; gives the date")),
    /** Who sent the ICMP, dotted quad. */
    REPORTER(required("reporter", ColumnType.STRING, DICTIONARY, "", "address that sent the ICMP, dotted quad")),
    /** Who sent the ICMP, as an unsigned integer. */
    REPORTER_INT(required("reporter_int", ColumnType.UINT32, DICTIONARY, "",
        "address that sent the ICMP, unsigned integer")),
    /** ICMP type. */
    ICMP_TYPE(required("icmp_type", ColumnType.UINT8, DICTIONARY, "", "ICMP type (3: destination unreachable)")),
    /** ICMP code. */
    ICMP_CODE(required("icmp_code", ColumnType.UINT8, DICTIONARY, "", "ICMP code (3: port unreachable, ...)")),
    /** IP TTL of the ICMP. */
    TTL(required("ttl", ColumnType.UINT8, DICTIONARY, "hops", "IP TTL of the ICMP packet as received"));

    private final ColumnSpec spec;

    UnreachableColumn(final ColumnSpec spec)
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
