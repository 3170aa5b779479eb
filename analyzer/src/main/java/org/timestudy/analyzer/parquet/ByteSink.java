package org.timestudy.analyzer.parquet;

import java.util.Arrays;

/**
 * A growable byte array written from the front, little-endian: the bytes of one encoded page.
 */
final class ByteSink
{
    private byte[] bytes;
    private int length;

    ByteSink(final int capacity)
    {
        bytes = new byte[Math.max(16, capacity)];
    }

    void clear()
    {
        length = 0;
    }

    int length()
    {
        return length;
    }

    byte[] array()
    {
        return bytes;
    }

    void ensure(final int more)
    {
        final int needed = length + more;
        if (needed > bytes.length)
        {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    void put(final int b)
    {
        ensure(1);
        bytes[length++] = (byte)b;
    }

    void putUnsignedVarint(final long value)
    {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            bytes[length++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte)v;
    }

    void putZigZagVarint(final long value)
    {
        putUnsignedVarint((value << 1) ^ (value >> 63));
    }

    void putIntLE(final int value)
    {
        ensure(4);
        bytes[length] = (byte)value;
        bytes[length + 1] = (byte)(value >>> 8);
        bytes[length + 2] = (byte)(value >>> 16);
        bytes[length + 3] = (byte)(value >>> 24);
        length += 4;
    }

    void putLongLE(final long value)
    {
        ensure(8);
        putLongUnchecked(value);
    }

    void putBytes(final byte[] src, final int offset, final int count)
    {
        ensure(count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
    }

    /**
     * Packs values of {@code width} bits each, least significant bit first (Parquet's bit packing), padding with zero
     * values up to {@code padTo} values.
     *
     * @param values the values; each must fit in {@code width} bits.
     * @param from   index of the first.
     * @param count  how many to pack.
     * @param padTo  how many values the packed run holds (count or more; a multiple of 8 keeps it byte-aligned).
     * @param width  bits per value, 0 to 64.
     */
    void packBits(final long[] values, final int from, final int count, final int padTo, final int width)
    {
        if (width == 0)
        {
            return;
        }
        ensure((int)(((long)padTo * width + 7) / 8) + 8);
        long acc = 0;
        int n = 0;
        for (int i = 0; i < padTo; i++)
        {
            final long v = i < count ? values[from + i] : 0;
            acc |= v << n;
            final int end = n + width;
            if (end >= 64)
            {
                putLongUnchecked(acc);
                final int consumed = 64 - n;
                acc = consumed == 64 ? 0 : v >>> consumed;
                n = end - 64;
            }
            else
            {
                n = end;
            }
        }
        while (n > 0)
        {
            bytes[length++] = (byte)acc;
            acc >>>= 8;
            n -= 8;
        }
    }

    private void putLongUnchecked(final long value)
    {
        for (int i = 0; i < 8; i++)
        {
            bytes[length + i] = (byte)(value >>> (8 * i));
        }
        length += 8;
    }
}
