package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the method pairs table ({@code analysis/method_pairs/}): for each address with both an NTP and an HTTP
 * series, whether the two clocks agree.
 */
public enum MethodPairColumn implements Column
{
    /** Address, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address, dotted quad")),
    /** Address as an integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "", "IPv4 address, unsigned integer")),
    /** NTP class. */
    NTP_CLASS(required("ntp_class", ColumnType.STRING, DICTIONARY, "", "class of its NTP series")),
    /** HTTP class. */
    HTTP_CLASS(required("http_class", ColumnType.STRING, DICTIONARY, "", "class of its HTTP series")),
    /** Both had offsets. */
    COMPARED(required("compared", ColumnType.BOOLEAN, DICTIONARY, "", "both series have an offset")),
    /** Difference. */
    DIFFERENCE_S(optional("difference_s", ColumnType.DOUBLE, DELTA, "s",
        "HTTP offset minus NTP offset, both carried to the later of their times with their rates; NULL when not " +
        "compared")),
    /** Its uncertainty. */
    DIFFERENCE_UNCERTAINTY_S(optional("difference_uncertainty_s", ColumnType.DOUBLE, DELTA, "s",
        "standard uncertainty of difference_s; NULL when not compared")),
    /** Agree. */
    AGREE(required("agree", ColumnType.BOOLEAN, DICTIONARY, "",
        "compared, neither ERRATIC, and the difference within max(the coarser τ, 3σ)")),
    /** Same class. */
    SAME_CLASS(required("same_class", ColumnType.BOOLEAN, DICTIONARY, "", "both series have the same class"));

    private final ColumnSpec spec;

    MethodPairColumn(final ColumnSpec spec)
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
