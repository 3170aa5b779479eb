package org.timestudy.targets.permute;

import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressSet;

import java.math.BigInteger;

/**
 * One sender thread's walk through its subshard of the {@link ScanOrder}: constant memory, no allocation per
 * target. Call {@link #next()}, then read {@link #address()} and {@link #port()}. Not thread-safe: one thread owns
 * a walk.
 *
 * <p>Each step multiplies the current group element by a fixed factor modulo p with Shoup's precomputed-quotient
 * method (one high multiply, two low multiplies, one conditional subtraction; no division).
 *
 * <p>Resume: {@link #position()} and {@link #produced()} after a batch has been sent are all a restart needs
 * ({@link ScanOrder#walk(int, int, long, long)}).
 */
public final class Walk
{
    private final long prime;
    private final long factor;
    private final long factorQuotient;
    private final long targets;
    private final long steps;
    private final long limit;
    private final AddressSet addresses;
    private final int[] ports;
    private final int portCount;
    private final int firstPort;

    private long current;
    private long position;
    private long produced;
    private long targetIndex = -1;
    private int address;
    private int port;

    Walk(
        final TargetSpace space,
        final long prime,
        final long factor,
        final long steps,
        final long limit,
        final long current,
        final long position,
        final long produced)
    {
        this.prime = prime;
        this.factor = factor;
        this.factorQuotient = BigInteger.valueOf(factor).shiftLeft(64).divide(BigInteger.valueOf(prime)).longValue();
        this.targets = space.size();
        this.steps = steps;
        this.limit = limit;
        this.addresses = space.addresses();
        this.ports = space.ports();
        this.portCount = ports.length;
        this.firstPort = ports[0];
        this.current = current;
        this.position = position;
        this.produced = produced;
    }

    /**
     * Advances to the next target of this subshard.
     *
     * @return true if there is one (read it with {@link #address()}, {@link #port()}), false once the subshard or
     * its share of {@code --max-targets} is exhausted.
     */
    public boolean next()
    {
        if (produced >= limit)
        {
            return false;
        }
        long element = current;
        long taken = position;
        while (taken < steps)
        {
            final long index = element - 1;
            element = multiplyByFactor(element);
            taken++;
            if (index < targets)
            {
                current = element;
                position = taken;
                produced++;
                targetIndex = index;
                if (portCount == 1)
                {
                    address = addresses.addressAt(index);
                    port = firstPort;
                }
                else
                {
                    address = addresses.addressAt(index / portCount);
                    port = ports[(int)(index % portCount)];
                }
                return true;
            }
        }
        current = element;
        position = taken;
        return false;
    }

    /**
     * Fills arrays with the next targets, e.g. one send batch.
     *
     * @param addressesOut receives addresses.
     * @param portsOut     receives ports.
     * @param max          most targets to take, at most the arrays' length.
     * @return number of targets taken; fewer than {@code max} only at the end of the walk.
     */
    public int next(final int[] addressesOut, final int[] portsOut, final int max)
    {
        int n = 0;
        while (n < max && next())
        {
            addressesOut[n] = address;
            portsOut[n] = port;
            n++;
        }
        return n;
    }

    /**
     * @return address of the current target (after {@link #next()} returned true).
     */
    public int address()
    {
        return address;
    }

    /**
     * @return port of the current target.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return index of the current target in the {@link TargetSpace}, or -1 before the first.
     */
    public long targetIndex()
    {
        return targetIndex;
    }

    /**
     * @return steps taken so far: the resume position.
     */
    public long position()
    {
        return position;
    }

    /**
     * @return targets produced so far, counted against this thread's share of {@code --max-targets}.
     */
    public long produced()
    {
        return produced;
    }

    /**
     * @return steps of the whole subshard, skipped ones included.
     */
    public long steps()
    {
        return steps;
    }

    /**
     * @return most targets this walk produces, {@link Long#MAX_VALUE} for no limit.
     */
    public long limit()
    {
        return limit;
    }

    /**
     * @return true once {@link #next()} can return nothing more.
     */
    public boolean isDone()
    {
        return position >= steps || produced >= limit;
    }

    /**
     * element * factor mod p for 0 &lt;= element &lt; p &lt; 2^62, where factorQuotient = floor(factor * 2^64 / p):
     * the estimated quotient is at most one short, so the remainder lies in [0, 2p) and one subtraction fixes it.
     */
    private long multiplyByFactor(final long element)
    {
        final long quotient = Math.multiplyHigh(element, factorQuotient) + ((factorQuotient >> 63) & element);
        final long r = element * factor - quotient * prime;
        return r >= prime ? r - prime : r;
    }
}
