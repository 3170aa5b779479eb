package org.timestudy.engine.wire;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. Templates keep
 * the partial sum of their constant words; each packet adds only the words it changes and folds (RFC 1624's
 * incremental update, done from the template instead of from the previous packet).
 */
public final class InternetChecksum
{
    private InternetChecksum()
    {
    }

    /**
     * Adds bytes to a running sum (not folded).
     *
     * @param sum    running sum.
     * @param b      buffer.
     * @param offset first byte.
     * @param length bytes; an odd last byte is padded with zero.
     * @return the new running sum.
     */
    public static long add(final long sum, final DirectBuffer b, final int offset, final int length)
    {
        long s = sum;
        int i = 0;
        for (; i + 1 < length; i += 2)
        {
            s += b.getShort(offset + i, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        if (i < length)
        {
            s += (b.getByte(offset + i) & 0xFF) << 8;
        }
        return s;
    }

    /**
     * @param sum running sum.
     * @param v   32-bit value, as two 16-bit words.
     * @return the new running sum.
     */
    public static long addInt(final long sum, final int v)
    {
        return sum + (v >>> 16) + (v & 0xFFFF);
    }

    /**
     * @param sum running sum.
     * @param v   64-bit value, as four 16-bit words.
     * @return the new running sum.
     */
    public static long addLong(final long sum, final long v)
    {
        return sum + ((v >>> 48) & 0xFFFF) + ((v >>> 32) & 0xFFFF) + ((v >>> 16) & 0xFFFF) + (v & 0xFFFF);
    }

    /**
     * Folds a running sum and complements it.
     *
     * @param sum running sum.
     * @return the checksum, 16 bits.
     */
    public static int finish(final long sum)
    {
        long s = sum;
        while ((s >>> 16) != 0)
        {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int)(~s & 0xFFFF);
    }

    /**
     * @param b      buffer.
     * @param offset first byte.
     * @param length bytes.
     * @return checksum of the range.
     */
    public static int of(final DirectBuffer b, final int offset, final int length)
    {
        return finish(add(0, b, offset, length));
    }
}
