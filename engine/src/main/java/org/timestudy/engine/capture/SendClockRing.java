package org.timestudy.engine.capture;

/**
 * The user-space clock reading taken just before each probe's batch went to {@code sendmmsg}, by sequence number.
 * Send threads write (each its own sequence numbers), the capture thread reads. It gives T1 when the outgoing frame
 * was not captured, and measures how far the kernel's capture timestamp lies from it. Plain array: a racy read is
 * detected by the sequence check in {@link T1Ring} users and by plausibility, never trusted blindly.
 */
public final class SendClockRing
{
    private final long[] clockNs;
    private final int mask;

    /**
     * @param capacity slots, rounded up to a power of two (use the T1 ring's capacity).
     */
    public SendClockRing(final int capacity)
    {
        final int size = Integer.highestOneBit(Math.max(1024, capacity - 1)) << 1;
        this.clockNs = new long[size];
        this.mask = size - 1;
    }

    /**
     * Send thread: records the clock for a probe.
     *
     * @param sequence probe's sequence number.
     * @param epochNs  clock read before the batch was sent, ns since 1970.
     */
    public void put(final long sequence, final long epochNs)
    {
        clockNs[(int)sequence & mask] = epochNs;
    }

    /**
     * Capture thread: the clock recorded for a probe (may belong to a probe {@code capacity} sequences older).
     *
     * @param sequence probe's sequence number.
     * @return ns since 1970, or 0.
     */
    public long get(final long sequence)
    {
        return clockNs[(int)sequence & mask];
    }
}
