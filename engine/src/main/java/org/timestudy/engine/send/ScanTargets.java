package org.timestudy.engine.send;

import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.blocklist.OptOutList;
import org.timestudy.targets.blocklist.SendGuard;
import org.timestudy.targets.permute.ScanOrder;

/**
 * What a scan probes, from the {@code targets} module: the target space, this shard's order over it, and the guard
 * checked again for every target just before its frame is built.
 *
 * @param space   allowed targets (address and port pairs).
 * @param order   this shard's walk order (seed, shards, max targets).
 * @param guard   default, user and opt-out blocklists, checked at send time.
 * @param optOut  the running opt-out list, or null.
 * @param summary what blocklists are in force, for people.
 */
public record ScanTargets(TargetSpace space, ScanOrder order, SendGuard guard, OptOutList optOut, String summary)
{
    /**
     * @param address an IPv4 address.
     * @return true if it is a target of this scan (replies from elsewhere are dropped).
     */
    public boolean inScan(final int address)
    {
        return space.addresses().contains(address);
    }

    /**
     * The last guard.
     *
     * @param address an IPv4 address about to be probed.
     * @return true when it must not receive anything.
     */
    public boolean blocked(final int address)
    {
        return guard.isBlocked(address);
    }

    /**
     * @return targets of this shard, over all its threads (at most {@code --max-targets}).
     */
    public long shardTargets()
    {
        final long all = order.space().size();
        final long share = all / order.shards() + (order.shard() < all % order.shards() ? 1 : 0);
        return order.maxTargets() == 0 ? share : Math.min(share, order.limitOf(0, 1));
    }
}
