package org.timestudy.engine.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registered probe types (ServiceLoader): zmap's probe_modules[] array.
 */
public final class ProbeRegistry
{
    private ProbeRegistry()
    {
    }

    /**
     * @return every registered probe type.
     */
    public static List<ProbeType> all()
    {
        final List<ProbeType> all = new ArrayList<>();
        ServiceLoader.load(ProbeType.class).forEach(all::add);
        return all;
    }

    /**
     * @param name CLI name.
     * @return the probe type.
     * @throws IllegalArgumentException naming the known ones.
     */
    public static ProbeType byName(final String name)
    {
        for (final ProbeType p : all())
        {
            if (p.name().equals(name))
            {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown probe '" + name + "'; known: " +
            all().stream().map(ProbeType::name).toList());
    }
}
