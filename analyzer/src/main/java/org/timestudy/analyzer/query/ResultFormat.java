package org.timestudy.analyzer.query;

/**
 * How {@link ResultPrinter} writes a result.
 */
public enum ResultFormat
{
    /** Aligned columns for a terminal. */
    TABLE,
    /** RFC 4180 CSV with a header line. */
    CSV,
    /** A JSON array of one object per row. */
    JSON
}
