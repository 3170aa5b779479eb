package org.timestudy.engine.validate;

/**
 * The stateless validation of replies: a 64-bit value the protocol echoes back (NTP: our transmit timestamp, which
 * the server returns as origin), keyed per scan.
 *
 * <pre>
 *   h      = SipHash-2-4(key, [remote address | remote port | local port | probe id])   64 bits
 *   cookie = ((seq XOR h[63:32]) << 32) | h[31:0]
 * </pre>
 *
 * A reply is ours only if the low 32 bits equal the MAC recomputed from its own addresses and ports: an off-path
 * sender must guess 32 bits per try. The high half carries the probe's sequence number, masked so the whole value
 * looks random on the wire (no predictable transaction id: CVE-2020-13817); the sequence number finds the probe's
 * T1 in a bounded ring without a per-probe table.
 */
public final class ProbeCookie
{
    /** Returned by {@link #sequenceOf} when a cookie does not validate. */
    public static final long INVALID = -1;

    private final SipHash mac;
    private final long probeId;

    /**
     * @param k0      key, first half.
     * @param k1      key, second half.
     * @param probeId separates the probe types' cookie spaces (e.g. a hash of the probe name).
     */
    public ProbeCookie(final long k0, final long k1, final long probeId)
    {
        this.mac = new SipHash(k0, k1);
        this.probeId = probeId;
    }

    /**
     * @param remoteAddress the target's address.
     * @param remotePort    the target's port.
     * @param localPort     our source port.
     * @param sequence      the probe's sequence number (32 bits).
     * @return the cookie to send.
     */
    public long make(final int remoteAddress, final int remotePort, final int localPort, final int sequence)
    {
        final long h = tupleMac(remoteAddress, remotePort, localPort);
        return ((long)(sequence ^ (int)(h >>> 32)) << 32) | (h & 0xFFFF_FFFFL);
    }

    /**
     * Validates an echoed cookie against the addresses and ports it came with.
     *
     * @param cookie        the value echoed back.
     * @param remoteAddress the target's address.
     * @param remotePort    the target's port.
     * @param localPort     our source port.
     * @return the probe's sequence number (0 to 2^32-1), or {@link #INVALID}.
     */
    public long sequenceOf(final long cookie, final int remoteAddress, final int remotePort, final int localPort)
    {
        final long h = tupleMac(remoteAddress, remotePort, localPort);
        if ((int)cookie != (int)h)
        {
            return INVALID;
        }
        return ((int)(cookie >>> 32) ^ (int)(h >>> 32)) & 0xFFFF_FFFFL;
    }

    /**
     * Validates a cookie of which the protocol echoes only the low 32 bits (a TCP sequence number): those bits are
     * the MAC of the addresses and ports, so an off-path sender still has to guess 32 bits.
     *
     * @param cookie32      the echoed low 32 bits.
     * @param remoteAddress the target's address.
     * @param remotePort    the target's port.
     * @param localPort     our source port.
     * @return true when they match.
     */
    public boolean validates32(final long cookie32, final int remoteAddress, final int remotePort, final int localPort)
    {
        return (int)cookie32 == (int)tupleMac(remoteAddress, remotePort, localPort);
    }

    private long tupleMac(final int remoteAddress, final int remotePort, final int localPort)
    {
        final long m0 = ((remoteAddress & 0xFFFF_FFFFL) << 32) | ((long)(remotePort & 0xFFFF) << 16) |
            (localPort & 0xFFFF);
        return mac.hash(m0, probeId);
    }
}
