package org.timestudy.engine.capture;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.timestudy.engine.probe.FollowUpSink;
import org.timestudy.engine.send.ScanTargets;
import org.timestudy.engine.wire.EthernetFlyweight;
import org.timestudy.engine.wire.Ipv4Flyweight;
import org.timestudy.nativeio.FrameBatch;
import org.timestudy.nativeio.PacketSocket;
import org.timestudy.nativeio.RealtimeClock;

/**
 * The engine's {@link FollowUpSink}, on the capture thread: frames a stateful probe builds (an ACK with its request,
 * a RST) are batched and sent with one {@code sendmmsg} at the end of each capture duty cycle, or when the batch is
 * full. Each frame's destination is checked first: it must be a target of the scan and not blocked (the last guard,
 * as for every probe); a frame that fails is not sent and is counted. Nothing is allocated per frame; the packet
 * socket is opened on the first frame, so stateless probes never open one.
 */
public final class FollowUpSender implements FollowUpSink
{
    /** A sender that refuses every frame (for probes that never ask, and for tests without a network). */
    public static final FollowUpSender NONE = new FollowUpSender();
    /** Longest follow-up frame, bytes (Ethernet MTU frame). */
    public static final int MAX_FRAME_LENGTH = 1514;

    private final String interfaceName;
    private final ScanTargets targets;
    private final AtomicCounter sent;
    private final AtomicCounter failed;
    private final FrameBatch batch;
    private final RealtimeClock clock;
    private final UnsafeBuffer scratch;
    private PacketSocket socket;
    private int pending;

    private FollowUpSender()
    {
        this.interfaceName = null;
        this.targets = null;
        this.sent = null;
        this.failed = null;
        this.batch = null;
        this.clock = null;
        this.scratch = new UnsafeBuffer(new byte[MAX_FRAME_LENGTH]);
    }

    /**
     * @param interfaceName interface to send on.
     * @param targets       the scan's targets and blocklists.
     * @param sent          counter of frames sent.
     * @param failed        counter of frames refused (guard) or not sent (kernel).
     */
    public FollowUpSender(
        final String interfaceName, final ScanTargets targets, final AtomicCounter sent, final AtomicCounter failed)
    {
        this.interfaceName = interfaceName;
        this.targets = targets;
        this.sent = sent;
        this.failed = failed;
        this.batch = new FrameBatch(FrameBatch.DEFAULT_SLOTS, MAX_FRAME_LENGTH);
        this.clock = new RealtimeClock();
        this.scratch = null;
    }

    /** {@inheritDoc} */
    @Override
    public MutableDirectBuffer claim()
    {
        if (batch == null)
        {
            return scratch;
        }
        if (pending == batch.slots())
        {
            flush();
        }
        return batch.frame(pending);
    }

    /** {@inheritDoc} */
    @Override
    public long send(final int length)
    {
        if (batch == null)
        {
            return 0;
        }
        final UnsafeBuffer frame = batch.frame(pending);
        final int ip = EthernetFlyweight.HEADER_LENGTH;
        if (length > MAX_FRAME_LENGTH || length < ip + Ipv4Flyweight.MIN_HEADER_LENGTH ||
            EthernetFlyweight.etherType(frame, 0) != EthernetFlyweight.ETHER_TYPE_IPV4)
        {
            failed.incrementRelease();
            return 0;
        }
        final int destination = Ipv4Flyweight.destination(frame, ip);
        if (!targets.inScan(destination) || targets.blocked(destination))
        {
            failed.incrementRelease();
            return 0;
        }
        batch.length(pending++, length);
        return clock.nowNs();
    }

    /** {@inheritDoc} */
    @Override
    public int maxFrameLength()
    {
        return MAX_FRAME_LENGTH;
    }

    /** Sends the frames batched so far. */
    public void flush()
    {
        if (pending == 0)
        {
            return;
        }
        if (socket == null)
        {
            socket = PacketSocket.openForSend(interfaceName);
            socket.sendBufferBytes(4 << 20);
        }
        final int ok = batch.send(socket, pending);
        if (ok > 0)
        {
            sent.getAndAddRelease(ok);
        }
        if (ok < pending)
        {
            failed.getAndAddRelease(pending - Math.max(0, ok));
        }
        pending = 0;
    }

    /** Closes the socket, if it was opened. */
    public void close()
    {
        if (socket != null)
        {
            socket.close();
            socket = null;
        }
    }
}
