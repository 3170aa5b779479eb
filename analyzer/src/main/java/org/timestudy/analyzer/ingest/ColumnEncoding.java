package org.timestudy.analyzer.ingest;

/**
 * How a column's values are encoded before ZSTD, chosen per column for size on survey data (see analyzer/README.md).
 */
public enum ColumnEncoding
{
    /** Dictionary, falling back to the type's default when the dictionary grows past a page: repetitive values. */
    DICTIONARY,
    /**
     * No dictionary: DELTA_BINARY_PACKED for integers, DELTA_BYTE_ARRAY for text, PLAIN for doubles. For values that
     * rise (times, indexes) or hardly repeat. BYTE_STREAM_SPLIT would save about 8 bytes a row on noisy columns but
     * Spark 3's readers do not read it, so it is not used.
     */
    DELTA
}
