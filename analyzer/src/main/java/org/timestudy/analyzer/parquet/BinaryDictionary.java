package org.timestudy.analyzer.parquet;

import java.util.Arrays;

/**
 * Distinct byte strings of one column chunk, numbered in order of first sight: an open-addressing table over one
 * arena, so looking a value up allocates nothing.
 */
final class BinaryDictionary
{
    private byte[] arena = new byte[4096];
    private int arenaLength;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private int size;
    private int[] table = newTable(256);

    int size()
    {
        return size;
    }

    int bytes()
    {
        return arenaLength;
    }

    void clear()
    {
        arenaLength = 0;
        size = 0;
        Arrays.fill(table, -1);
    }

    /**
     * @param src    bytes of the value.
     * @param offset where they start.
     * @param length how many.
     * @return the value's id, new if it was not there.
     */
    int idOf(final byte[] src, final int offset, final int length)
    {
        final int hash = hash(src, offset, length);
        final int mask = table.length - 1;
        int slot = hash & mask;
        while (true)
        {
            final int id = table[slot];
            if (id < 0)
            {
                break;
            }
            if (hashes[id] == hash && lengths[id] == length && sameBytes(starts[id], src, offset, length))
            {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        final int id = add(src, offset, length, hash);
        if (size * 2 > table.length)
        {
            rehash();
        }
        else
        {
            table[slot] = id;
        }
        return id;
    }

    /**
     * Writes the dictionary PLAIN: each value as a 4-byte length and its bytes, in id order.
     *
     * @param out where to.
     */
    void writePlain(final ByteSink out)
    {
        for (int id = 0; id < size; id++)
        {
            out.putIntLE(lengths[id]);
            out.putBytes(arena, starts[id], lengths[id]);
        }
    }

    private int add(final byte[] src, final int offset, final int length, final int hash)
    {
        if (size == starts.length)
        {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        if (arenaLength + length > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + length));
        }
        System.arraycopy(src, offset, arena, arenaLength, length);
        starts[size] = arenaLength;
        lengths[size] = length;
        hashes[size] = hash;
        arenaLength += length;
        return size++;
    }

    private void rehash()
    {
        table = newTable(table.length * 2);
        final int mask = table.length - 1;
        for (int id = 0; id < size; id++)
        {
            int slot = hashes[id] & mask;
            while (table[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    private boolean sameBytes(final int start, final byte[] src, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (arena[start + i] != src[offset + i])
            {
                return false;
            }
        }
        return true;
    }

    private static int[] newTable(final int capacity)
    {
        final int[] t = new int[capacity];
        Arrays.fill(t, -1);
        return t;
    }

    private static int hash(final byte[] src, final int offset, final int length)
    {
        int h = 0x9E3779B9 * (length + 1);
        for (int i = 0; i < length; i++)
        {
            h = (h ^ src[offset + i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
