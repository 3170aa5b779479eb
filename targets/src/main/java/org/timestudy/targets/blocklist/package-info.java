/**
 * What is never probed: the built-in reserved-range blocklist, the opt-out list re-read while a scan runs, and the
 * send-time guard that combines them.
 */
package org.timestudy.targets.blocklist;
