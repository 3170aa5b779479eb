package org.timestudy.nativeio;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * An AF_PACKET {@code SOCK_RAW} socket bound to one interface: frames go out exactly as built (Ethernet header
 * included) and, when opened for receiving, come in whole. Blocking sends: when the interface queue is full, the
 * kernel holds the sender rather than dropping.
 *
 * <p>Never set PACKET_QDISC_BYPASS here: it gains nothing on a veth and hides outgoing frames from capture, which
 * the engine uses for T1.
 */
public final class PacketSocket implements AutoCloseable
{
    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_SNDBUFFORCE = 32;
    static final int SO_RCVBUFFORCE = 33;
    static final int SO_ATTACH_FILTER = 26;
    static final int SOL_PACKET = 263;
    static final int PACKET_IGNORE_OUTGOING = 23;
    static final int PACKET_STATISTICS = 6;
    /** EtherType of IPv4. */
    public static final int ETH_P_IP = 0x0800;
    /** Every protocol. */
    public static final int ETH_P_ALL = 0x0003;

    private static final int SOCKADDR_LL_LENGTH = 20;

    private final int fd;
    private final int ifindex;
    private final String interfaceName;
    private final NativeBuffer scratch = new NativeBuffer(64);

    private PacketSocket(final int fd, final int ifindex, final String interfaceName)
    {
        this.fd = fd;
        this.ifindex = ifindex;
        this.interfaceName = interfaceName;
    }

    /**
     * Opens a socket that only sends: with protocol 0 the kernel delivers it nothing, so it costs nothing on receive.
     *
     * @param interfaceName e.g. {@code eth0}.
     * @return the socket.
     * @throws EnvironmentNotReadyException without CAP_NET_RAW, or when the interface does not exist.
     */
    public static PacketSocket openForSend(final String interfaceName)
    {
        return open(interfaceName, 0);
    }

    /**
     * Opens a socket that receives the frames of one EtherType arriving on an interface.
     *
     * @param interfaceName e.g. {@code eth0}.
     * @param etherType     e.g. {@link #ETH_P_IP}.
     * @return the socket.
     */
    public static PacketSocket openForReceive(final String interfaceName, final int etherType)
    {
        return open(interfaceName, etherType);
    }

    private static PacketSocket open(final String interfaceName, final int etherType)
    {
        final int ifindex = NetworkInterfaceInfo.ifindex(interfaceName);
        final int protocol = Short.toUnsignedInt(Short.reverseBytes((short)etherType));
        final int fd = Native.LIBC.socket(AF_PACKET, SOCK_RAW, protocol);
        if (fd < 0)
        {
            final int errno = Native.errno();
            if (errno == NativeException.EPERM || errno == 13)
            {
                throw new EnvironmentNotReadyException(
                    "raw packet sockets need CAP_NET_RAW (run as root, or setcap cap_net_raw,cap_net_admin+ep)");
            }
            throw Native.failure("socket(AF_PACKET, SOCK_RAW)");
        }
        final PacketSocket s = new PacketSocket(fd, ifindex, interfaceName);
        final UnsafeBuffer sll = s.scratch.buffer();
        sll.setMemory(0, SOCKADDR_LL_LENGTH, (byte)0);
        sll.putShort(0, (short)AF_PACKET, ByteOrder.nativeOrder());
        sll.putShort(2, (short)etherType, ByteOrder.BIG_ENDIAN);
        sll.putInt(4, ifindex, ByteOrder.nativeOrder());
        if (Native.LIBC.bind(fd, s.scratch.address(), SOCKADDR_LL_LENGTH) != 0)
        {
            final NativeException ex = Native.failure("bind(AF_PACKET, " + interfaceName + ")");
            s.close();
            throw ex;
        }
        return s;
    }

    /**
     * @return the file descriptor.
     */
    public int fd()
    {
        return fd;
    }

    /**
     * @return the interface's index.
     */
    public int ifindex()
    {
        return ifindex;
    }

    /**
     * @return the interface's name.
     */
    public String interfaceName()
    {
        return interfaceName;
    }

    /**
     * Sets the send buffer, beyond the sysctl limit when privileged.
     *
     * @param bytes size.
     */
    public void sendBufferBytes(final int bytes)
    {
        if (!setInt(SOL_SOCKET, SO_SNDBUFFORCE, bytes))
        {
            setIntOrFail(SOL_SOCKET, SO_SNDBUF, bytes, "SO_SNDBUF");
        }
    }

    /**
     * Sets the receive buffer, beyond the sysctl limit when privileged.
     *
     * @param bytes size.
     */
    public void receiveBufferBytes(final int bytes)
    {
        if (!setInt(SOL_SOCKET, SO_RCVBUFFORCE, bytes))
        {
            setIntOrFail(SOL_SOCKET, SO_RCVBUF, bytes, "SO_RCVBUF");
        }
    }

    /** Stops delivering this host's own outgoing frames to this socket. */
    public void ignoreOutgoing()
    {
        setIntOrFail(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
    }

    /**
     * Attaches a classic BPF filter, so the kernel delivers only matching frames.
     *
     * @param program the filter.
     */
    public void attachFilter(final BpfProgram program)
    {
        final NativeBuffer code = program.toNative();
        final UnsafeBuffer fprog = scratch.buffer();
        fprog.setMemory(0, 16, (byte)0);
        fprog.putShort(0, (short)program.length(), ByteOrder.nativeOrder());
        fprog.putLong(8, code.address(), ByteOrder.nativeOrder());
        if (Native.LIBC.setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, scratch.address(), 16) != 0)
        {
            throw Native.failure("setsockopt(SO_ATTACH_FILTER)");
        }
    }

    /**
     * Reads and resets the kernel's counters of this receiving socket ({@code PACKET_STATISTICS}).
     *
     * @return frames dropped because the socket's buffer was full since the last call.
     */
    public long dropsSinceLastCall()
    {
        final UnsafeBuffer b = scratch.buffer();
        b.putInt(8, 8, ByteOrder.nativeOrder());
        if (Native.LIBC.getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, scratch.address(),
            scratch.address() + 8) != 0)
        {
            throw Native.failure("getsockopt(PACKET_STATISTICS)");
        }
        return b.getInt(4, ByteOrder.nativeOrder()) & 0xFFFF_FFFFL;
    }

    private boolean setInt(final int level, final int option, final int value)
    {
        scratch.buffer().putInt(0, value, ByteOrder.nativeOrder());
        return Native.LIBC.setsockopt(fd, level, option, scratch.address(), 4) == 0;
    }

    private void setIntOrFail(final int level, final int option, final int value, final String name)
    {
        if (!setInt(level, option, value))
        {
            throw Native.failure("setsockopt(" + name + ")");
        }
    }

    @Override
    public void close()
    {
        Native.LIBC.close(fd);
    }
}
