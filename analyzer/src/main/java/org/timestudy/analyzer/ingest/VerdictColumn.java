package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.ColumnEncoding.DELTA;
import static org.timestudy.analyzer.ingest.ColumnEncoding.DICTIONARY;
import static org.timestudy.analyzer.ingest.ColumnSpec.optional;
import static org.timestudy.analyzer.ingest.ColumnSpec.required;

/**
 * Columns of the verdicts table ({@code analysis/verdicts/}): one row per series, one (address, probe type), with
 * what {@code ./timestudy analyze} concluded about its clock (SCIENCE.md §2-3).
 */
public enum VerdictColumn implements Column
{
    /** Probe type of the series. */
    PROBE(required("probe", ColumnType.STRING, DICTIONARY, "", "probe type of the series: 'ntp' or 'http'")),
    /** Address, dotted quad. */
    ADDRESS(required("address", ColumnType.STRING, DELTA, "", "IPv4 address, dotted quad")),
    /** Address as an integer. */
    ADDRESS_INT(required("address_int", ColumnType.UINT32, DELTA, "", "IPv4 address, unsigned integer")),
    /** Method most points were taken with. */
    METHOD(required("method", ColumnType.STRING, DICTIONARY, "",
        "method most points were taken with: 'ntp', 'http' (naive Date) or 'http-boundary' (boundary-timed); it " +
        "sets the tolerance τ (0.1 s, 1 s, 0.05 s)")),
    /** The class. */
    CLASS(required("class", ColumnType.STRING, DICTIONARY, "",
        "behaviour of the latest segment: SYNCED, OFFSET, DRIFT, RESET+DRIFT, STUCK, MULTI-CLOCK, ERRATIC or " +
        "INSUFFICIENT (too few points or too short a span)")),
    /** Sub-tags. */
    SUB_TAGS(optional("sub_tags", ColumnType.STRING, DICTIONARY, "",
        "refinements, comma-separated: TZ (OFFSET near a multiple of 30 min), MINUTE (near k·60 s), PERIODIC " +
        "(RESET+DRIFT at regular intervals); NULL when none")),
    /** Status tags. */
    TAGS(optional("tags", ColumnType.STRING, DICTIONARY, "",
        "status tags, comma-separated, set when any sample had them: KOD(code), UNSYNC, NO-DATE, UNREACHABLE, " +
        "CACHED; NULL when none")),
    /** Offset now. */
    OFFSET_S(optional("offset_s", ColumnType.DOUBLE, DELTA, "s",
        "offset now (remote minus true) from the current behaviour's fit, at offset_at; for MULTI-CLOCK the " +
        "largest clock's; NULL when no sample had an offset")),
    /** Its uncertainty. */
    OFFSET_UNCERTAINTY_S(optional("offset_uncertainty_s", ColumnType.DOUBLE, DELTA, "s",
        "standard uncertainty of offset_s; NULL like offset_s")),
    /** When the offset applies. */
    OFFSET_AT(optional("offset_at", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "the time offset_s refers to: the last point; NULL like offset_s")),
    /** R − 1. */
    RATE_PPM(optional("rate_ppm", ColumnType.DOUBLE, DELTA, "ppm",
        "R − 1 of the current behaviour, (remote seconds per true second − 1) · 10^6; −10^6 for STUCK; NULL like " +
        "offset_s")),
    /** σ of R − 1. */
    RATE_SIGMA_PPM(optional("rate_sigma_ppm", ColumnType.DOUBLE, DELTA, "ppm",
        "standard uncertainty σ_R of rate_ppm; NULL like offset_s")),
    /** Residual scale. */
    RESIDUAL_SIGMA_S(optional("residual_sigma_s", ColumnType.DOUBLE, DELTA, "s",
        "σ_r = 1.4826 · MAD of the residuals of the current fit; NULL like offset_s")),
    /** Last reset. */
    LAST_RESET(optional("last_reset", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC",
        "DRIFT: t* where the fitted line crosses zero offset; RESET+DRIFT: the last reset; NULL otherwise")),
    /** Reset period. */
    PERIOD_S(optional("period_s", ColumnType.DOUBLE, DELTA, "s",
        "RESET+DRIFT: median interval between resets; NULL with fewer than two resets or another class")),
    /** Number of changes. */
    CHANGES(required("changes", ColumnType.UINT32, DICTIONARY, "",
        "behaviour changes found (rows of the changes table for this series)")),
    /** Number of components. */
    COMPONENTS(required("components", ColumnType.UINT8, DICTIONARY, "",
        "MULTI-CLOCK: clocks found behind the address (rows of the components table); 0 otherwise")),
    /** Priority. */
    PRIORITY(required("priority", ColumnType.DOUBLE, DELTA, "",
        "re-measurement priority, 0 (leave it) to 1 (measure again soonest): off hosts before synced ones, " +
        "erratic and just-changed ones first; 0 after KoD DENY/RSTR")),
    /** When to measure again. */
    REMEASURE_AFTER_S(required("remeasure_after_s", ColumnType.DOUBLE, DELTA, "s",
        "when to measure again after last_sample: 7 d · (1 h / 7 d)^priority")),
    /** Samples. */
    SAMPLES(required("samples", ColumnType.UINT32, DELTA, "", "samples of the series, of any status")),
    /** Samples with an offset. */
    MEASUREMENTS(required("measurements", ColumnType.UINT32, DELTA, "",
        "samples that carried an offset (cached ones included)")),
    /** Points. */
    POINTS(required("points", ColumnType.UINT32, DELTA, "",
        "points fitted: one per burst of samples within the burst window, cached samples left out")),
    /** First sample. */
    FIRST_SAMPLE(required("first_sample", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC", "time of the first sample")),
    /** Last sample. */
    LAST_SAMPLE(required("last_sample", ColumnType.TIMESTAMP_NS, DELTA, "ns, UTC", "time of the last sample")),
    /** Span. */
    SPAN_S(required("span_s", ColumnType.DOUBLE, DELTA, "s", "last_sample − first_sample"));

    private final ColumnSpec spec;

    VerdictColumn(final ColumnSpec spec)
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
