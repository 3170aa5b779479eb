package org.timestudy.engine.probe.http;

import org.timestudy.http.HttpOffset;

/**
 * Precision mode's arithmetic: htpdate's boundary timing (SCIENCE.md section 1), as a bisection of the bracket on
 * the server's offset θ. Every reading (Date D for a request sent at T1 and answered at T4) bounds θ to
 * {@code [D - T4, D + 1 - T1]}; the search intersects these brackets and times the next request so that the server
 * stamps it when its second ticks over if θ were the bracket's middle: whichever second comes back, one half of the
 * bracket is ruled out. So the bracket halves per request (1 s, 500 ms, 250 ms, ...) down to the round-trip time,
 * and the bound holds whatever the timing: a late request only makes a step count less.
 *
 * <p>A clock that is stuck, cached or several clocks behind one address gives brackets that do not meet: the search
 * then stops as {@link #inconsistent()}.
 */
public final class BoundarySearch
{
    private static final long SECOND_NS = 1_000_000_000L;

    private final int maxRequests;
    private final long goalHalfWidthNs;
    private long lowNs;
    private long highNs;
    private int readings;
    private long lastRttNs;
    private boolean inconsistent;

    /**
     * @param maxRequests     most readings before the search stops.
     * @param goalHalfWidthNs stop once the bracket's half-width is at most this, ns.
     */
    public BoundarySearch(final int maxRequests, final long goalHalfWidthNs)
    {
        this.maxRequests = maxRequests;
        this.goalHalfWidthNs = goalHalfWidthNs;
        reset();
    }

    /** Starts a new search. */
    public void reset()
    {
        lowNs = HttpOffset.NONE_LOW;
        highNs = HttpOffset.NONE_HIGH;
        readings = 0;
        lastRttNs = 0;
        inconsistent = false;
    }

    /**
     * Takes one reading.
     *
     * @param dateEpochSec the Date, seconds since 1970.
     * @param t1EpochNs    request sent, ns since 1970.
     * @param t4EpochNs    response received, ns since 1970.
     */
    public void onReading(final long dateEpochSec, final long t1EpochNs, final long t4EpochNs)
    {
        readings++;
        lastRttNs = Math.max(0, t4EpochNs - t1EpochNs);
        lowNs = Math.max(lowNs, HttpOffset.lowNs(dateEpochSec, t4EpochNs));
        highNs = Math.min(highNs, HttpOffset.highNs(dateEpochSec, t1EpochNs));
        if (lowNs > highNs)
        {
            inconsistent = true;
        }
    }

    /**
     * @return true when no more requests are needed: the goal is met, the request budget is spent, or the readings
     *         contradict each other.
     */
    public boolean finished()
    {
        return inconsistent || readings >= maxRequests || (readings > 0 && halfWidthNs() <= goalHalfWidthNs);
    }

    /**
     * When to send the next request: so that it reaches the server (half a round trip after T1) when the server's
     * second ticks over if θ is the bracket's middle, at least {@code minGapNs} from now.
     *
     * @param nowEpochNs current time, ns since 1970.
     * @param minGapNs   least wait, ns.
     * @return the send time, ns since 1970.
     */
    public long nextSendEpochNs(final long nowEpochNs, final long minGapNs)
    {
        final long middle = lowNs / 2 + highNs / 2;
        final long earliestStamp = nowEpochNs + minGapNs + lastRttNs / 2;
        // The stamp t must satisfy t + middle = k seconds: t = k s - middle, the first such t >= earliestStamp.
        final long k = Math.floorDiv(earliestStamp + middle, SECOND_NS) + 1;
        return k * SECOND_NS - middle - lastRttNs / 2;
    }

    /**
     * @return the bracket's lower bound, ns.
     */
    public long lowNs()
    {
        return lowNs;
    }

    /**
     * @return the bracket's upper bound, ns.
     */
    public long highNs()
    {
        return highNs;
    }

    /**
     * @return half the bracket's width, ns (the estimate's error bound).
     */
    public long halfWidthNs()
    {
        return inconsistent ? Long.MAX_VALUE : (highNs - lowNs) / 2;
    }

    /**
     * @return readings taken.
     */
    public int readings()
    {
        return readings;
    }

    /**
     * @return true when the readings contradict one steady clock.
     */
    public boolean inconsistent()
    {
        return inconsistent;
    }
}
