package org.timestudy.engine.probe;

import org.agrona.MutableDirectBuffer;

/**
 * Where a stateful probe's receiver asks for follow-up frames (an ACK carrying a request, a RST): it claims a frame
 * slot, builds the whole frame in it (Ethernet header at 0), and sends it. The engine batches the frames, checks
 * every destination against the scan's targets and blocklists one last time, and sends them from the capture
 * thread. Stateless probes (NTP) never use it.
 */
public interface FollowUpSink
{
    /**
     * @return a frame slot to build the next frame in, at least {@link #maxFrameLength()} bytes.
     */
    MutableDirectBuffer claim();

    /**
     * Sends the frame built in the last claimed slot.
     *
     * @param length the frame's length in bytes.
     * @return the clock read when the frame was handed over, ns since 1970 (a T1 when the capture misses the frame),
     *         or 0 when it was refused (destination not a target, or blocked).
     */
    long send(int length);

    /**
     * @return the longest frame a slot holds, bytes.
     */
    int maxFrameLength();
}
