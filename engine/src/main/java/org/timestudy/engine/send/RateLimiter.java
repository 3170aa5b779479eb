package org.timestudy.engine.send;

/**
 * Paces sending to a rate in frames per second by exact token accounting: at time t, {@code floor(elapsed x rate)}
 * frames may have been sent since the rate was set. Rounding never accumulates, so any 10-second window is within
 * one frame of its share, at any rate from 1 pps to the maximum. A sender that was descheduled may catch up on at
 * most {@link #DEFAULT_MAX_CREDIT_NS} of missed frames (one batch per call, as fast as the kernel takes them); a
 * longer stall is forgotten rather than followed by a long burst. There is no zero-delay state: a rate of 0 or less
 * pauses, and unlimited sending must be asked for explicitly ({@link #UNLIMITED}).
 */
public final class RateLimiter
{
    /** Rate value meaning "as fast as the kernel takes frames". */
    public static final double UNLIMITED = Double.POSITIVE_INFINITY;
    /** Most sending time a stalled sender may make up for, ns. */
    public static final long DEFAULT_MAX_CREDIT_NS = 1_000_000_000L;

    private final int maxBurst;
    private final long maxCreditNs;
    private double ratePps;
    private long baseNs;
    private long sentSinceBase;

    /**
     * @param ratePps  frames per second, or {@link #UNLIMITED}.
     * @param maxBurst most frames allowed at once (the batch size).
     * @param nowNs    current monotonic time.
     */
    public RateLimiter(final double ratePps, final int maxBurst, final long nowNs)
    {
        this(ratePps, maxBurst, DEFAULT_MAX_CREDIT_NS, nowNs);
    }

    /**
     * @param ratePps     frames per second, or {@link #UNLIMITED}.
     * @param maxBurst    most frames allowed at once (the batch size).
     * @param maxCreditNs most missed sending time to make up for after a stall.
     * @param nowNs       current monotonic time.
     */
    public RateLimiter(final double ratePps, final int maxBurst, final long maxCreditNs, final long nowNs)
    {
        this.maxBurst = maxBurst;
        this.maxCreditNs = maxCreditNs;
        rate(ratePps, nowNs);
    }

    /**
     * Changes the rate from now on.
     *
     * @param ratePps frames per second, or {@link #UNLIMITED}; NaN is refused.
     * @param nowNs   current monotonic time.
     */
    public void rate(final double ratePps, final long nowNs)
    {
        if (Double.isNaN(ratePps))
        {
            throw new IllegalArgumentException("rate is NaN");
        }
        this.ratePps = ratePps;
        this.baseNs = nowNs;
        this.sentSinceBase = 0;
    }

    /**
     * @return the rate in frames per second.
     */
    public double rate()
    {
        return ratePps;
    }

    /**
     * @param nowNs current monotonic time.
     * @return frames that may be sent now, 0 to the max burst.
     */
    public int available(final long nowNs)
    {
        if (ratePps == UNLIMITED)
        {
            return maxBurst;
        }
        if (!(ratePps > 0))
        {
            return 0;
        }
        final long due = (long)Math.floor((nowNs - baseNs) * ratePps / 1e9);
        final long maxCredit = Math.max(maxBurst, (long)(maxCreditNs * ratePps / 1e9));
        if (due - sentSinceBase > maxCredit)
        {
            // A long stall: forget what is beyond the credit limit instead of bursting for seconds.
            sentSinceBase = due - maxCredit;
        }
        return (int)Math.max(0, Math.min(maxBurst, due - sentSinceBase));
    }

    /**
     * Records frames sent.
     *
     * @param frames sent since the last call.
     */
    public void sent(final int frames)
    {
        sentSinceBase += frames;
    }

    /**
     * @param nowNs current monotonic time.
     * @return ns until the next frame is due (0 if one is due now), for idling.
     */
    public long nanosUntilNext(final long nowNs)
    {
        if (ratePps == UNLIMITED)
        {
            return 0;
        }
        if (!(ratePps > 0))
        {
            return 100_000_000L;
        }
        final long dueAtNs = baseNs + (long)Math.ceil((sentSinceBase + 1) * 1e9 / ratePps);
        return Math.max(0, dueAtNs - nowNs);
    }
}
