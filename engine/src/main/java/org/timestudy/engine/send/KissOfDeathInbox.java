package org.timestudy.engine.send;

import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * Tells one send thread about Kiss-o'-Death replies the capture thread saw. DENY and RSTR: never probe that address
 * again in this run. RATE: back off, skipping the address for 1, 2, 4... rounds. The capture thread offers; the
 * send thread drains into its own map, so neither shares mutable state. Offers that do not fit are counted.
 */
public final class KissOfDeathInbox
{
    /** Kind: stop probing (DENY, RSTR). */
    public static final int STOP = 1;
    /** Kind: back off (RATE). */
    public static final int BACK_OFF = 2;

    private static final int NEVER = Integer.MAX_VALUE;

    private final OneToOneConcurrentArrayQueue<Long> queue = new OneToOneConcurrentArrayQueue<>(4096);
    private final Int2IntHashMap untilRound = new Int2IntHashMap(-1);
    private final Int2IntHashMap rateHits = new Int2IntHashMap(0);
    private long failedOffers;

    /**
     * Capture thread: reports a kiss.
     *
     * @param address who sent it.
     * @param kind    {@link #STOP} or {@link #BACK_OFF}.
     * @return false if the inbox was full.
     */
    public boolean offer(final int address, final int kind)
    {
        final boolean ok = queue.offer(((long)address << 8) | kind);
        if (!ok)
        {
            failedOffers++;
        }
        return ok;
    }

    /**
     * @return offers refused because the inbox was full (capture thread's count).
     */
    public long failedOffers()
    {
        return failedOffers;
    }

    /**
     * Send thread: takes in what arrived.
     *
     * @param currentRound the round being sent.
     * @return kisses drained.
     */
    public int drain(final long currentRound)
    {
        int n = 0;
        Long item;
        while ((item = queue.poll()) != null)
        {
            final int address = (int)(item >> 8);
            final int kind = (int)(item & 0xFF);
            if (kind == STOP)
            {
                untilRound.put(address, NEVER);
            }
            else
            {
                final int hits = rateHits.get(address) + 1;
                rateHits.put(address, hits);
                final long until = currentRound + (1L << Math.min(hits - 1, 20));
                if (untilRound.get(address) != NEVER)
                {
                    untilRound.put(address, (int)Math.min(NEVER - 1, until));
                }
            }
            n++;
        }
        return n;
    }

    /**
     * Send thread: whether to skip an address in a round.
     *
     * @param address target.
     * @param round   current round.
     * @return true to skip it.
     */
    public boolean skip(final int address, final long round)
    {
        final int until = untilRound.get(address);
        return until >= 0 && round <= until;
    }
}
