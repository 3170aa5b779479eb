package org.timestudy.targets.address;

/**
 * An IPv6 prefix (a single address is a /128), as two longs in network order. IPv6 lines of address lists are kept
 * as these for hostname mode: IPv4 sweeps ignore them.
 *
 * @param high   first 64 bits of the network address.
 * @param low    last 64 bits of the network address.
 * @param length prefix length, 0 to 128.
 */
public record Ipv6Prefix(long high, long low, int length)
{
    /** Bytes in an IPv6 address. */
    public static final int ADDRESS_LENGTH = 16;

    /**
     * @param high   first 64 bits; bits past the prefix must be zero.
     * @param low    last 64 bits; bits past the prefix must be zero.
     * @param length prefix length, 0 to 128.
     */
    public Ipv6Prefix
    {
        if (length < 0 || length > 128)
        {
            throw new IllegalArgumentException("IPv6 prefix length must be 0-128: " + length);
        }
        if ((high & ~maskHigh(length)) != 0 || (low & ~maskLow(length)) != 0)
        {
            throw new IllegalArgumentException("IPv6 prefix has bits set past its length: /" + length);
        }
    }

    /**
     * Parses an IPv6 address ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}) or prefix ({@code 2001:db8::/32}).
     * Bits past the prefix length are cleared, as for IPv4 CIDRs. Zone ids ({@code %eth0}) are refused.
     *
     * @param text the address or prefix.
     * @return the prefix.
     * @throws IllegalArgumentException if the text is neither.
     */
    public static Ipv6Prefix parse(final String text)
    {
        final int slash = text.indexOf('/');
        final String addressText = slash < 0 ? text : text.substring(0, slash);
        final int length;
        if (slash < 0)
        {
            length = 128;
        }
        else
        {
            length = parseLength(text, slash + 1);
        }
        final long[] words = parseAddress(addressText, text);
        return new Ipv6Prefix(words[0] & maskHigh(length), words[1] & maskLow(length), length);
    }

    /**
     * @param bytes a 16-byte address in network order.
     * @return the /128 of that address.
     */
    public static Ipv6Prefix ofAddress(final byte[] bytes)
    {
        if (bytes.length != ADDRESS_LENGTH)
        {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++)
        {
            high = high << 8 | (bytes[i] & 0xFF);
            low = low << 8 | (bytes[i + 8] & 0xFF);
        }
        return new Ipv6Prefix(high, low, 128);
    }

    /**
     * @param addressHigh first 64 bits of an address.
     * @param addressLow  last 64 bits of an address.
     * @return true if the address lies inside this prefix.
     */
    public boolean contains(final long addressHigh, final long addressLow)
    {
        return (addressHigh & maskHigh(length)) == high && (addressLow & maskLow(length)) == low;
    }

    /**
     * @param address a 16-byte address in network order.
     * @return true if it lies inside this prefix.
     */
    public boolean contains(final byte[] address)
    {
        final Ipv6Prefix a = ofAddress(address);
        return contains(a.high, a.low);
    }

    /**
     * @return the prefix in RFC 5952 text, e.g. {@code 2001:db8::/32}; a /128 prints without its length.
     */
    @Override
    public String toString()
    {
        final int[] groups = new int[8];
        for (int i = 0; i < 4; i++)
        {
            groups[i] = (int)(high >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int)(low >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++)
        {
            int j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }
            if (j - i > bestLength)
            {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j - 1);
        }
        final StringBuilder sb = new StringBuilder(43);
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':')
            {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        if (length != 128)
        {
            sb.append('/').append(length);
        }
        return sb.toString();
    }

    private static int parseLength(final String text, final int from)
    {
        final String digits = text.substring(from);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            throw new IllegalArgumentException("not an IPv6 prefix length: '" + text + "'");
        }
        final int length = Integer.parseInt(digits);
        if (length > 128)
        {
            throw new IllegalArgumentException("IPv6 prefix length must be 0-128: '" + text + "'");
        }
        return length;
    }

    private static long[] parseAddress(final String s, final String whole)
    {
        final int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && (s.indexOf("::", doubleColon + 1) >= 0 || s.lastIndexOf('.', doubleColon) >= 0))
        {
            throw bad(whole);
        }
        final int[] head = doubleColon < 0 ? groups(s, whole) : groups(s.substring(0, doubleColon), whole);
        final int[] tail = doubleColon < 0 ? new int[0] : groups(s.substring(doubleColon + 2), whole);
        final int total = head.length + tail.length;
        if ((doubleColon < 0 && total != 8) || (doubleColon >= 0 && total > 7))
        {
            throw bad(whole);
        }
        final int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++)
        {
            high = high << 16 | all[i];
            low = low << 16 | all[i + 4];
        }
        return new long[] {high, low};
    }

    private static int[] groups(final String s, final String whole)
    {
        if (s.isEmpty())
        {
            return new int[0];
        }
        final String[] parts = s.split(":", -1);
        final boolean dotted = parts[parts.length - 1].indexOf('.') >= 0;
        final int[] out = new int[parts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < parts.length; i++)
        {
            final String p = parts[i];
            if (dotted && i == parts.length - 1)
            {
                final long v4 = Ipv4.parse(p, 0, p.length());
                if (v4 < 0)
                {
                    throw bad(whole);
                }
                out[i] = (int)(v4 >>> 16);
                out[i + 1] = (int)(v4 & 0xFFFF);
            }
            else
            {
                if (p.isEmpty() || p.length() > 4)
                {
                    throw bad(whole);
                }
                int v = 0;
                for (int k = 0; k < p.length(); k++)
                {
                    final int d = Character.digit(p.charAt(k), 16);
                    if (d < 0)
                    {
                        throw bad(whole);
                    }
                    v = v << 4 | d;
                }
                out[i] = v;
            }
        }
        return out;
    }

    private static IllegalArgumentException bad(final String text)
    {
        return new IllegalArgumentException("not an IPv6 address or prefix: '" + text + "'");
    }

    private static long maskHigh(final int length)
    {
        return length >= 64 ? -1L : (length == 0 ? 0L : -1L << (64 - length));
    }

    private static long maskLow(final int length)
    {
        return length <= 64 ? 0L : (length == 128 ? -1L : -1L << (128 - length));
    }
}
