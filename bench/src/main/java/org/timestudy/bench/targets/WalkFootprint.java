package org.timestudy.bench.targets;

import org.openjdk.jol.info.GraphLayout;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.TargetSpaceBuilder;
import org.timestudy.targets.permute.ScanOrder;
import org.timestudy.targets.permute.Walk;

/**
 * Prints the heap a full IPv4 walk holds (deep size by JOL, shared objects counted once): the target space with the
 * default blocklist, the scan order, and the walks of N sender threads. No per-target state exists, so the figure
 * does not grow with the space. Usage: {@code WalkFootprint [threads]}.
 */
public final class WalkFootprint
{
    private WalkFootprint()
    {
    }

    /**
     * @param args optional sender thread count (default 4).
     */
    public static void main(final String[] args)
    {
        final int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        final TargetSpace space = new TargetSpaceBuilder().target("0.0.0.0/0").build();
        final ScanOrder order = ScanOrder.of(space, 1);
        final Walk[] walks = new Walk[threads];
        for (int t = 0; t < threads; t++)
        {
            walks[t] = order.walk(t, threads);
        }
        final GraphLayout spaceLayout = GraphLayout.parseInstance(space);
        final GraphLayout oneWalk = GraphLayout.parseInstance(walks[0]);
        final GraphLayout all = GraphLayout.parseInstance(order, walks);
        System.out.printf("targets                     %,d in %d ranges%n",
            space.size(), space.addresses().rangeCount());
        System.out.printf("target space (deep)         %,d bytes%n", spaceLayout.totalSize());
        System.out.printf("one walk (deep, with space) %,d bytes%n", oneWalk.totalSize());
        System.out.printf("order + %d walks (deep)      %,d bytes%n", threads, all.totalSize());
        System.out.println(all.toFootprint());
    }
}
