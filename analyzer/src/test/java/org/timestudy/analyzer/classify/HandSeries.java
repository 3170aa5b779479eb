package org.timestudy.analyzer.classify;

import org.timestudy.analyzer.clock.SeriesBuffer;

import java.util.Random;
import java.util.function.LongUnaryOperator;

/**
 * Hand-built series for tests: a clock given as a function from true time to offset, sampled at a fixed interval
 * with seeded noise that respects each method's physical bound (NTP error within δ/2, HTTP Date truncated).
 */
final class HandSeries
{
    static final long SECOND = 1_000_000_000L;
    static final long HOUR = 3600 * SECOND;
    static final long DAY = 24 * HOUR;
    static final long START = 1_760_000_000L * SECOND;

    private HandSeries()
    {
    }

    /**
     * NTP samples: delay δ = base + exponential queueing each way; offset error (out − back)/2.
     */
    static SeriesBuffer ntp(
        final int count, final long intervalNs, final long seed, final LongUnaryOperator offsetNsAt)
    {
        final Random random = new Random(seed);
        final SeriesBuffer buffer = new SeriesBuffer(count);
        for (int i = 0; i < count; i++)
        {
            final long t1 = START + i * intervalNs + (long)(random.nextDouble() * 60 * SECOND);
            addNtp(buffer, random, t1, offsetNsAt, 10_000_000L);
        }
        return buffer;
    }

    static void addNtp(
        final SeriesBuffer buffer, final Random random, final long t1, final LongUnaryOperator offsetNsAt,
        final long baseOneWayNs)
    {
        final long out = baseOneWayNs + (long)(-Math.log(1 - random.nextDouble()) * 2_000_000);
        final long back = baseOneWayNs + (long)(-Math.log(1 - random.nextDouble()) * 2_000_000);
        final long arrive = t1 + out;
        final long t4 = arrive + back;
        final long offset = offsetNsAt.applyAsLong(arrive);
        // T2 = T3 = remote time at arrival; θ = ((T2 − T1) + (T3 − T4)) / 2.
        final long remote = arrive + offset;
        final long theta = ((remote - t1) + (remote - t4)) / 2;
        buffer.addNtp(t1 + (t4 - t1) / 2, theta, t4 - t1, -20, 0);
    }

    /**
     * Naive HTTP samples: RTT 20–80 ms, Date = floor of remote time at arrival.
     */
    static SeriesBuffer http(
        final int count, final long intervalNs, final long seed, final LongUnaryOperator offsetNsAt)
    {
        final Random random = new Random(seed);
        final SeriesBuffer buffer = new SeriesBuffer(count);
        for (int i = 0; i < count; i++)
        {
            final long t1 = START + i * intervalNs + (long)(random.nextDouble() * 600 * SECOND);
            final long out = 10_000_000L + (long)(random.nextDouble() * 30_000_000L);
            final long back = 10_000_000L + (long)(random.nextDouble() * 30_000_000L);
            final long remote = t1 + out + offsetNsAt.applyAsLong(t1 + out);
            buffer.addHttpDate(t1, t1 + out + back, Math.floorDiv(remote, SECOND), 0);
        }
        return buffer;
    }

    static LongUnaryOperator constant(final long offsetNs)
    {
        return t -> offsetNs;
    }

    static LongUnaryOperator drift(final long offsetAtStartNs, final double ppm)
    {
        return t -> offsetAtStartNs + (long)((t - START) * ppm * 1e-6);
    }

    static LongUnaryOperator sawtooth(final double ppm, final long periodNs, final long phaseNs)
    {
        return t -> (long)(Math.floorMod(t - START + phaseNs, periodNs) * ppm * 1e-6);
    }
}
