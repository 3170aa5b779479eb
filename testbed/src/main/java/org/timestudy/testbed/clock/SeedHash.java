package org.timestudy.testbed.clock;

/**
 * The hashing every ground-truth draw goes through: SplitMix64's finaliser, and uniform numbers from its bits. Each
 * parameter of an address comes from its own stream, {@code stream(addressHash, k)}, so adding a parameter never
 * shifts the others.
 */
final class SeedHash
{
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final double UNIT = 0x1.0p-53;

    private SeedHash()
    {
    }

    static long mix(final long value)
    {
        long z = value + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    static long address(final long seed, final int address)
    {
        return mix(seed ^ mix(address & 0xFFFF_FFFFL));
    }

    static long stream(final long hash, final int k)
    {
        return mix(hash + k * GOLDEN);
    }

    static long request(final long hash, final long requestSeq)
    {
        return mix(hash ^ mix(requestSeq ^ 0x5DEE_CE66_DL));
    }

    /** @return uniform in [0, 1). */
    static double unit(final long bits)
    {
        return (bits >>> 11) * UNIT;
    }

    /** @return log-uniform in [min, max]. */
    static double logUniform(final long bits, final double min, final double max)
    {
        return min * Math.exp(unit(bits) * Math.log(max / min));
    }

    /** @return uniform in [−1, 1). */
    static double signed(final long bits)
    {
        return unit(bits) * 2 - 1;
    }
}
