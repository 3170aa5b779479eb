package org.timestudy.engine.send;

/**
 * What a scan probes, as the engine needs it: how many targets, one cursor per send thread, and the two address
 * checks of the receive and send paths. Built from the {@code targets} module.
 */
public interface TargetPlan
{
    /**
     * @return targets (address and port pairs) this shard sends to.
     */
    long targetCount();

    /**
     * @param thread  index of the send thread.
     * @param threads number of send threads.
     * @return that thread's cursor.
     */
    TargetCursor cursor(int thread, int threads);

    /**
     * @param address an IPv4 address.
     * @return true if it is a target of this scan (replies from elsewhere are dropped).
     */
    boolean inScan(int address);

    /**
     * The last guard: checked again for every target just before its frame is built.
     *
     * @param address an IPv4 address.
     * @return true when it must not receive anything.
     */
    boolean blocked(int address);

    /**
     * @return a stable text naming the targets, seed and sharding, so a resume of another scan is refused.
     */
    String fingerprint();

    /**
     * @return what blocklists are in force, for the summary.
     */
    String blocklistSummary();
}
