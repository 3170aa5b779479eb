/**
 * Compaction figures: JMH throughput of journal to Parquet against a generic WriteSupport baseline, and bytes per row
 * and peak memory on a realistic survey journal.
 */
package org.timestudy.bench.compact;
