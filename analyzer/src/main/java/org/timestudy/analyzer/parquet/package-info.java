/**
 * Writes Parquet files column chunk by column chunk: rows go into per-column page buffers of primitive values,
 * each full page is encoded (DELTA_BINARY_PACKED, dictionary with bit-packed indices, PLAIN) and compressed with
 * ZSTD, and a row group's pages go to parquet-hadoop's {@code ParquetFileWriter}, which lays out the chunks and writes
 * the footer. Nothing is allocated per value; the schema and the choice of dictionary come from the caller.
 */
package org.timestudy.analyzer.parquet;
