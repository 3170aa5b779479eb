package org.timestudy.engine;

import java.util.Map;

/**
 * How a scan ended.
 *
 * @param scanId       its id (in every journal record).
 * @param stopReason   done, interrupted, max-runtime, min-hitrate, dry-run.
 * @param counters     final counters by name.
 * @param t1ErrorNs    percentiles of T1 (capture) minus the send-side clock, ns.
 * @param startEpochNs when it started.
 * @param endEpochNs   when it ended.
 * @param complete     true when every target was sent to.
 */
public record ScanResult(
    long scanId,
    String stopReason,
    Map<String, Object> counters,
    Map<String, Object> t1ErrorNs,
    long startEpochNs,
    long endEpochNs,
    boolean complete)
{
}
