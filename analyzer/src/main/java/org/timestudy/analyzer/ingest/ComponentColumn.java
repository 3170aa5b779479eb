package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the components table ({@code analysis/components/}): one row per clock found behind a MULTI-CLOCK
 * address (a load balancer, say), each classified on its own samples.
 */
public enum ComponentColumn implements Column
{
    /** Probe type of the series. */
    PROBE(required("probe", ColumnType.STRING, DICTIONARY, "", "probe type of the series: 'ntp' or 'http'")),
    /** Address, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address, dotted quad")),
    /** Address as an integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "", "IPv4 address, unsigned integer")),
    /** Which clock. */
    COMPONENT(required("component", ColumnType.UINT8, DICTIONARY, "", "0 for the clock with most points, 1, ...")),
    /** Its class. */
    CLASS(required("class", ColumnType.STRING, DICTIONARY, "", "the clock's own class (never MULTI-CLOCK)")),
    /** Its sub-tags. */
    SUB_TAGS(optional("sub_tags", ColumnType.STRING, DICTIONARY, "", "its sub-tags (TZ, MINUTE); NULL when none")),
    /** Its share. */
    SHARE(required("share", ColumnType.DOUBLE, DELTA, "", "its share of the series' points, 0-1")),
    /** Its points. */
    POINTS(required("points", ColumnType.UINT32, DELTA, "", "its number of points")),
    /** Its offset. */
    OFFSET_S(required("offset_s", ColumnType.DOUBLE, DELTA, "s", "its offset at its last point")),
    /** Uncertainty. */
    OFFSET_UNCERTAINTY_S(required("offset_uncertainty_s", ColumnType.DOUBLE, DELTA, "s",
        "standard uncertainty of offset_s")),
    /** Its rate. */
    RATE_PPM(required("rate_ppm", ColumnType.DOUBLE, DELTA, "ppm", "its R − 1")),
    /** σ of its rate. */
    RATE_SIGMA_PPM(required("rate_sigma_ppm", ColumnType.DOUBLE, DELTA, "ppm", "σ of rate_ppm"));

    private final ColumnSpec spec;

    ComponentColumn(final ColumnSpec spec)
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
