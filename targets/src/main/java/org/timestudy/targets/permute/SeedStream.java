package org.timestudy.targets.permute;

/**
 * A reproducible stream of 64-bit values from a seed (the SplitMix64 generator of Steele, Lea and Flood, 2014),
 * written out here so that every machine and JDK draws the same primitive root and offset from the same seed.
 * Not for cryptography: the scan order only has to look unstructured and be reproducible.
 */
public final class SeedStream
{
    private long state;

    /**
     * @param seed the scan's seed.
     */
    public SeedStream(final long seed)
    {
        this.state = seed;
    }

    /**
     * @return the next value, uniform over all longs.
     */
    public long nextLong()
    {
        long z = (state += 0x9E37_79B9_7F4A_7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param bound exclusive upper bound, positive.
     * @return a value uniform in [0, bound), without modulo bias.
     */
    public long nextLong(final long bound)
    {
        if (bound <= 0)
        {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        final long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long u;
        do
        {
            u = nextLong() >>> 1;
        }
        while (u >= limit);
        return u % bound;
    }
}
