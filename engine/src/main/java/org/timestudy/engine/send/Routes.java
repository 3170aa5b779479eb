package org.timestudy.engine.send;

import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.nativeio.NetworkInterfaceInfo;
import org.timestudy.targets.address.Ipv4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The next hop towards the targets, from the kernel's routing and neighbour tables ({@code /proc/net/route},
 * {@code /proc/net/arp}): which interface, which gateway, and the gateway's MAC. The engine sends every frame to that
 * MAC; targets are never resolved on-link (ARP per target would overflow the neighbour table).
 *
 * @param interfaceName interface of the route.
 * @param gateway       gateway address (0 when the route is on-link).
 */
public record Routes(String interfaceName, int gateway)
{
    /**
     * Finds the route the kernel would use for an address.
     *
     * @param address a target.
     * @return its route.
     * @throws EnvironmentNotReadyException when there is no route.
     */
    public static Routes to(final int address)
    {
        final List<String> lines = read(Path.of("/proc/net/route"));
        String bestIf = null;
        int bestGateway = 0;
        int bestPrefix = -1;
        for (final String line : lines.subList(Math.min(1, lines.size()), lines.size()))
        {
            final String[] f = line.trim().split("\\s+");
            if (f.length < 8)
            {
                continue;
            }
            final int destination = Integer.reverseBytes((int)Long.parseLong(f[1], 16));
            final int gateway = Integer.reverseBytes((int)Long.parseLong(f[2], 16));
            final int mask = Integer.reverseBytes((int)Long.parseLong(f[7], 16));
            final int prefix = Integer.bitCount(mask);
            if ((address & mask) == destination && prefix > bestPrefix)
            {
                bestIf = f[0];
                bestGateway = gateway;
                bestPrefix = prefix;
            }
        }
        if (bestIf == null)
        {
            throw new EnvironmentNotReadyException("no route to " + Ipv4.format(address) + " here (see `ip route`)");
        }
        return new Routes(bestIf, bestGateway);
    }

    /**
     * The MAC of a neighbour, from the kernel's table.
     *
     * @param interfaceName interface.
     * @param address       neighbour's address.
     * @return its MAC.
     * @throws EnvironmentNotReadyException when the kernel has no complete entry: pass --gateway-mac, or make the
     *         kernel resolve it (e.g. one ping).
     */
    public static byte[] neighbourMac(final String interfaceName, final int address)
    {
        final String ip = Ipv4.format(address);
        for (final String line : read(Path.of("/proc/net/arp")))
        {
            final String[] f = line.trim().split("\\s+");
            // IP address, HW type, Flags (0x2 = complete), HW address, Mask, Device
            if (f.length >= 6 && f[0].equals(ip) && f[5].equals(interfaceName) &&
                (Integer.decode(f[2]) & 0x2) != 0)
            {
                return NetworkInterfaceInfo.parseMac(f[3]);
            }
        }
        throw new EnvironmentNotReadyException("no neighbour entry for gateway " + ip + " on " + interfaceName +
            ": pass --gateway-mac, or let the kernel resolve it first (e.g. `ping -c1 " + ip + "`)");
    }

    private static List<String> read(final Path p)
    {
        try
        {
            return Files.readAllLines(p);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
