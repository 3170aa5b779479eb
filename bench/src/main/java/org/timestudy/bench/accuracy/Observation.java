package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.clock.Method;

/**
 * What is known about one observed series besides its samples: whose it is and how it was scheduled. Mutable and
 * reused by {@link ObservationSource}s.
 */
public final class Observation
{
    int address;
    Method method = Method.NTP;
    long intervalNs;
    long spanNs;
    double missing;
    int burst;
    long firstNs;
    long lastNs;

    /**
     * @return the address (IPv4 as an int).
     */
    public int address()
    {
        return address;
    }

    /**
     * @return how it was probed.
     */
    public Method method()
    {
        return method;
    }

    /**
     * @return scheduled interval between samples, ns.
     */
    public long intervalNs()
    {
        return intervalNs;
    }

    /**
     * @return scheduled span, ns.
     */
    public long spanNs()
    {
        return spanNs;
    }

    /**
     * @return probability that a scheduled sample got no answer.
     */
    public double missing()
    {
        return missing;
    }

    /**
     * @return time of the first request, ns since 1970.
     */
    public long firstNs()
    {
        return firstNs;
    }

    /**
     * @return time of the last request, ns since 1970.
     */
    public long lastNs()
    {
        return lastNs;
    }

    /**
     * Sets everything a source knows; for sources outside this package (the lab-scan way).
     *
     * @param address    the address.
     * @param method     its method.
     * @param intervalNs mean interval between samples, ns.
     * @param firstNs    first request, ns since 1970.
     * @param lastNs     last request, ns since 1970.
     * @return this.
     */
    public Observation set(
        final int address, final Method method, final long intervalNs, final long firstNs, final long lastNs)
    {
        this.address = address;
        this.method = method;
        this.intervalNs = intervalNs;
        this.spanNs = lastNs - firstNs;
        this.firstNs = firstNs;
        this.lastNs = lastNs;
        return this;
    }
}
