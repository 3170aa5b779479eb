package org.timestudy.testbed.sim;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.PopulationMix;

/**
 * How a lab's simulated Internet is made, recorded in the lab manifest so anyone can rebuild its ground truth.
 *
 * @param seed      the population's seed.
 * @param mix       preset name: {@code lab} (behaviours shown within minutes), {@code survey} (published shares,
 *                  real time), {@code balanced} (every clock class equally) or {@code bench} (every request answered
 *                  normally, by clocks whose time is a function of true time alone: see {@link #BENCH}).
 * @param space     CIDR of the simulated space.
 * @param epochNs   the population's epoch (model time 0), ns since 1970.
 * @param timescale model seconds per true second (rates and periods run this much faster).
 */
public record SimSpec(long seed, String mix, String space, long epochNs, double timescale)
{
    /**
     * The benchmarks' preset: every server answers every NTP request normally (no silence, kiss, rate limit,
     * delay, malformed or spoofed reply), and no clock depends on the request number (no multi-clock or erratic
     * clock, no behaviour change), so a scanner's recorded T2 and T3 can be checked against the truth at the
     * time it recorded the reply. Run it in real time (timescale 1).
     */
    public static final String BENCH = "bench";

    /** Model seconds per true second in the {@code lab} preset: one lab minute is about 17 model hours. */
    public static final double LAB_TIMESCALE = 1000;

    /**
     * The benchmarks' preset ({@link #BENCH}) in real time.
     *
     * @param seed    seed.
     * @param space   CIDR.
     * @param epochNs when the lab came up.
     * @return the spec.
     */
    public static SimSpec bench(final long seed, final String space, final long epochNs)
    {
        return new SimSpec(seed, BENCH, space, epochNs, 1);
    }

    /**
     * The lab preset: published shares of behaviours, every behaviour visible within minutes.
     *
     * @param seed    seed.
     * @param space   CIDR.
     * @param epochNs when the lab came up.
     * @return the spec.
     */
    public static SimSpec lab(final long seed, final String space, final long epochNs)
    {
        return new SimSpec(seed, "lab", space, epochNs, LAB_TIMESCALE);
    }

    /**
     * @return the population this spec describes.
     */
    public Population population()
    {
        final PopulationMix m = new PopulationMix().epochNs(epochNs).timescale(timescale);
        return switch (mix)
        {
            case "lab", "survey" -> Population.of(seed, m);
            case "balanced" -> Population.of(seed, m.balancedClasses());
            case BENCH -> Population.of(seed, m.allNormal().classWeight(ClockClass.MULTI_CLOCK, 0)
                .classWeight(ClockClass.ERRATIC, 0).changeShare(0));
            default -> throw new IllegalArgumentException("unknown population mix '" + mix + "' (lab, survey, " +
                "balanced, bench)");
        };
    }
}
