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
    }
}
