package org.timestudy.engine.send;

/**
 * A test plan: every address of one range, in order, on one port, with an optional blocked sub-range.
 */
public final class RangePlan implements TargetPlan
{
    private final int first;
    private final int count;
    private final int port;
    private final int blockedFirst;
    private final int blockedCount;

    public RangePlan(final int first, final int count, final int port, final int blockedFirst, final int blockedCount)
    {
        this.first = first;
        this.count = count;
        this.port = port;
        this.blockedFirst = blockedFirst;
        this.blockedCount = blockedCount;
    }

    @Override
    public long targetCount()
    {
        return count;
    }

    @Override
    public TargetCursor cursor(final int thread, final int threads)
    {
        return new TargetCursor()
        {
            private long position;

            @Override
            public long next()
            {
                final long index = position * threads + thread;
                if (index >= count)
                {
                    return END;
                }
                position++;
                return (((first + index) & 0xFFFF_FFFFL) << 16) | port;
            }

            @Override
            public long position()
            {
                return position;
            }

            @Override
            public void seek(final long p)
            {
                position = p;
            }
        };
    }

    @Override
    public boolean inScan(final int address)
    {
        return Integer.compareUnsigned(address - first, count) < 0;
    }

    @Override
    public boolean blocked(final int address)
    {
        return Integer.compareUnsigned(address - blockedFirst, blockedCount) < 0;
    }

    @Override
    public String fingerprint()
    {
        return first + "/" + count + "/" + port;
    }

    @Override
    public String blocklistSummary()
    {
        return "test";
    }
}
