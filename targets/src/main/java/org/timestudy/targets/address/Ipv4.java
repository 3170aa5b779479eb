package org.timestudy.targets.address;

/**
 * IPv4 addresses as {@code int}s in network order: {@code 1.2.3.4} is {@code 0x01020304}. The int is unsigned:
 * compare with {@link #compare(int, int)}, widen with {@link #toLong(int)}.
 */
public final class Ipv4
{
    /** Number of IPv4 addresses, 2^32. */
    public static final long SPACE_SIZE = 1L << 32;
    /** Longest text of an address, {@code 255.255.255.255}. */
    public static final int MAX_TEXT_LENGTH = 15;

    private Ipv4()
    {
    }

    /**
     * Parses a dotted quad: four decimal octets 0-255, no leading zeros (so {@code 010} is not silently octal).
     *
     * @param text the address.
     * @return the address as an int.
     * @throws IllegalArgumentException if the text is not a dotted quad.
     */
    public static int parse(final CharSequence text)
    {
        final long address = parse(text, 0, text.length());
        if (address < 0)
        {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        return (int)address;
    }

    /**
     * @param text text to test.
     * @return true if the text is a dotted quad {@link #parse} accepts.
     */
    public static boolean isAddress(final CharSequence text)
    {
        return parse(text, 0, text.length()) >= 0;
    }

    /**
     * @param address an address.
     * @return its dotted-quad text.
     */
    public static String format(final int address)
    {
        return appendTo(new StringBuilder(MAX_TEXT_LENGTH), address).toString();
    }

    /**
     * Appends the dotted quad without allocating a String.
     *
     * @param out     where to append.
     * @param address an address.
     * @return {@code out}.
     */
    public static StringBuilder appendTo(final StringBuilder out, final int address)
    {
        out.append(address >>> 24).append('.')
            .append((address >>> 16) & 0xFF).append('.')
            .append((address >>> 8) & 0xFF).append('.')
            .append(address & 0xFF);
        return out;
    }

    /**
     * @param address an address.
     * @return its unsigned value, 0 to 2^32 - 1.
     */
    public static long toLong(final int address)
    {
        return address & 0xFFFF_FFFFL;
    }

    /**
     * @param a an address.
     * @param b an address.
     * @return negative, zero or positive as {@code a} is below, equal to or above {@code b}, unsigned.
     */
    public static int compare(final int a, final int b)
    {
        return Integer.compareUnsigned(a, b);
    }

    /**
     * @param prefixLength 0 to 32.
     * @return the netmask of that prefix length, e.g. 0xFFFFFF00 for 24.
     */
    public static int netmask(final int prefixLength)
    {
        if (prefixLength < 0 || prefixLength > 32)
        {
            throw new IllegalArgumentException("IPv4 prefix length must be 0-32: " + prefixLength);
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /**
     * @param bytes 4 bytes in network order.
     * @return the address.
     */
    public static int fromBytes(final byte[] bytes)
    {
        if (bytes.length != 4)
        {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + bytes.length);
        }
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    /**
     * @param address an address.
     * @return its 4 bytes in network order.
     */
    public static byte[] toBytes(final int address)
    {
        return new byte[] {(byte)(address >>> 24), (byte)(address >>> 16), (byte)(address >>> 8), (byte)address};
    }

    /**
     * Parses a dotted quad inside part of a text, without throwing.
     *
     * @param text holding the address.
     * @param from index of its first character.
     * @param to   index after its last character.
     * @return the unsigned address, or -1 when the text is not a dotted quad.
     */
    public static long parse(final CharSequence text, final int from, final int to)
    {
        long address = 0;
        int octets = 0;
        int i = from;
        while (i < to)
        {
            final int start = i;
            int value = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9')
            {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
                if (i - start > 3)
                {
                    return -1;
                }
            }
            final int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0'))
            {
                return -1;
            }
            address = address << 8 | value;
            octets++;
            if (i < to)
            {
                if (text.charAt(i) != '.' || octets == 4)
                {
                    return -1;
                }
                i++;
                if (i == to)
                {
                    return -1;
                }
            }
        }
        return octets == 4 ? address : -1;
    }
}
