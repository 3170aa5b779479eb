package org.timestudy.targets.resume;

import org.timestudy.targets.permute.ScanOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * What must match for a saved position to mean the same thing on resume: the seed, the target space (its size and
 * digest), the {@code --max-targets} limit, the sharding and this machine's sender thread count.
 *
 * @param seed         the scan's seed.
 * @param targets      number of targets in the space.
 * @param targetDigest {@link org.timestudy.targets.TargetSpace#digest()}.
 * @param maxTargets   most targets over all shards, 0 for no limit.
 * @param shards       number of shards.
 * @param shard        this shard.
 * @param threads      sender threads of this shard.
 */
public record ScanFingerprint(
    long seed, long targets, long targetDigest, long maxTargets, int shards, int shard, int threads)
{
    /**
     * @param order   the shard's scan order.
     * @param threads its sender threads.
     * @return the fingerprint of that scan.
     */
    public static ScanFingerprint of(final ScanOrder order, final int threads)
    {
        return new ScanFingerprint(order.seed(), order.space().size(), order.space().digest(), order.maxTargets(),
            order.shards(), order.shard(), threads);
    }

    /**
     * @param saved the fingerprint a resume file was made with.
     * @return null if a scan with this fingerprint may resume from it, else what differs.
     */
    public String mismatch(final ScanFingerprint saved)
    {
        final List<String> diffs = new ArrayList<>();
        differ(diffs, "seed", saved.seed, seed);
        differ(diffs, "number of targets", saved.targets, targets);
        if (saved.targets == targets && saved.targetDigest != targetDigest)
        {
            diffs.add("target set (same size, different addresses or ports)");
        }
        differ(diffs, "--max-targets", saved.maxTargets, maxTargets);
        differ(diffs, "--shards", saved.shards, shards);
        differ(diffs, "--shard", saved.shard, shard);
        differ(diffs, "sender threads", saved.threads, threads);
        return diffs.isEmpty() ? null : String.join("; ", diffs);
    }

    private static void differ(final List<String> diffs, final String what, final long saved, final long now)
    {
        if (saved != now)
        {
            diffs.add(what + " was " + saved + ", is " + now);
        }
    }
}
