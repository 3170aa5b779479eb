package org.timestudy.nativeio;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * A block of native memory, cache-line aligned, zeroed, with its address for libc calls and an Agrona buffer over
 * it for Java code. Freed by the garbage collector with its ByteBuffer.
 */
public final class NativeBuffer
{
    private static final int ALIGNMENT = 64;

    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final long address;

    /**
     * @param capacity bytes.
     */
    public NativeBuffer(final int capacity)
    {
        this.byteBuffer = BufferUtil.allocateDirectAligned(Math.max(ALIGNMENT, align(capacity)), ALIGNMENT);
        this.buffer = new UnsafeBuffer(byteBuffer, 0, capacity);
        this.address = BufferUtil.address(byteBuffer);
        buffer.setMemory(0, capacity, (byte)0);
    }

    /**
     * @return native address of byte 0.
     */
    public long address()
    {
        return address;
    }

    /**
     * @return a buffer over the whole block.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return capacity in bytes.
     */
    public int capacity()
    {
        return buffer.capacity();
    }

    private static int align(final int n)
    {
        return (n + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
