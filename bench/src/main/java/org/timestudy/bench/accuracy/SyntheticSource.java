package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.SeriesBuffer;

/**
 * The synthetic way: consecutive addresses of a population, each observed once with one method by a
 * {@link SyntheticObserver}.
 */
public final class SyntheticSource implements ObservationSource
{
    private final SyntheticObserver observer;
    private final Method method;
    private final int firstAddress;
    private final int count;
    private int next;

    /**
     * @param observer     the observer.
     * @param method       the method every series uses.
     * @param firstAddress first address (IPv4 as an int).
     * @param count        number of consecutive addresses.
     */
    public SyntheticSource(
        final SyntheticObserver observer, final Method method, final int firstAddress, final int count)
    {
        this.observer = observer;
        this.method = method;
        this.firstAddress = firstAddress;
        this.count = count;
    }

    @Override
    public String name()
    {
        return "synthetic streams, " + method.label();
    }

    @Override
    public boolean next(final SeriesBuffer out, final Observation observation)
    {
        if (next >= count)
        {
            return false;
        }
        observer.observe(firstAddress + next++, method, out, observation);
        return true;
    }
}
