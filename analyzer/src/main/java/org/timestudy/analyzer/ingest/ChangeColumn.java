package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the changes table ({@code analysis/changes/}): one row per behaviour change found in a series, where
 * one segment ends and the next begins. Resets inside a RESET+DRIFT run are not listed (the verdict's period and
 * last reset summarise them).
 */
public enum ChangeColumn implements Column
{
    /** Probe type of the series. */
    PROBE(required("probe", ColumnType.STRING, DICTIONARY, "", "probe type of the series: 'ntp' or 'http'")),
    /** Address, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address, dotted quad")),
    /** Address as an integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "", "IPv4 address, unsigned integer")),
    /** When. */
    TIME(required("time", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "estimated time of the change: midway between the last point before and the first after")),
    /** Class before. */
    CLASS_BEFORE(required("class_before", ColumnType.STRING, DICTIONARY, "", "class of the segment before")),
    /** Class after. */
    CLASS_AFTER(required("class_after", ColumnType.STRING, DICTIONARY, "",
        "class of the segment after (RESET+DRIFT when a reset run starts there)")),
    /** Step. */
    STEP_S(required("step_s", ColumnType.DOUBLE, DELTA, "s", "the new line minus the old line at the change")),
    /** Slope change. */
    SLOPE_CHANGE_PPM(required("slope_change_ppm", ColumnType.DOUBLE, DELTA, "ppm", "new R − 1 minus the old")),
    /** STEP event. */
    STEP(required("step", ColumnType.BOOLEAN, DICTIONARY, "",
        "a STEP event: the offset jumps by more than max(4σ_r, 2u) while the slope stays the same"));

    private final ColumnSpec spec;

    ChangeColumn(final ColumnSpec spec)
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
