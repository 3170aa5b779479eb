package org.timestudy.analyzer.ingest;

/**
 * Writes an IPv4 address as dotted-quad ASCII into a byte array, without allocating.
 */
public final class Ipv4Text
{
    /** Longest dotted quad in bytes ({@code 255.255.255.255}). */
    public static final int MAX_LENGTH = 15;

    private Ipv4Text()
    {
    }

    /**
     * @param address IPv4 address, most significant byte first.
     * @param dst     at least {@link #MAX_LENGTH} bytes from {@code offset}.
     * @param offset  where to write.
     * @return bytes written.
     */
    public static int format(final int address, final byte[] dst, final int offset)
    {
        int p = offset;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            final int b = (address >>> shift) & 0xFF;
            if (b >= 100)
            {
                dst[p++] = (byte)('0' + b / 100);
            }
            if (b >= 10)
            {
                dst[p++] = (byte)('0' + (b / 10) % 10);
            }
            dst[p++] = (byte)('0' + b % 10);
            if (shift != 0)
            {
                dst[p++] = '.';
            }
        }
        return p - offset;
    }
}
