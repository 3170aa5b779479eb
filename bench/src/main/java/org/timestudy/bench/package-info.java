/**
 * Benchmarks: JMH classes per hot operation, and the {@code bench} command with its end-to-end measurements.
 */
package org.timestudy.bench;
