package org.timestudy.targets.dns;

import java.util.List;

/**
 * What one name resolved to: every A and AAAA address with the CNAME chain that led to it, and how each of the two
 * queries ended.
 *
 * @param name        the name asked for.
 * @param ipv4Status  how the A query ended.
 * @param ipv6Status  how the AAAA query ended.
 * @param cnames      the CNAME chain from {@code name} (longest seen over both queries), empty if none.
 * @param addresses   every address, A records first, in answer order.
 * @param detail      why a query failed (server message, exception), or empty.
 */
public record Resolution(
    String name,
    ResolutionStatus ipv4Status,
    ResolutionStatus ipv6Status,
    List<String> cnames,
    List<ResolvedAddress> addresses,
    String detail)
{
    /**
     * @param name       the name.
     * @param ipv4Status A query outcome.
     * @param ipv6Status AAAA query outcome.
     * @param cnames     CNAME chain.
     * @param addresses  addresses.
     * @param detail     failure detail.
     */
    public Resolution
    {
        cnames = List.copyOf(cnames);
        addresses = List.copyOf(addresses);
    }

    /**
     * @return {@link ResolutionStatus#OK} (or LITERAL) if any address came back, else the more telling failure of
     * the two queries: NXDOMAIN, then TIMEOUT, SERVFAIL, REFUSED, ERROR, and NODATA last.
     */
    public ResolutionStatus status()
    {
        if (ipv4Status == ResolutionStatus.LITERAL || ipv6Status == ResolutionStatus.LITERAL)
        {
            return ResolutionStatus.LITERAL;
        }
        if (!addresses.isEmpty())
        {
            return ResolutionStatus.OK;
        }
        for (final ResolutionStatus s : List.of(ResolutionStatus.NXDOMAIN, ResolutionStatus.TIMEOUT,
            ResolutionStatus.SERVFAIL, ResolutionStatus.REFUSED, ResolutionStatus.ERROR))
        {
            if (ipv4Status == s || ipv6Status == s)
            {
                return s;
            }
        }
        return ResolutionStatus.NODATA;
    }
}
