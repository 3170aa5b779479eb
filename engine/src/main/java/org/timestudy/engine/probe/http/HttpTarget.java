package org.timestudy.engine.probe.http;

import java.net.InetAddress;

/**
 * One thing hostname mode probes: a name's address on one scheme, or the failure to get one (a name that did not
 * resolve, an address on a blocklist), which is journaled without any packet.
 *
 * @param name          the name (Host header and SNI), or an address literal.
 * @param cnames        the CNAME chain to the address's owner, space-separated, or empty.
 * @param address       the address, or null when the name did not resolve.
 * @param addressKey    the address as text (the politeness key), or empty.
 * @param port          TCP port.
 * @param https         true for TLS.
 * @param redirectDepth 0 for names from the list, n after n redirects.
 * @param blocked       true when a blocklist forbids the address: nothing is sent.
 * @param detail        why there is no address (DNS status and detail), or empty.
 */
public record HttpTarget(
    String name,
    String cnames,
    InetAddress address,
    String addressKey,
    int port,
    boolean https,
    int redirectDepth,
    boolean blocked,
    String detail)
{
    /**
     * @return the address bytes (4 or 16), or null.
     */
    public byte[] addressBytes()
    {
        return address == null ? null : address.getAddress();
    }

    /**
     * @return true when the name is an address literal (no SNI).
     */
    public boolean literal()
    {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
