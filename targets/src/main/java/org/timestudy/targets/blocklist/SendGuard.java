package org.timestudy.targets.blocklist;

import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressSet;

/**
 * The last check before a probe leaves: is the address blocked by the default blocklist, a user blocklist, or the
 * opt-out list as it stands right now? The walk already skips the first two; the opt-out list can grow while a scan
 * runs, so the sender asks this guard for every target. Lock-free and allocation-free.
 */
public final class SendGuard
{
    private final AddressSet blocked;
    private final OptOutList optOut;

    private SendGuard(final AddressSet blocked, final OptOutList optOut)
    {
        this.blocked = blocked;
        this.optOut = optOut;
    }

    /**
     * @param space  the scan's targets (their default and user blocklists).
     * @param optOut the running opt-out list, or null for none.
     * @return the guard.
     */
    public static SendGuard of(final TargetSpace space, final OptOutList optOut)
    {
        return new SendGuard(space.blocked(), optOut);
    }

    /**
     * @param blocked addresses that are always blocked.
     * @param optOut  the running opt-out list, or null for none.
     * @return the guard.
     */
    public static SendGuard of(final AddressSet blocked, final OptOutList optOut)
    {
        return new SendGuard(blocked, optOut);
    }

    /**
     * @param address an IPv4 address about to be probed.
     * @return true if it must not be probed.
     */
    public boolean isBlocked(final int address)
    {
        return blocked.contains(address) || (optOut != null && optOut.isBlocked(address));
    }
}
