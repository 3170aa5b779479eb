/**
 * Benchmarks of the targets module: the permutation walk with and without the default blocklist, and the memory a
 * full IPv4 walk holds.
 */
package org.timestudy.bench.targets;
