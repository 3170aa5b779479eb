package org.timestudy.targets.permute;

import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.TargetSpace;

/**
 * The order of one shard of a scan: from the seed, a primitive root g of the {@link CyclicGroup} above the target
 * space and a starting exponent. Step k of the whole scan visits element g^(offset + k) mod p, which stands for
 * target g^(offset + k) - 1 when that is below the number of targets (otherwise the step is skipped).
 *
 * <p>Shards and threads split the steps, as zmap does: shard i of N takes the steps k = i (mod N), and thread t of
 * that shard's T threads takes k = i + N*t (mod N*T). Machines that share the seed and target space but run
 * different thread counts still split exactly: over all shards and threads every target is visited once.
 *
 * <p>{@code --max-targets} is split the same way: the shard gets an equal share (the first shards one more), and
 * each thread an equal share of its shard's.
 */
public final class ScanOrder
{
    private final TargetSpace space;
    private final CyclicGroup group;
    private final long seed;
    private final long generator;
    private final long offset;
    private final int shards;
    private final int shard;
    private final long maxTargets;

    private ScanOrder(
        final TargetSpace space, final long seed, final int shards, final int shard, final long maxTargets)
    {
        if (shards < 1 || shard < 0 || shard >= shards)
        {
            throw new TargetInputException("shard must be 0 to shards - 1 and shards at least 1: shard " + shard +
                " of " + shards);
        }
        if (maxTargets < 0)
        {
            throw new TargetInputException("max targets must be 0 (no limit) or positive: " + maxTargets);
        }
        if (space.size() == 0)
        {
            throw new TargetInputException("no targets to walk");
        }
        this.space = space;
        this.group = CyclicGroup.forTargets(space.size());
        this.seed = seed;
        this.shards = shards;
        this.shard = shard;
        this.maxTargets = maxTargets;
        final SeedStream seeds = new SeedStream(seed);
        this.generator = group.randomPrimitiveRoot(seeds);
        this.offset = seeds.nextLong(group.order());
    }

    /**
     * @param space      the targets.
     * @param seed       the scan's seed, the same on every machine.
     * @param shards     number of shards (machines), at least 1.
     * @param shard      this shard, 0 to shards - 1.
     * @param maxTargets most targets over all shards, or 0 for no limit.
     * @return the order.
     */
    public static ScanOrder of(
        final TargetSpace space, final long seed, final int shards, final int shard, final long maxTargets)
    {
        return new ScanOrder(space, seed, shards, shard, maxTargets);
    }

    /**
     * @param space the targets.
     * @param seed  the scan's seed.
     * @return the order of an unsharded, unlimited scan.
     */
    public static ScanOrder of(final TargetSpace space, final long seed)
    {
        return new ScanOrder(space, seed, 1, 0, 0);
    }

    /**
     * Parses {@code --max-targets}: a count, or a percentage of the targets ({@code 10%}).
     *
     * @param text    the option value.
     * @param targets number of targets in the space.
     * @return the count, 0 meaning no limit.
     */
    public static long parseMaxTargets(final String text, final long targets)
    {
        try
        {
            if (text.endsWith("%"))
            {
                final double percent = Double.parseDouble(text.substring(0, text.length() - 1));
                if (!(percent > 0 && percent <= 100))
                {
                    throw new TargetInputException("--max-targets percentage must be in (0, 100]: " + text);
                }
                return Math.max(1, (long)Math.floor(targets * percent / 100.0));
            }
            final long n = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (n < 0)
            {
                throw new TargetInputException("--max-targets must be 0 (no limit) or positive: " + text);
            }
            return n;
        }
        catch (final NumberFormatException ex)
        {
            throw new TargetInputException("--max-targets is a count or a percentage like 10%: " + text, ex);
        }
    }

    /**
     * A fresh walk for one sender thread.
     *
     * @param thread  this thread, 0 to threads - 1.
     * @param threads sender threads of this shard, at least 1.
     * @return the walk at its start.
     */
    public Walk walk(final int thread, final int threads)
    {
        return walk(thread, threads, 0, 0);
    }

    /**
     * A walk for one sender thread, resumed at a saved position.
     *
     * @param thread   this thread, 0 to threads - 1.
     * @param threads  sender threads of this shard, at least 1.
     * @param position steps already taken ({@link Walk#position()} when it was saved).
     * @param produced targets already produced ({@link Walk#produced()} when it was saved).
     * @return the walk at that position.
     */
    public Walk walk(final int thread, final int threads, final long position, final long produced)
    {
        if (threads < 1 || thread < 0 || thread >= threads)
        {
            throw new TargetInputException("thread must be 0 to threads - 1: thread " + thread + " of " + threads);
        }
        final long step = Math.multiplyExact((long)shards, threads);
        final long firstStep = shard + (long)shards * thread;
        final long order = group.order();
        final long steps = firstStep < order ? (order - firstStep + step - 1) / step : 0;
        if (position < 0 || position > steps || produced < 0 || produced > position)
        {
            throw new TargetInputException("resume position " + position + " (" + produced +
                " produced) is outside this walk of " + steps + " steps");
        }
        final long p = group.prime();
        final long first = group.pow(generator, (offset + firstStep) % order);
        final long factor = group.pow(generator, step % order);
        final long current = group.multiply(first, group.pow(factor, position));
        return new Walk(space, p, factor, steps, limitOf(thread, threads), current, position, produced);
    }

    /**
     * @param thread  a thread, 0 to threads - 1.
     * @param threads sender threads of this shard.
     * @return most targets that thread's walk produces, or {@link Long#MAX_VALUE} for no limit.
     */
    public long limitOf(final int thread, final int threads)
    {
        if (maxTargets == 0)
        {
            return Long.MAX_VALUE;
        }
        final long shardShare = maxTargets / shards + (shard < maxTargets % shards ? 1 : 0);
        return shardShare / threads + (thread < shardShare % threads ? 1 : 0);
    }

    /**
     * @return the targets.
     */
    public TargetSpace space()
    {
        return space;
    }

    /**
     * @return the group the walk runs in.
     */
    public CyclicGroup group()
    {
        return group;
    }

    /**
     * @return the primitive root drawn from the seed.
     */
    public long generator()
    {
        return generator;
    }

    /**
     * @return the starting exponent drawn from the seed.
     */
    public long offset()
    {
        return offset;
    }

    /**
     * @return the seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @return number of shards.
     */
    public int shards()
    {
        return shards;
    }

    /**
     * @return this shard.
     */
    public int shard()
    {
        return shard;
    }

    /**
     * @return most targets over all shards, 0 for no limit.
     */
    public long maxTargets()
    {
        return maxTargets;
    }

    @Override
    public String toString()
    {
        return "shard " + shard + "/" + shards + " of " + space + " in " + group + ", g=" + generator +
            ", offset=" + offset;
    }
}
