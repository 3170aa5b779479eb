package org.timestudy.analyzer.ingest;

/**
 * Writes a 16-byte address as text into a byte array without allocating: dotted quad for IPv4-mapped addresses
 * ({@code ::ffff:a.b.c.d}), RFC 5952 text for IPv6 (lower case, no leading zeros, the longest run of two or more zero
 * groups, the first if tied, as {@code ::}), nothing for {@code ::} (no address).
 */
final class AddressText
{
    /** Longest text in bytes (eight groups of four hex digits and seven colons). */
    static final int MAX_LENGTH = 39;

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private AddressText()
    {
    }

    /**
     * @param address 16 bytes, network order.
     * @param family  4 (IPv4-mapped), 6, or 0 (none).
     * @param dst     at least {@link #MAX_LENGTH} bytes.
     * @return bytes written.
     */
    static int format(final byte[] address, final int family, final byte[] dst)
    {
        if (family == 0)
        {
            return 0;
        }
        if (family == 4)
        {
            final int v4 = ((address[12] & 0xFF) << 24) | ((address[13] & 0xFF) << 16) | ((address[14] & 0xFF) << 8) |
                (address[15] & 0xFF);
            return Ipv4Text.format(v4, dst, 0);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; )
        {
            if (group(address, i) == 0)
            {
                int j = i;
                while (j < 8 && group(address, j) == 0)
                {
                    j++;
                }
                if (j - i > bestLength)
                {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            }
            else
            {
                i++;
            }
        }
        int p = 0;
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                dst[p++] = ':';
                dst[p++] = ':';
                i += bestLength - 1;
                continue;
            }
            if (p > 0 && dst[p - 1] != ':')
            {
                dst[p++] = ':';
            }
            final int g = group(address, i);
            boolean started = false;
            for (int shift = 12; shift >= 0; shift -= 4)
            {
                final int nibble = (g >>> shift) & 0xF;
                if (nibble != 0 || started || shift == 0)
                {
                    dst[p++] = HEX[nibble];
                    started = true;
                }
            }
        }
        return p;
    }

    private static int group(final byte[] a, final int i)
    {
        return ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
    }
}
