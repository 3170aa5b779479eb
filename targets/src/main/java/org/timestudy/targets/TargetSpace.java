package org.timestudy.targets;

import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.address.Ipv6Prefix;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * What an IPv4 sweep probes: the allowed addresses (targets, within the allowlist, less every blocklist) times the
 * ports. Target i is address {@code addressAt(i / ports)} on port {@code ports[i % ports]}; the walk permutes
 * these indices. Immutable; built by {@link TargetSpaceBuilder}.
 */
public final class TargetSpace
{
    private final AddressSet addresses;
    private final int[] ports;
    private final List<Ipv6Prefix> ipv6Targets;
    private final AddressSet blocked;
    private final long size;
    private final long digest;

    TargetSpace(
        final AddressSet addresses,
        final int[] ports,
        final List<Ipv6Prefix> ipv6Targets,
        final AddressSet blocked)
    {
        if (ports.length == 0)
        {
            throw new IllegalArgumentException("at least one port");
        }
        this.addresses = addresses;
        this.ports = ports.clone();
        this.ipv6Targets = List.copyOf(ipv6Targets);
        this.blocked = blocked;
        this.size = Math.multiplyExact(addresses.size(), (long)ports.length);
        this.digest = digestOf(addresses, this.ports);
    }

    /**
     * A space over given addresses and ports, with no blocklist applied; for tests and benchmarks.
     *
     * @param addresses allowed addresses.
     * @param ports     ports, each 0-65535.
     * @return the space.
     */
    public static TargetSpace of(final AddressSet addresses, final int... ports)
    {
        for (final int p : ports)
        {
            if (p < 0 || p > 65535)
            {
                throw new TargetInputException("port must be 0-65535: " + p);
            }
        }
        return new TargetSpace(addresses, ports, List.of(), AddressSet.EMPTY);
    }

    /**
     * @return the allowed IPv4 addresses.
     */
    public AddressSet addresses()
    {
        return addresses;
    }

    /**
     * @return number of ports each address is probed on.
     */
    public int portCount()
    {
        return ports.length;
    }

    /**
     * @param i port number, 0 to {@link #portCount()} - 1.
     * @return that port.
     */
    public int port(final int i)
    {
        return ports[i];
    }

    /**
     * @return a copy of the ports.
     */
    public int[] ports()
    {
        return ports.clone();
    }

    /**
     * @return number of targets: allowed addresses x ports.
     */
    public long size()
    {
        return size;
    }

    /**
     * @param targetIndex 0 to {@link #size()} - 1.
     * @return the target's address.
     */
    public int addressOf(final long targetIndex)
    {
        return ports.length == 1 ? addresses.addressAt(targetIndex) : addresses.addressAt(targetIndex / ports.length);
    }

    /**
     * @param targetIndex 0 to {@link #size()} - 1.
     * @return the target's port.
     */
    public int portOf(final long targetIndex)
    {
        return ports.length == 1 ? ports[0] : ports[(int)(targetIndex % ports.length)];
    }

    /**
     * @return IPv6 entries of the target lists: kept for hostname mode, not swept.
     */
    public List<Ipv6Prefix> ipv6Targets()
    {
        return ipv6Targets;
    }

    /**
     * @return the IPv4 addresses removed by the default and user blocklists (the send-time guard checks them again).
     */
    public AddressSet blocked()
    {
        return blocked;
    }

    /**
     * @return a 64-bit digest of the allowed addresses and ports: equal spaces have equal digests, on any machine.
     */
    public long digest()
    {
        return digest;
    }

    @Override
    public String toString()
    {
        return addresses.size() + " addresses x " + Arrays.toString(ports) + " = " + size + " targets";
    }

    private static long digestOf(final AddressSet addresses, final int[] ports)
    {
        try
        {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            final ByteBuffer b = ByteBuffer.allocate(8);
            for (int i = 0; i < addresses.rangeCount(); i++)
            {
                final AddressRange r = addresses.range(i);
                b.clear();
                sha.update(b.putInt(r.first()).putInt(r.last()).flip());
            }
            for (final int p : ports)
            {
                b.clear();
                sha.update(b.putInt(-1).putInt(p).flip());
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is in every JDK", ex);
        }
    }
}
