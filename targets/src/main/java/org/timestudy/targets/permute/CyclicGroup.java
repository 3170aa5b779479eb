package org.timestudy.targets.permute;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The multiplicative group of integers modulo a prime p, cyclic of order p - 1: the powers of a primitive root g
 * visit every integer 1 to p - 1 exactly once. The walk visits g^k for consecutive k and keeps the elements that
 * are at most the number of targets. For a target space of n the group uses the smallest prime above 2^k for the
 * smallest k with 2^k &gt;= n, so at most half of the steps are skipped; for the IPv4 space this is
 * p = 2^32 + 15, as in zmap.
 *
 * <p>The primes and the prime factors of p - 1 (needed to test primitive roots) are tabulated for k = 1 to
 * {@value #MAX_EXPONENT}; a unit test checks every entry.
 */
public final class CyclicGroup
{
    /** Largest exponent k of the table: the most targets a walk can cover is 2^48. */
    public static final int MAX_EXPONENT = 48;
    /** Most targets (addresses x ports) one walk covers. */
    public static final long MAX_TARGETS = 1L << MAX_EXPONENT;

    /** p_k - 2^k for k = 0..48, where p_k is the smallest prime above 2^k (k = 0 is unused). */
    private static final int[] PRIME_OFFSETS = {
        0, 1, 1, 3, 1, 5, 3, 3, 1, 9, 7, 5, 3, 17, 27, 3, 1, 29, 3, 21, 7, 17, 15, 9, 43, 35, 15, 29, 3, 11, 3, 11,
        15, 17, 25, 53, 31, 9, 7, 23, 15, 27, 15, 29, 7, 59, 15, 5, 21};

    /** Distinct prime factors of p_k - 1. */
    private static final long[][] ORDER_FACTORS = {
        {},
        {2}, {2}, {2, 5}, {2}, {2, 3}, {2, 3, 11}, {2, 5, 13}, {2}, {2, 5, 13}, {2, 5, 103},
        {2, 3, 19}, {2, 3, 683}, {2, 3, 19}, {2, 3, 5, 547}, {2, 5, 29, 113}, {2},
        {2, 3, 5, 19, 23}, {2, 3, 43691}, {2, 23, 41, 139}, {2, 29, 101, 179}, {2, 3, 43691}, {2, 3, 699053},
        {2, 17, 61681}, {2, 23, 103, 3541}, {2, 3, 11, 56489}, {2, 3, 1242757}, {2, 3, 1242757},
        {2, 3, 19, 87211}, {2, 3, 7, 23, 555767}, {2, 3, 59, 3033169}, {2, 3, 149, 2402107},
        {2, 3, 5, 131, 364289}, {2, 3, 59, 3033169}, {2, 83, 1277, 20261}, {2, 3, 5, 7, 81808901},
        {2, 163, 883, 238727}, {2, 5, 137, 953, 26317}, {2, 5, 35573, 154543}, {2, 3, 5, 383, 47846459},
        {2, 3, 5, 36650387593L}, {2, 277, 3969356057L}, {2, 3, 13, 71, 227, 3498493},
        {2, 3, 13, 71, 227, 3498493}, {2, 11, 53, 97, 155542661}, {2, 3, 5, 19, 120739, 511243},
        {2, 3, 1947973, 6020681}, {2, 3, 11, 19, 331, 18837001}, {2, 3, 7, 1361, 2462081249L}};

    private final int exponent;
    private final long prime;

    private CyclicGroup(final int exponent)
    {
        this.exponent = exponent;
        this.prime = (1L << exponent) + PRIME_OFFSETS[exponent];
    }

    /**
     * @param targets number of targets to permute, 1 to {@link #MAX_TARGETS}.
     * @return the smallest tabulated group whose order is at least {@code targets}.
     */
    public static CyclicGroup forTargets(final long targets)
    {
        if (targets < 1 || targets > MAX_TARGETS)
        {
            throw new IllegalArgumentException("a walk covers 1 to 2^" + MAX_EXPONENT + " targets, not " + targets);
        }
        final int k = Math.max(1, 64 - Long.numberOfLeadingZeros(targets - 1));
        return new CyclicGroup(k);
    }

    /**
     * @param k exponent, 1 to {@value #MAX_EXPONENT}.
     * @return the group of the smallest prime above 2^k.
     */
    public static CyclicGroup ofExponent(final int k)
    {
        if (k < 1 || k > MAX_EXPONENT)
        {
            throw new IllegalArgumentException("exponent must be 1-" + MAX_EXPONENT + ": " + k);
        }
        return new CyclicGroup(k);
    }

    /**
     * @return the prime modulus p.
     */
    public long prime()
    {
        return prime;
    }

    /**
     * @return the order of the group, p - 1: how many steps a full walk takes.
     */
    public long order()
    {
        return prime - 1;
    }

    /**
     * @return k, where p is the smallest prime above 2^k.
     */
    public int exponent()
    {
        return exponent;
    }

    /**
     * @return the distinct prime factors of p - 1.
     */
    public long[] orderFactors()
    {
        return Arrays.copyOf(ORDER_FACTORS[exponent], ORDER_FACTORS[exponent].length);
    }

    /**
     * @param g a candidate, 1 to p - 1.
     * @return true if g generates the whole group: g^((p-1)/q) != 1 for every prime q dividing p - 1.
     */
    public boolean isPrimitiveRoot(final long g)
    {
        if (g < 1 || g >= prime)
        {
            return false;
        }
        for (final long q : ORDER_FACTORS[exponent])
        {
            if (pow(g, order() / q) == 1)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Draws a primitive root uniformly from those in [2, p - 1], as zmap does, so that the seed picks the order.
     *
     * @param seeds the scan's seed stream.
     * @return a primitive root.
     */
    public long randomPrimitiveRoot(final SeedStream seeds)
    {
        if (prime == 3)
        {
            return 2;
        }
        while (true)
        {
            final long candidate = 2 + seeds.nextLong(prime - 2);
            if (isPrimitiveRoot(candidate))
            {
                return candidate;
            }
        }
    }

    /**
     * @param base     1 to p - 1.
     * @param exponent any non-negative power.
     * @return base^exponent mod p (set-up time only; it allocates).
     */
    public long pow(final long base, final long exponent)
    {
        return BigInteger.valueOf(base).modPow(BigInteger.valueOf(exponent), BigInteger.valueOf(prime)).longValue();
    }

    /**
     * @param a 0 to p - 1.
     * @param b 0 to p - 1.
     * @return a * b mod p (set-up time only; it allocates).
     */
    public long multiply(final long a, final long b)
    {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(BigInteger.valueOf(prime)).longValue();
    }

    @Override
    public String toString()
    {
        return "Z*_" + prime + " (2^" + exponent + " + " + PRIME_OFFSETS[exponent] + ")";
    }
}
