/**
 * JMH benchmarks of the analyzer's per-series classification.
 */
package org.timestudy.bench.classify;
