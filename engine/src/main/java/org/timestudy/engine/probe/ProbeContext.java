package org.timestudy.engine.probe;

import org.timestudy.engine.validate.ProbeCookie;

/**
 * What a probe needs to know about the scan to build and recognise frames.
 *
 * @param sourceMac      our MAC.
 * @param gatewayMac     next hop's MAC.
 * @param sourceAddress  our IPv4 address.
 * @param firstLocalPort lowest source port we use.
 * @param localPortCount number of source ports we use.
 * @param ttl            IP TTL of probes.
 * @param options        settings of stateful probes.
 */
public record ProbeContext(
    byte[] sourceMac,
    byte[] gatewayMac,
    int sourceAddress,
    int firstLocalPort,
    int localPortCount,
    int ttl,
    ProbeOptions options)
{
    /**
     * A context with the default {@link ProbeOptions}.
     *
     * @param sourceMac      our MAC.
     * @param gatewayMac     next hop's MAC.
     * @param sourceAddress  our IPv4 address.
     * @param firstLocalPort lowest source port we use.
     * @param localPortCount number of source ports we use.
     * @param ttl            IP TTL of probes.
     */
    public ProbeContext(
        final byte[] sourceMac, final byte[] gatewayMac, final int sourceAddress, final int firstLocalPort,
        final int localPortCount, final int ttl)
    {
        this(sourceMac, gatewayMac, sourceAddress, firstLocalPort, localPortCount, ttl, ProbeOptions.DEFAULTS);
    }

    /**
     * @param port a port.
     * @return true if it is one of our source ports.
     */
    public boolean isLocalPort(final int port)
    {
        return port - firstLocalPort >= 0 && port - firstLocalPort < localPortCount;
    }

    /**
     * Makes the cookie function for one probe type.
     *
     * @param k0    scan key, first half.
     * @param k1    scan key, second half.
     * @param probe the probe type.
     * @return its cookie.
     */
    public static ProbeCookie cookie(final long k0, final long k1, final ProbeType probe)
    {
        return new ProbeCookie(k0, k1, probe.cookieDomain());
    }
}
