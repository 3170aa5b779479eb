package org.timestudy.engine.capture;

/**
 * T1 of recent probes, by sequence number, in a fixed ring: the capture agent records the kernel timestamp of each
 * outgoing probe it sees, and looks it up when the reply's cookie gives back the sequence number. It also marks
 * answered probes, which catches duplicates. One thread only (capture).
 *
 * <p>Memory is bounded: {@code 16 bytes x capacity}, sized by the scan as rate x cooldown rounded up to a power of
 * two (e.g. 250 k pps x 8 s = 2^21 slots = 32 MiB; 1 M pps x 8 s = 2^23 slots = 128 MiB). A probe older than
 * {@code capacity} sends has been overwritten: its reply still validates, with T1 missing.
 */
public final class T1Ring
{
    private static final long ANSWERED = 1L << 63;

    private final long[] keys;
    private final long[] t1;
    private final int mask;

    /**
     * @param capacity slots, rounded up to a power of two.
     */
    public T1Ring(final int capacity)
    {
        final int size = Integer.highestOneBit(Math.max(1024, capacity - 1)) << 1;
        this.keys = new long[size];
        this.t1 = new long[size];
        this.mask = size - 1;
    }

    /**
     * @param rateFramesPerSecond send rate.
     * @param windowSeconds       how long a probe's T1 must be kept (the cooldown).
     * @return capacity for that rate and window, at most 2^26.
     */
    public static int capacityFor(final double rateFramesPerSecond, final double windowSeconds)
    {
        final double n = Math.ceil(Math.max(1, rateFramesPerSecond) * Math.max(1, windowSeconds));
        return (int)Math.min(1 << 26, n);
    }

    /**
     * @return slots in the ring.
     */
    public int capacity()
    {
        return keys.length;
    }

    /**
     * Records the kernel timestamp of an outgoing probe.
     *
     * @param sequence the probe's sequence number (from its cookie).
     * @param t1EpochNs when it left, ns since 1970.
     */
    public void onOutgoing(final long sequence, final long t1EpochNs)
    {
        final int slot = (int)sequence & mask;
        keys[slot] = sequence + 1;
        t1[slot] = t1EpochNs;
    }

    /**
     * Marks a probe answered.
     *
     * @param sequence the probe's sequence number.
     * @return false when it was already answered (a duplicate reply).
     */
    public boolean markAnswered(final long sequence)
    {
        final int slot = (int)sequence & mask;
        final long key = keys[slot];
        if ((key & ~ANSWERED) == sequence + 1)
        {
            if ((key & ANSWERED) != 0)
            {
                return false;
            }
            keys[slot] = key | ANSWERED;
            return true;
        }
        keys[slot] = (sequence + 1) | ANSWERED;
        t1[slot] = 0;
        return true;
    }

    /**
     * @param sequence the probe's sequence number.
     * @return its T1 in ns since 1970, or 0 if it was not captured (or was overwritten).
     */
    public long t1(final long sequence)
    {
        final int slot = (int)sequence & mask;
        return (keys[slot] & ~ANSWERED) == sequence + 1 ? t1[slot] : 0;
    }
}
