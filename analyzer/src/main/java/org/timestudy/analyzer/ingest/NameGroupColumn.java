package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the name groups table ({@code analysis/name_groups/}): for each name of {@code analyze --names} that
 * resolved to two or more IPv4 addresses (round-robin DNS, CNAMEs) and each probe type, whether the clocks behind
 * it agree.
 */
public enum NameGroupColumn implements Column
{
    /** The name. */
    NAME(required("name", ColumnType.STRING, DELTA, "", "the name, as asked for")),
    /** CNAME chain. */
    CNAMES(optional("cnames", ColumnType.STRING, DELTA, "",
        "the CNAME chain from the name to the records' owner, '>'-separated; NULL when none")),
    /** Probe type. */
    PROBE(required("probe", ColumnType.STRING, DICTIONARY, "", "probe type compared: 'ntp' or 'http'")),
    /** Addresses behind it. */
    MEMBERS(required("members", ColumnType.UINT32, DICTIONARY, "", "IPv4 addresses the name resolved to")),
    /** Members with a verdict that has a usable offset. */
    MEASURED(required("measured", ColumnType.UINT32, DICTIONARY, "",
        "members with a verdict of this probe type whose offset means something (not ERRATIC)")),
    /** Agree or not. */
    AGREE(required("agree", ColumnType.BOOLEAN, DICTIONARY, "",
        "at least two measured, none ERRATIC, every offset within max(τ, 3σ) of the median")),
    /** Median offset. */
    MEDIAN_OFFSET_S(optional("median_offset_s", ColumnType.DOUBLE, DELTA, "s",
        "median offset of the measured members; NULL when none was measured")),
    /** Spread. */
    SPREAD_S(optional("spread_s", ColumnType.DOUBLE, DELTA, "s",
        "largest minus smallest measured offset; NULL when none was measured")),
    /** Addresses. */
    ADDRESSES(required("addresses", ColumnType.STRING, DELTA, "", "the members, space-separated dotted quads")),
    /** Disagreeing addresses. */
    DISAGREEING(optional("disagreeing", ColumnType.STRING, DELTA, "",
        "members that are ERRATIC or off the median, space-separated; NULL when none"));

    private final ColumnSpec spec;

    NameGroupColumn(final ColumnSpec spec)
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
