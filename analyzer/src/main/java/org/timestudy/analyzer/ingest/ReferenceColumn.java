package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the reference servers table ({@code analysis/reference_servers/}): each server of
 * {@code analyze --references} (stratum-1 and -2 servers from public lists) and what its NTP clock turned out to be.
 */
public enum ReferenceColumn implements Column
{
    /** Address, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address of the listed server, dotted quad")),
    /** Address as an integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "", "IPv4 address, unsigned integer")),
    /** Name listed. */
    NAME(optional("name", ColumnType.STRING, DELTA, "",
        "the name it was listed under (resolved through --names); NULL when listed by address")),
    /** Listed stratum. */
    LISTED_STRATUM(required("listed_stratum", ColumnType.UINT8, DICTIONARY, "", "the stratum the list claims")),
    /** Status. */
    STATUS(required("status", ColumnType.STRING, DICTIONARY, "",
        "OK (synced), WRONG (another class, or off by more than max(τ, 3σ)), UNSYNCHRONISED (it says so), " +
        "UNUSABLE (no offset: silent, unreachable, KoD), UNDECIDED (too little data, not visibly off), or " +
        "NOT_OBSERVED (no NTP observation of it in the dataset)")),
    /** Its class. */
    CLASS(optional("class", ColumnType.STRING, DICTIONARY, "", "its NTP verdict's class; NULL when NOT_OBSERVED")),
    /** Its offset. */
    OFFSET_S(optional("offset_s", ColumnType.DOUBLE, DELTA, "s", "its NTP offset now; NULL without one")),
    /** Uncertainty. */
    OFFSET_UNCERTAINTY_S(optional("offset_uncertainty_s", ColumnType.DOUBLE, DELTA, "s",
        "standard uncertainty of offset_s; NULL like offset_s"));

    private final ColumnSpec spec;

    ReferenceColumn(final ColumnSpec spec)
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
