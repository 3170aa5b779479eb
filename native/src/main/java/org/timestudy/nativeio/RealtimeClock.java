package org.timestudy.nativeio;

import java.nio.ByteOrder;

/**
 * CLOCK_REALTIME read with {@code clock_gettime}, in ns since 1970, without allocating. One instance per thread.
 */
public final class RealtimeClock
{
    private static final int CLOCK_REALTIME = 0;

    private final NativeBuffer timespec = new NativeBuffer(16);

    /**
     * @return ns since 1970-01-01 UTC.
     */
    public long nowNs()
    {
        Native.LIBC.clock_gettime(CLOCK_REALTIME, timespec.address());
        return timespec.buffer().getLong(0, ByteOrder.nativeOrder()) * 1_000_000_000L +
            timespec.buffer().getLong(8, ByteOrder.nativeOrder());
    }
}
