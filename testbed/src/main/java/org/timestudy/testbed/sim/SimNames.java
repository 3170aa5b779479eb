package org.timestudy.testbed.sim;

import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.lab.LabLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * Names in the lab zone that point at simulated addresses: {@code s0.sim.lab.test} to {@code s31.sim.lab.test},
 * name i with 1 + (i mod 4) A records, so round-robin names mix the clocks of several simulated servers. Derived
 * from the simulation's seed, nothing stored: the lab's dnsmasq serves them, tests and redirects use them.
 */
public final class SimNames
{
    /** Number of names. */
    public static final int COUNT = 32;
    /** The subdomain of the lab zone they live in. */
    public static final String DOMAIN = "sim." + LabLayout.ZONE;

    private SimNames()
    {
    }

    /**
     * @param i name number, 0 to {@link #COUNT} - 1.
     * @return the name.
     */
    public static String name(final int i)
    {
        return "s" + i + "." + DOMAIN;
    }

    /**
     * @param spec the simulation.
     * @param i    name number.
     * @return its addresses, in the simulated space.
     */
    public static List<Integer> addresses(final SimSpec spec, final int i)
    {
        final AddressRange space = AddressRange.parse(spec.space());
        final List<Integer> out = new ArrayList<>();
        long h = spec.seed() * 0x9E37_79B9_7F4A_7C15L + i;
        for (int j = 0; j <= i % 4; j++)
        {
            h = mix(h + j);
            final int a = space.first() + (int)Long.remainderUnsigned(h, space.size());
            if (!out.contains(a))
            {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * @param spec the simulation.
     * @return dnsmasq hosts-file lines ("address name") for every name.
     */
    public static List<String> hostsLines(final SimSpec spec)
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < COUNT; i++)
        {
            for (final int a : addresses(spec, i))
            {
                lines.add(Ipv4.format(a) + " " + name(i));
            }
        }
        return lines;
    }

    private static long mix(final long v)
    {
        long z = v + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
