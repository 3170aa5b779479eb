/**
 * SQL over a compacted dataset with embedded DuckDB: the views {@code observations}, {@code latest}, {@code scans},
 * {@code scan_events} and {@code unreachable}, result printing as a terminal table, CSV or JSON, and example queries.
 */
package org.timestudy.analyzer.query;
