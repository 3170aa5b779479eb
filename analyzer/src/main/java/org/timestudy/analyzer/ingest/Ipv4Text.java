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
        int p = octet(address >>> 24, dst, offset);
        dst[p++] = '.';
        p = octet((address >>> 16) & 0xFF, dst, p);
        dst[p++] = '.';
        p = octet((address >>> 8) & 0xFF, dst, p);
        dst[p++] = '.';
        return octet(address & 0xFF, dst, p) - offset;
    }

    private static int octet(final int b, final byte[] dst, final int offset)
    {
        final int e = OCTETS[b];
        final int n = e >>> 24;
        dst[offset] = (byte)e;
        if (n > 1)
        {
            dst[offset + 1] = (byte)(e >>> 8);
            if (n > 2)
            {
                dst[offset + 2] = (byte)(e >>> 16);
            }
        }
        return offset + n;
    }

    /** Per octet value: its decimal digits' ASCII, first digit lowest, and their count in the top byte. */
    private static final int[] OCTETS = new int[256];

    static
    {
        for (int b = 0; b < 256; b++)
        {
            final String s = Integer.toString(b);
            int e = s.length() << 24;
            for (int i = 0; i < s.length(); i++)
            {
                e |= s.charAt(i) << (8 * i);
            }
            OCTETS[b] = e;
        }
    }
}
