package org.timestudy.testbed.truth;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.testbed.clock.ClockTruth;

/**
 * What the clock behind an address really does, as a scorer needs it: the simulated Internet's population, or a
 * whole lab (the population and the real servers on faked clocks).
 */
public interface GroundTruth
{
    /**
     * @param address IPv4 address as an int.
     * @return true when this truth covers the address.
     */
    boolean knows(int address);

    /**
     * @param address IPv4 address as an int.
     * @return the whole truth about it (allocates).
     */
    ClockTruth truth(int address);

    /**
     * @param address IPv4 address as an int.
     * @param fromNs  first observation, ns since 1970.
     * @param toNs    last observation, ns since 1970.
     * @return the class an observer can see in that window.
     */
    ClockClass classOver(int address, long fromNs, long toNs);

    /**
     * @param address IPv4 address as an int.
     * @param trueNs  true time, ns since 1970.
     * @return the offset without per-request noise, ns.
     */
    long expectedOffsetNs(int address, long trueNs);

    /**
     * @param address IPv4 address as an int.
     * @param trueNs  true time, ns since 1970.
     * @return R − 1 in ppm as measured in true time (−10^6 for a stopped clock).
     */
    double ratePpm(int address, long trueNs);
}
