package org.timestudy.engine.probe;

/**
 * What a receiver found in a packet for the engine to validate: the target's address and port, our port, and the
 * echoed cookie. One mutable instance per capture thread, reused for every packet.
 */
public final class Echo
{
    /** Target address. */
    public int remoteAddress;
    /** Target port. */
    public int remotePort;
    /** Our source port. */
    public int localPort;
    /** The cookie found in the packet. */
    public long cookie;
    /** How many bits of the cookie the protocol echoes: 64 (NTP), or 32 (a TCP sequence number). */
    public int cookieBits = 64;

    /**
     * @param remoteAddress target address.
     * @param remotePort    target port.
     * @param localPort     our port.
     * @param cookie        echoed cookie.
     */
    public void set(final int remoteAddress, final int remotePort, final int localPort, final long cookie)
    {
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.localPort = localPort;
        this.cookie = cookie;
        this.cookieBits = 64;
    }

    /**
     * For protocols that echo only the cookie's low 32 bits (TCP: the acknowledgement of our ISN): the engine
     * validates those bits, and the probe's sequence number (T1, duplicates, probe index) is not known.
     *
     * @param remoteAddress target address.
     * @param remotePort    target port.
     * @param localPort     our port.
     * @param cookie32      the echoed low 32 bits.
     */
    public void set32(final int remoteAddress, final int remotePort, final int localPort, final long cookie32)
    {
        set(remoteAddress, remotePort, localPort, cookie32 & 0xFFFF_FFFFL);
        this.cookieBits = 32;
    }
}
