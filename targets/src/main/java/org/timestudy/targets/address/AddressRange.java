package org.timestudy.targets.address;

/**
 * An inclusive range of IPv4 addresses, the unit of every IPv4 target, allowlist and blocklist entry.
 *
 * @param first lowest address (unsigned).
 * @param last  highest address (unsigned), not below {@code first}.
 */
public record AddressRange(int first, int last)
{
    /** The whole IPv4 space, 0.0.0.0/0. */
    public static final AddressRange ALL = new AddressRange(0, -1);

    /**
     * @param first lowest address.
     * @param last  highest address, not below {@code first}.
     */
    public AddressRange
    {
        if (Ipv4.compare(first, last) > 0)
        {
            throw new IllegalArgumentException(
                "range ends before it starts: " + Ipv4.format(first) + "-" + Ipv4.format(last));
        }
    }

    /**
     * Parses one IPv4 target entry: a single address ({@code 192.0.2.1}), a CIDR ({@code 192.0.2.0/24}; host bits
     * are cleared, as zmap does) or an inclusive range ({@code 192.0.2.10-192.0.2.20}).
     *
     * @param text the entry, without surrounding blanks.
     * @return the range.
     * @throws IllegalArgumentException naming the entry when it is none of these.
     */
    public static AddressRange parse(final String text)
    {
        final int slash = text.indexOf('/');
        final int dash = text.indexOf('-');
        if (slash >= 0 && dash < 0)
        {
            final long network = Ipv4.parse(text, 0, slash);
            final String bits = text.substring(slash + 1);
            if (network < 0 || bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit))
            {
                throw new IllegalArgumentException("not an IPv4 address, CIDR or range: '" + text + "'");
            }
            final int length = Integer.parseInt(bits);
            if (length > 32)
            {
                throw new IllegalArgumentException("IPv4 prefix length must be 0-32: '" + text + "'");
            }
            return ofPrefix((int)network, length);
        }
        if (dash >= 0 && slash < 0)
        {
            final long first = Ipv4.parse(text, 0, dash);
            final long last = Ipv4.parse(text, dash + 1, text.length());
            if (first < 0 || last < 0)
            {
                throw new IllegalArgumentException("not an IPv4 address, CIDR or range: '" + text + "'");
            }
            if (first > last)
            {
                throw new IllegalArgumentException("IPv4 range ends before it starts: '" + text + "'");
            }
            return new AddressRange((int)first, (int)last);
        }
        final long single = slash < 0 && dash < 0 ? Ipv4.parse(text, 0, text.length()) : -1;
        if (single < 0)
        {
            throw new IllegalArgumentException("not an IPv4 address, CIDR or range: '" + text + "'");
        }
        return new AddressRange((int)single, (int)single);
    }

    /**
     * @param network      any address inside the prefix; host bits are cleared.
     * @param prefixLength 0 to 32.
     * @return the range of that prefix.
     */
    public static AddressRange ofPrefix(final int network, final int prefixLength)
    {
        final int mask = Ipv4.netmask(prefixLength);
        return new AddressRange(network & mask, (network & mask) | ~mask);
    }

    /**
     * @return number of addresses in the range, 1 to 2^32.
     */
    public long size()
    {
        return Ipv4.toLong(last) - Ipv4.toLong(first) + 1;
    }

    /**
     * @param address an address.
     * @return true if it lies in the range.
     */
    public boolean contains(final int address)
    {
        return Ipv4.compare(address, first) >= 0 && Ipv4.compare(address, last) <= 0;
    }

    /**
     * @return {@code a.b.c.d} for one address, {@code a.b.c.d/n} for a prefix, {@code a.b.c.d-e.f.g.h} otherwise.
     */
    @Override
    public String toString()
    {
        if (first == last)
        {
            return Ipv4.format(first);
        }
        final long size = size();
        if (Long.bitCount(size) == 1 && (Ipv4.toLong(first) & (size - 1)) == 0)
        {
            return Ipv4.format(first) + "/" + (32 - Long.numberOfTrailingZeros(size));
        }
        return Ipv4.format(first) + "-" + Ipv4.format(last);
    }
}
