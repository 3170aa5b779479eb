package org.timestudy.bench.e2e;

import org.agrona.concurrent.UnsafeBuffer;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.nativeio.FrameBatch;
import org.timestudy.nativeio.PacketSocket;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady trickle of small Ethernet frames from the lab's internet side to the scanner's MAC, run during every
 * contender's run alike. Without traffic, a libpcap (1.9 or later) read on Linux never returns: masscan then keeps
 * its last replies in the capture buffer and never leaves its wait. The trickle lets every capture loop turn.
 * The frames carry the IEEE local experimental EtherType, not IP: no IP stack, router or scanner filter takes them
 * for anything, the wire counters ignore them, and they cannot leave the veth.
 *
 * <pre>
 *   Heartbeat INTERFACE TO_MAC FROM_MAC PER_SECOND MAX_SECONDS
 * </pre>
 */
public final class Heartbeat
{
    /** IEEE 802 local experimental EtherType 1. */
    public static final int ETHER_TYPE = 0x88B5;
    private static final int FRAME_LENGTH = 60;

    private Heartbeat()
    {
    }

    /**
     * @param args interface, destination MAC, source MAC, frames per second, how long at most in seconds.
     */
    public static void main(final String[] args)
    {
        final byte[] to = mac(args[1]);
        final byte[] from = mac(args[2]);
        final long intervalNs = 1_000_000_000L / Math.max(1, Integer.parseInt(args[3]));
        final long endNs = System.nanoTime() + (long)(Double.parseDouble(args[4]) * 1e9);
        final FrameBatch batch = new FrameBatch(1, FRAME_LENGTH);
        final UnsafeBuffer frame = batch.frame(0);
        frame.setMemory(0, FRAME_LENGTH, (byte)0);
        EthernetFlyweight.write(frame, 0, to, from, ETHER_TYPE);
        final byte[] text = "timestudy bench heartbeat".getBytes(StandardCharsets.US_ASCII);
        frame.putBytes(EthernetFlyweight.HEADER_LENGTH, text);
        batch.length(0, FRAME_LENGTH);
        try (PacketSocket socket = PacketSocket.openForSend(args[0]))
        {
            long next = System.nanoTime();
            while (next - endNs < 0)
            {
                batch.send(socket, 1);
                next += intervalNs;
                final long wait = next - System.nanoTime();
                if (wait > 0)
                {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }

    private static byte[] mac(final String text)
    {
        final byte[] mac = HexFormat.of().parseHex(text.replace(":", "").replace("-", ""));
        if (mac.length != 6)
        {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        return mac;
    }
}
