package org.timestudy.nativeio;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * A batch of frame slots in native memory with the {@code struct mmsghdr} and {@code struct iovec} arrays that point
 * at them, for {@code sendmmsg} and {@code recvmmsg} on a {@link PacketSocket}. Built once; each send or receive
 * allocates nothing.
 *
 * <pre>
 *  struct mmsghdr (64 bytes)          struct iovec (16 bytes)     struct sockaddr_ll (20, slot of 24)
 *   0 msg_name     (void *)            0 iov_base (void *)          0 family, 2 protocol, 4 ifindex,
 *   8 msg_namelen  (socklen_t)         8 iov_len  (size_t)         8 hatype, 10 pkttype, 11 halen, 12 addr
 *  16 msg_iov      (struct iovec *)
 *  24 msg_iovlen   (size_t)
 *  32 msg_control  (void *)
 *  40 msg_controllen (size_t)
 *  48 msg_flags    (int)
 *  56 msg_len      (unsigned int)
 * </pre>
 */
public final class FrameBatch
{
    /** Frames a batch holds by default: the engine sends in batches of 64. */
    public static final int DEFAULT_SLOTS = 64;
    /** pkttype of a frame this host sent (sockaddr_ll). */
    public static final int PACKET_OUTGOING = 4;

    private static final int MMSGHDR_LENGTH = 64;
    private static final int IOVEC_LENGTH = 16;
    private static final int NAME_LENGTH = 24;
    private static final int MSG_DONTWAIT = 0x40;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    private final int slots;
    private final int frameCapacity;
    private final NativeBuffer memory;
    private final UnsafeBuffer headers;
    private final UnsafeBuffer[] frames;
    private final int iovOffset;
    private final int nameOffset;
    private final int frameOffset;
    private int lastErrno;

    /**
     * @param slots         frames in the batch.
     * @param frameCapacity bytes per frame slot (at least the largest frame, Ethernet header included).
     */
    public FrameBatch(final int slots, final int frameCapacity)
    {
        this.slots = slots;
        this.frameCapacity = (frameCapacity + 63) & -64;
        this.iovOffset = slots * MMSGHDR_LENGTH;
        this.nameOffset = iovOffset + slots * IOVEC_LENGTH;
        this.frameOffset = (nameOffset + slots * NAME_LENGTH + 63) & -64;
        this.memory = new NativeBuffer(frameOffset + slots * this.frameCapacity);
        this.headers = memory.buffer();
        this.frames = new UnsafeBuffer[slots];
        final long base = memory.address();
        for (int i = 0; i < slots; i++)
        {
            final int h = i * MMSGHDR_LENGTH;
            final int iov = iovOffset + i * IOVEC_LENGTH;
            headers.putLong(h + 16, base + iov, NATIVE);
            headers.putLong(h + 24, 1, NATIVE);
            headers.putLong(iov, base + frameOffset + (long)i * this.frameCapacity, NATIVE);
            headers.putLong(iov + 8, this.frameCapacity, NATIVE);
            frames[i] = new UnsafeBuffer(headers, frameOffset + i * this.frameCapacity, this.frameCapacity);
        }
    }

    /**
     * @return number of frame slots.
     */
    public int slots()
    {
        return slots;
    }

    /**
     * @return bytes each slot can hold.
     */
    public int frameCapacity()
    {
        return frameCapacity;
    }

    /**
     * @param slot index.
     * @return the slot's frame buffer (offset 0 is the Ethernet header).
     */
    public UnsafeBuffer frame(final int slot)
    {
        return frames[slot];
    }

    /**
     * Sets the length of the frame to send from a slot.
     *
     * @param slot   index.
     * @param length bytes.
     */
    public void length(final int slot, final int length)
    {
        headers.putLong(iovOffset + slot * IOVEC_LENGTH + 8, length, NATIVE);
    }

    /**
     * @param slot index.
     * @return bytes received into that slot by the last {@link #receive}.
     */
    public int receivedLength(final int slot)
    {
        return headers.getInt(slot * MMSGHDR_LENGTH + 56, NATIVE);
    }

    /**
     * @param slot index.
     * @return sockaddr_ll pkttype of the frame received into that slot (4 = outgoing).
     */
    public int packetType(final int slot)
    {
        return headers.getByte(nameOffset + slot * NAME_LENGTH + 10) & 0xFF;
    }

    /**
     * Sends the frames in slots {@code [0, count)}, in order, with as few {@code sendmmsg} calls as the kernel
     * allows. Stops early on an error other than EINTR; {@link #lastErrno()} then says why.
     *
     * @param socket a packet socket.
     * @param count  frames to send.
     * @return frames sent.
     */
    public int send(final PacketSocket socket, final int count)
    {
        int sent = 0;
        lastErrno = 0;
        while (sent < count)
        {
            final int n = Native.LIBC.sendmmsg(socket.fd(), memory.address() + (long)sent * MMSGHDR_LENGTH,
                count - sent, 0);
            if (n < 0)
            {
                final int errno = Native.errno();
                if (errno == NativeException.EINTR)
                {
                    continue;
                }
                lastErrno = errno;
                break;
            }
            sent += n;
        }
        return sent;
    }

    /**
     * Receives whatever frames are waiting, without blocking, into all slots.
     *
     * @param socket a packet socket opened for receiving.
     * @return frames received, 0 when none was waiting.
     */
    public int receive(final PacketSocket socket)
    {
        final long base = memory.address();
        for (int i = 0; i < slots; i++)
        {
            final int h = i * MMSGHDR_LENGTH;
            headers.putLong(h, base + nameOffset + (long)i * NAME_LENGTH, NATIVE);
            headers.putInt(h + 8, NAME_LENGTH, NATIVE);
            headers.putLong(iovOffset + i * IOVEC_LENGTH + 8, frameCapacity, NATIVE);
        }
        lastErrno = 0;
        final int n = Native.LIBC.recvmmsg(socket.fd(), base, slots, MSG_DONTWAIT, 0);
        if (n < 0)
        {
            final int errno = Native.errno();
            if (errno != NativeException.EAGAIN && errno != NativeException.EINTR)
            {
                lastErrno = errno;
            }
            return 0;
        }
        return n;
    }

    /**
     * Makes the batch send-ready again after a {@link #receive}: no names, so the bound interface is used.
     */
    public void clearNames()
    {
        for (int i = 0; i < slots; i++)
        {
            headers.putLong(i * MMSGHDR_LENGTH, 0, NATIVE);
            headers.putInt(i * MMSGHDR_LENGTH + 8, 0, NATIVE);
        }
    }

    /**
     * @return errno of the last failed send or receive, 0 if it succeeded.
     */
    public int lastErrno()
    {
        return lastErrno;
    }

    /**
     * @param errno an error number.
     * @return its text.
     */
    public static String errorText(final int errno)
    {
        return Native.LIBC.strerror(errno);
    }
}
