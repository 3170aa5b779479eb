package org.timestudy.engine.probe;

/**
 * What the engine knows about a validated reply, handed to {@link ProbeReceiver#encode}. One mutable instance per
 * capture thread.
 */
public final class ReplyContext
{
    /** Scan id. */
    public long scanId;
    /** T1: the probe left, ns since 1970 (0 when unknown). */
    public long t1EpochNs;
    /** T4: the reply arrived (kernel capture timestamp), ns since 1970. */
    public long t4EpochNs;
    /** Journal flags known to the engine (T1 source). */
    public int flags;
    /** Which probe of the target this answers. */
    public int probeIndex;
}
