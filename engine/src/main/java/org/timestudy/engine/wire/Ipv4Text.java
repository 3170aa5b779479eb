package org.timestudy.engine.wire;

/**
 * Dotted-quad text of an IPv4 address held in an int, for messages and dry runs (not on hot paths).
 */
public final class Ipv4Text
{
    private Ipv4Text()
    {
    }

    /**
     * @param address IPv4 address.
     * @return e.g. {@code 198.18.0.1}.
     */
    public static String format(final int address)
    {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }
}
