/**
 * Counters in a mapped file, the once-a-second status line, the status CSV and the metadata JSON.
 */
package org.timestudy.engine.status;
