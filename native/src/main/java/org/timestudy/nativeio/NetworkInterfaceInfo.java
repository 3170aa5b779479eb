package org.timestudy.nativeio;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the engine needs to know about a network interface: index, MAC, IPv4 address, MTU.
 *
 * @param name    interface name.
 * @param index   interface index.
 * @param mac     hardware address, 6 bytes.
 * @param ipv4    first IPv4 address, as an int (network order value), or 0 if none.
 * @param mtuBytes MTU in bytes.
 */
public record NetworkInterfaceInfo(String name, int index, byte[] mac, int ipv4, int mtuBytes)
{
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final long SIOCGIFADDR = 0x8915;
    private static final int IFREQ_LENGTH = 40;

    /**
     * Reads an interface's facts.
     *
     * @param name interface name.
     * @return its facts.
     * @throws EnvironmentNotReadyException when there is no such interface.
     */
    public static NetworkInterfaceInfo of(final String name)
    {
        final int index = ifindex(name);
        final Path sys = Path.of("/sys/class/net", name);
        try
        {
            final byte[] mac = parseMac(Files.readString(sys.resolve("address")).trim());
            final int mtu = Integer.parseInt(Files.readString(sys.resolve("mtu")).trim());
            return new NetworkInterfaceInfo(name, index, mac, ipv4(name), mtu);
        }
        catch (final IOException ex)
        {
            throw new EnvironmentNotReadyException("cannot read " + sys + ": " + ex.getMessage());
        }
    }

    /**
     * @param name interface name.
     * @return its index.
     * @throws EnvironmentNotReadyException when there is no such interface.
     */
    public static int ifindex(final String name)
    {
        final int index = Native.LIBC.if_nametoindex(name);
        if (index == 0)
        {
            throw new EnvironmentNotReadyException("no network interface '" + name + "' here (see `ip link`)");
        }
        return index;
    }

    /**
     * @param text {@code aa:bb:cc:dd:ee:ff}.
     * @return six bytes.
     */
    public static byte[] parseMac(final String text)
    {
        final String[] parts = text.split(":");
        if (parts.length != 6)
        {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        final byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            mac[i] = (byte)Integer.parseInt(parts[i], 16);
        }
        return mac;
    }

    /**
     * @param mac six bytes.
     * @return {@code aa:bb:cc:dd:ee:ff}.
     */
    public static String formatMac(final byte[] mac)
    {
        final StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < mac.length; i++)
        {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", mac[i] & 0xFF));
        }
        return sb.toString();
    }

    private static int ipv4(final String name)
    {
        final int fd = Native.LIBC.socket(AF_INET, SOCK_DGRAM, 0);
        if (fd < 0)
        {
            throw Native.failure("socket(AF_INET)");
        }
        try
        {
            final NativeBuffer ifreq = new NativeBuffer(IFREQ_LENGTH);
            final byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ifreq.buffer().putBytes(0, n, 0, Math.min(n.length, 15));
            if (Native.LIBC.ioctl(fd, SIOCGIFADDR, ifreq.address()) != 0)
            {
                return 0;
            }
            // struct sockaddr_in at offset 16: family, port, then the address in network order.
            return ifreq.buffer().getInt(16 + 4, ByteOrder.BIG_ENDIAN);
        }
        finally
        {
            Native.LIBC.close(fd);
        }
    }
}
