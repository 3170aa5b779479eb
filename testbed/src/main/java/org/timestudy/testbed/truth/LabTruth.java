package org.timestudy.testbed.truth;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.ClockTruth;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;
import org.timestudy.testbed.lab.FakeClock;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.ServerKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a whole lab, from its manifest: the simulated Internet's population for its space, and the
 * real NTP servers (chronyd, ntpsec) on their faked clocks. A real server's class follows its clock: the real clock
 * is SYNCED, a constant offset OFFSET (SYNCED within NTP's τ of 0.1 s), a rate other than 1 DRIFT, a frozen or
 * almost frozen clock STUCK; none of them changes behaviour.
 */
public final class LabTruth implements GroundTruth
{
    private static final double NANOS = 1e9;

    private final Population population;
    private final int simFirst;
    private final long simSize;
    private final Map<Integer, LabManifest.Server> servers = new HashMap<>();

    private LabTruth(final LabManifest manifest)
    {
        if (manifest.simulation() != null)
        {
            population = manifest.simulation().spec().population();
            final AddressRange range = AddressRange.parse(manifest.simulation().spec().space());
            simFirst = range.first();
            simSize = range.size();
        }
        else
        {
            population = null;
            simFirst = 0;
            simSize = 0;
        }
        for (final LabManifest.Server s : manifest.servers())
        {
            if (s.kind() == ServerKind.CHRONY || s.kind() == ServerKind.NTPSEC)
            {
                servers.put(Ipv4.parse(s.address()), s);
            }
        }
    }

    /**
     * @param manifest a lab's manifest.
     * @return its truth.
     */
    public static LabTruth of(final LabManifest manifest)
    {
        return new LabTruth(manifest);
    }

    /**
     * @return the real NTP servers, by address.
     */
    public Map<Integer, LabManifest.Server> servers()
    {
        return Map.copyOf(servers);
    }

    /** {@inheritDoc} */
    @Override
    public boolean knows(final int address)
    {
        return inSimulation(address) || servers.containsKey(address);
    }

    /** {@inheritDoc} */
    @Override
    public ClockTruth truth(final int address)
    {
        if (inSimulation(address))
        {
            return population.truth(address);
        }
        final LabManifest.Server s = server(address);
        final FakeClock c = s.clock();
        final ClockClass kind = classOf(c);
        final long offsetNs = Math.round(c.offsetSecondsAt(s.startedAtEpochNs(), s.startedAtEpochNs()) * NANOS);
        final int subTags = kind == ClockClass.OFFSET ? Population.offsetSubTags(offsetNs) : 0;
        final long frozenAtNs = kind == ClockClass.STUCK ? c.frozenAtEpochSeconds() * 1_000_000_000L : Long.MIN_VALUE;
        final ClockTruth.Model model = new ClockTruth.Model(kind, subTags, offsetNs / NANOS, rate(c), Long.MIN_VALUE,
            0, false, frozenAtNs, 0, 1);
        return new ClockTruth(address, kind, model, null, Long.MIN_VALUE, List.of(), Response.NORMAL,
            Response.NORMAL, DateForm.IMF_FIXDATE, 1, s.startedAtEpochNs());
    }

    /** {@inheritDoc} */
    @Override
    public ClockClass classOver(final int address, final long fromNs, final long toNs)
    {
        return inSimulation(address) ? population.classOver(address, fromNs, toNs) : classOf(server(address).clock());
    }

    /** {@inheritDoc} */
    @Override
    public long expectedOffsetNs(final int address, final long trueNs)
    {
        if (inSimulation(address))
        {
            return population.expectedOffsetNs(address, trueNs);
        }
        final LabManifest.Server s = server(address);
        return Math.round(s.offsetSecondsAt(trueNs) * NANOS);
    }

    /** {@inheritDoc} */
    @Override
    public double ratePpm(final int address, final long trueNs)
    {
        return inSimulation(address) ? population.ratePpm(address, trueNs) : rate(server(address).clock());
    }

    private boolean inSimulation(final int address)
    {
        return population != null && Integer.toUnsignedLong(address - simFirst) < simSize;
    }

    private LabManifest.Server server(final int address)
    {
        final LabManifest.Server s = servers.get(address);
        if (s == null)
        {
            throw new IllegalArgumentException("no lab truth for " + Ipv4.format(address));
        }
        return s;
    }

    private static ClockClass classOf(final FakeClock c)
    {
        return switch (c.model())
        {
            case REAL -> ClockClass.SYNCED;
            case OFFSET -> Math.abs(c.offsetSeconds()) * NANOS <= Method.NTP.toleranceNs() ? ClockClass.SYNCED :
                ClockClass.OFFSET;
            case RATE -> ClockClass.DRIFT;
            case FROZEN, NEAR_FROZEN -> ClockClass.STUCK;
        };
    }

    private static double rate(final FakeClock c)
    {
        return switch (c.model())
        {
            case RATE, NEAR_FROZEN -> (c.rate() - 1) * 1e6;
            case FROZEN -> -1e6;
            default -> 0;
        };
    }
}
