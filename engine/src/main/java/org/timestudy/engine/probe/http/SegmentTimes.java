package org.timestudy.engine.probe.http;

/**
 * One connection's capture timestamps, as {@link CaptureClock} sees its segments: the initial sequence numbers of
 * both directions and the last data segments of each, as stream offsets with their kernel timestamps. A mode asks
 * when the segment holding a given stream offset was seen: the request's first byte (T1) and the response's first
 * byte (T4). The earliest sighting wins (a retransmission is later). Capture thread only.
 */
final class SegmentTimes
{
    private static final int RING = 32;
    private static final long MASK_32 = 0xFFFF_FFFFL;

    final byte[] remote = new byte[16];
    final int remotePort;
    final int localPort;
    final long key;
    SegmentTimes next;

    private long outIsn = -1;
    private long inIsn = -1;
    private final long[] outStart = new long[RING];
    private final int[] outLength = new int[RING];
    private final long[] outTimeNs = new long[RING];
    private final long[] inStart = new long[RING];
    private final int[] inLength = new int[RING];
    private final long[] inTimeNs = new long[RING];
    private int outCount;
    private int inCount;

    SegmentTimes(final byte[] remote16, final int remotePort, final int localPort, final long key)
    {
        System.arraycopy(remote16, 0, remote, 0, 16);
        this.remotePort = remotePort;
        this.localPort = localPort;
        this.key = key;
    }

    boolean matches(final byte[] remote16, final int remotePort, final int localPort)
    {
        if (this.remotePort != remotePort || this.localPort != localPort)
        {
            return false;
        }
        for (int i = 0; i < 16; i++)
        {
            if (remote[i] != remote16[i])
            {
                return false;
            }
        }
        return true;
    }

    void onSegment(
        final boolean outgoing, final int flags, final long sequence, final int payloadLength, final long timeNs)
    {
        final boolean syn = (flags & 0x02) != 0;
        if (outgoing)
        {
            if (syn)
            {
                outIsn = sequence;
            }
            else if (payloadLength > 0 && outIsn >= 0)
            {
                final int slot = outCount++ % RING;
                outStart[slot] = (sequence - outIsn - 1) & MASK_32;
                outLength[slot] = payloadLength;
                outTimeNs[slot] = timeNs;
            }
        }
        else
        {
            if (syn)
            {
                inIsn = sequence;
            }
            else if (payloadLength > 0 && inIsn >= 0)
            {
                final int slot = inCount++ % RING;
                inStart[slot] = (sequence - inIsn - 1) & MASK_32;
                inLength[slot] = payloadLength;
                inTimeNs[slot] = timeNs;
            }
        }
    }

    /**
     * @param offset a stream offset of our bytes.
     * @return the earliest capture time of a segment carrying it, ns since 1970, or 0.
     */
    long sentAt(final long offset)
    {
        return earliest(outStart, outLength, outTimeNs, Math.min(outCount, RING), offset);
    }

    /**
     * @param offset a stream offset of the server's bytes.
     * @return the earliest capture time of a segment carrying it, ns since 1970, or 0.
     */
    long receivedAt(final long offset)
    {
        return earliest(inStart, inLength, inTimeNs, Math.min(inCount, RING), offset);
    }

    private static long earliest(
        final long[] start, final int[] length, final long[] time, final int n, final long offset)
    {
        long best = 0;
        for (int i = 0; i < n; i++)
        {
            if (offset >= start[i] && offset < start[i] + length[i] && (best == 0 || time[i] < best))
            {
                best = time[i];
            }
        }
        return best;
    }
}
