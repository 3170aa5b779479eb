/**
 * Resume points: a fingerprint of the scan's configuration and each thread's position in its walk, kept in a small
 * memory-mapped file that survives the death of the scanning process.
 */
package org.timestudy.targets.resume;
