package org.timestudy.analyzer.parquet;

/**
 * Parquet's DELTA_BINARY_PACKED encoding: blocks of 128 deltas, each block's smallest delta subtracted, four
 * miniblocks of 32 bit-packed at their own width. Integers that rise (times, indexes) cost a few bits a value.
 */
final class DeltaBinaryPacked
{
    private static final int BLOCK = 128;
    private static final int MINIBLOCKS = 4;
    private static final int MINIBLOCK = BLOCK / MINIBLOCKS;

    private final long[] deltas = new long[BLOCK];
    private final int[] widths = new int[MINIBLOCKS];

    /**
     * Encodes values.
     *
     * @param values the values (INT32 values sign-extended).
     * @param count  how many.
     * @param int32  true for an INT32 column: deltas wrap at 32 bits and fit 32.
     * @param out    where the encoded bytes go.
     */
    void encode(final long[] values, final int count, final boolean int32, final ByteSink out)
    {
        out.putUnsignedVarint(BLOCK);
        out.putUnsignedVarint(MINIBLOCKS);
        out.putUnsignedVarint(count);
        out.putZigZagVarint(count == 0 ? 0 : int32 ? (int)values[0] : values[0]);
        final long[] d = deltas;
        int i = 1;
        while (i < count)
        {
            final int n = Math.min(BLOCK, count - i);
            long min = Long.MAX_VALUE;
            for (int k = 0; k < n; k++)
            {
                final long delta = int32 ?
                    (long)((int)values[i + k] - (int)values[i + k - 1]) : values[i + k] - values[i + k - 1];
                d[k] = delta;
                if (delta < min)
                {
                    min = delta;
                }
            }
            out.putZigZagVarint(min);
            final int used = (n + MINIBLOCK - 1) / MINIBLOCK;
            for (int m = 0; m < MINIBLOCKS; m++)
            {
                int width = 0;
                if (m < used)
                {
                    long or = 0;
                    final int end = Math.min(n, (m + 1) * MINIBLOCK);
                    for (int k = m * MINIBLOCK; k < end; k++)
                    {
                        final long u = d[k] - min;
                        d[k] = u;
                        or |= u;
                    }
                    width = 64 - Long.numberOfLeadingZeros(or);
                }
                widths[m] = width;
                out.put(width);
            }
            for (int m = 0; m < used; m++)
            {
                final int from = m * MINIBLOCK;
                out.packBits(d, from, Math.min(MINIBLOCK, n - from), MINIBLOCK, widths[m]);
            }
            i += n;
        }
    }
}
