package org.timestudy.testbed.sim;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Replies of slow servers, held until they are due: a fixed pool of frame slots and a binary min-heap of their due
 * times. No allocation after construction; when full, new replies are refused (and counted by the caller).
 */
final class DelayLine
{
    private final int frameCapacity;
    private final UnsafeBuffer frames;
    private final int[] lengths;
    private final long[] heapDue;
    private final int[] heapSlot;
    private final int[] free;
    private int freeCount;
    private int size;

    DelayLine(final int slots, final int frameCapacity)
    {
        this.frameCapacity = frameCapacity;
        this.frames = new UnsafeBuffer(new byte[slots * frameCapacity]);
        this.lengths = new int[slots];
        this.heapDue = new long[slots];
        this.heapSlot = new int[slots];
        this.free = new int[slots];
        for (int i = 0; i < slots; i++)
        {
            free[i] = slots - 1 - i;
        }
        this.freeCount = slots;
    }

    /**
     * @param frame  the reply.
     * @param length its length.
     * @param dueNs  when to send it (monotonic).
     * @return false when full.
     */
    boolean offer(final UnsafeBuffer frame, final int length, final long dueNs)
    {
        if (freeCount == 0 || length > frameCapacity)
        {
            return false;
        }
        final int slot = free[--freeCount];
        frames.putBytes(slot * frameCapacity, frame, 0, length);
        lengths[slot] = length;
        int i = size++;
        while (i > 0)
        {
            final int parent = (i - 1) >> 1;
            if (heapDue[parent] - dueNs <= 0)
            {
                break;
            }
            heapDue[i] = heapDue[parent];
            heapSlot[i] = heapSlot[parent];
            i = parent;
        }
        heapDue[i] = dueNs;
        heapSlot[i] = slot;
        return true;
    }

    /**
     * Moves the earliest due reply into {@code out}, if it is due.
     *
     * @param nowNs monotonic time.
     * @param out   where to copy the frame.
     * @return its length, or 0 when nothing is due.
     */
    int poll(final long nowNs, final UnsafeBuffer out)
    {
        if (size == 0 || heapDue[0] - nowNs > 0)
        {
            return 0;
        }
        final int slot = heapSlot[0];
        final int length = lengths[slot];
        out.putBytes(0, frames, slot * frameCapacity, length);
        free[freeCount++] = slot;
        final long lastDue = heapDue[--size];
        final int lastSlot = heapSlot[size];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && heapDue[child + 1] - heapDue[child] < 0)
            {
                child++;
            }
            if (lastDue - heapDue[child] <= 0)
            {
                break;
            }
            heapDue[i] = heapDue[child];
            heapSlot[i] = heapSlot[child];
            i = child;
        }
        heapDue[i] = lastDue;
        heapSlot[i] = lastSlot;
        return length;
    }

    int size()
    {
        return size;
    }
}
