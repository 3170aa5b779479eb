package org.timestudy.targets.dns;

import java.util.List;

/**
 * One address a name resolved to, and the way there.
 *
 * @param address   the address in text form ({@code 198.19.0.30}, {@code 2001:db8::1}).
 * @param family    4 or 6.
 * @param owner     the name that holds the A/AAAA record: the queried name, or the end of its CNAME chain.
 * @param cnames    the CNAME chain from the queried name to {@code owner}, excluding the queried name; empty if
 *                  there is none.
 * @param ttlS      the record's TTL, in seconds.
 */
public record ResolvedAddress(String address, int family, String owner, List<String> cnames, long ttlS)
{
    /**
     * @param address the address.
     * @param family  4 or 6.
     * @param owner   name holding the record.
     * @param cnames  CNAME chain.
     * @param ttlS    TTL in seconds.
     */
    public ResolvedAddress
    {
        cnames = List.copyOf(cnames);
    }
}
