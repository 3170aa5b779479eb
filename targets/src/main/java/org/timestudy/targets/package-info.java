/**
 * What a scan probes, in which order, and what it never probes: the target space built from the command line,
 * its configuration constants, and the errors bad target input gives.
 */
package org.timestudy.targets;
