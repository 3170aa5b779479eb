package org.timestudy.bench.e2e;

import java.util.Map;

/**
 * What a scanner wrote down in one run, read from its own output.
 *
 * @param withTimestamp replies recorded with a receive time (every row or record, repeats included).
 * @param fieldsCorrect of those, replies whose NTP fields are all correct ({@link ReplyCheck}).
 * @param distinctHosts distinct replying addresses among them.
 * @param fields        what the tool yields of the NTP fields, in a few words.
 * @param extra         tool-specific figures (the engine's counters and T1 error), may be empty.
 */
public record Recorded(long withTimestamp, long fieldsCorrect, long distinctHosts, String fields,
    Map<String, Object> extra)
{
}
