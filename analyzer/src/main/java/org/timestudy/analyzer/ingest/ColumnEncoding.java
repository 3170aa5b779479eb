package org.timestudy.analyzer.ingest;

/**
 * How a column's values are encoded before ZSTD, chosen per column for size on survey data (see analyzer/README.md).
 */
public enum ColumnEncoding
{
    /** Dictionary, falling back to the type's default when the dictionary grows past a page: repetitive values. */
    DICTIONARY,
    /** No dictionary: DELTA_BINARY_PACKED for integers, DELTA_BYTE_ARRAY for text. For values that mostly rise. */
    DELTA,
    /** No dictionary, BYTE_STREAM_SPLIT: each byte of the values in its own stream. For noisy numbers. */
    SPLIT
}
