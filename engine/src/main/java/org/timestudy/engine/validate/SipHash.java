package org.timestudy.engine.validate;

/**
 * SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012): a keyed 64-bit MAC, fast on short
 * inputs. {@link #hash(long, long)} is the allocation-free form used per packet, for a 16-byte message given as
 * two little-endian 64-bit words; {@link #hash(byte[])} is the general form, used to check it.
 */
public final class SipHash
{
    private final long k0;
    private final long k1;

    /**
     * @param k0 first 8 bytes of the 128-bit key, little-endian.
     * @param k1 last 8 bytes of the key, little-endian.
     */
    public SipHash(final long k0, final long k1)
    {
        this.k0 = k0;
        this.k1 = k1;
    }

    /**
     * MAC of a 16-byte message.
     *
     * @param m0 bytes 0-7, little-endian.
     * @param m1 bytes 8-15, little-endian.
     * @return the 64-bit MAC.
     */
    public long hash(final long m0, final long m1)
    {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;

        v3 ^= m0;
        for (int i = 0; i < 2; i++)
        {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= m0;

        v3 ^= m1;
        for (int i = 0; i < 2; i++)
        {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= m1;

        final long last = 16L << 56;
        v3 ^= last;
        for (int i = 0; i < 2; i++)
        {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= last;

        v2 ^= 0xff;
        for (int i = 0; i < 4; i++)
        {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /**
     * MAC of any message (allocates nothing, but is slower; used to check {@link #hash(long, long)}).
     *
     * @param message bytes.
     * @return the 64-bit MAC.
     */
    public long hash(final byte[] message)
    {
        final long[] v = {k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL, k0 ^ 0x6c7967656e657261L,
            k1 ^ 0x7465646279746573L};
        final int blocks = message.length / 8;
        for (int b = 0; b < blocks; b++)
        {
            final long m = littleEndian(message, b * 8, 8);
            v[3] ^= m;
            rounds(v, 2);
            v[0] ^= m;
        }
        final long last = ((long)message.length << 56) | littleEndian(message, blocks * 8, message.length % 8);
        v[3] ^= last;
        rounds(v, 2);
        v[0] ^= last;
        v[2] ^= 0xff;
        rounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void rounds(final long[] v, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            v[0] += v[1]; v[1] = Long.rotateLeft(v[1], 13); v[1] ^= v[0]; v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[3]; v[3] = Long.rotateLeft(v[3], 16); v[3] ^= v[2];
            v[0] += v[3]; v[3] = Long.rotateLeft(v[3], 21); v[3] ^= v[0];
            v[2] += v[1]; v[1] = Long.rotateLeft(v[1], 17); v[1] ^= v[2]; v[2] = Long.rotateLeft(v[2], 32);
        }
    }

    private static long littleEndian(final byte[] b, final int offset, final int length)
    {
        long v = 0;
        for (int i = length - 1; i >= 0; i--)
        {
            v = (v << 8) | (b[offset + i] & 0xFF);
        }
        return v;
    }
}
