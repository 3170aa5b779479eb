package org.timestudy.bench.e2e;

import org.timestudy.testbed.lab.LabManifest;

import java.nio.file.Path;

/**
 * One run of one contender: what to scan, how fast, and where its files go.
 *
 * @param lab             the lab's manifest (namespaces, interfaces, addresses, MACs).
 * @param targets         CIDR of the targets, inside the lab's simulated space.
 * @param targetCount     addresses in it.
 * @param ratePps         requested probes per second, or {@link Double#POSITIVE_INFINITY} for the maximum.
 * @param probesPerTarget probes sent to each target over the run.
 * @param cooldownS       seconds each tool waits for late replies after its last probe.
 * @param seed            seed of the target order.
 * @param dir             the run's own directory (configs, outputs).
 */
public record RunPlan(
    LabManifest lab,
    String targets,
    long targetCount,
    double ratePps,
    int probesPerTarget,
    int cooldownS,
    long seed,
    Path dir)
{
    /**
     * @return true for a run at the maximum rate.
     */
    public boolean max()
    {
        return Double.isInfinite(ratePps);
    }

    /**
     * @return probes to send in the run.
     */
    public long probes()
    {
        return targetCount * probesPerTarget;
    }

    /**
     * @return the rate as the ladder names it ({@code 50k}, {@code max}).
     */
    public String rateLabel()
    {
        return RateLadder.label(ratePps);
    }
}
