package org.timestudy.analyzer.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;

import java.util.Arrays;

/**
 * What the columns of one file share to encode and compress their pages: scratch buffers, the delta encoder and
 * one ZSTD context. Single-threaded, like the file.
 */
final class PageEncoder implements AutoCloseable
{
    final ByteSink data = new ByteSink(1 << 16);
    final ByteSink levels = new ByteSink(1 << 12);
    final DeltaBinaryPacked delta = new DeltaBinaryPacked();
    final long[] ids;
    private final ZstdCompressCtx zstd = new ZstdCompressCtx();
    private byte[] compressed = new byte[1 << 16];

    /**
     * @param pageRows  most rows in a page.
     * @param zstdLevel ZSTD level.
     */
    PageEncoder(final int pageRows, final int zstdLevel)
    {
        ids = new long[pageRows];
        zstd.setLevel(zstdLevel);
    }

    /**
     * @param sink bytes to compress.
     * @return them compressed with ZSTD, in a new array of exactly their length.
     */
    byte[] compress(final ByteSink sink)
    {
        final int bound = (int)Zstd.compressBound(sink.length());
        if (compressed.length < bound)
        {
            compressed = new byte[bound];
        }
        final int n = zstd.compressByteArray(compressed, 0, bound, sink.array(), 0, sink.length());
        return Arrays.copyOf(compressed, n);
    }

    /** Frees the ZSTD context. */
    @Override
    public void close()
    {
        zstd.close();
    }
}
