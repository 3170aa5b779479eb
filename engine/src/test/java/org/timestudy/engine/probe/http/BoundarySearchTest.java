package org.timestudy.engine.probe.http;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.timestudy.http.HttpOffset;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * htpdate's boundary search against a simulated server clock: whatever the offset, round-trip time and scheduling
 * jitter, the bracket always holds the true offset; with RTTs of a few ms it gets within 10 ms in at most 10
 * requests; a stuck clock is found inconsistent.
 */
class BoundarySearchTest
{
    private static final long NANOS = 1_000_000_000L;
    private static final long START = 1_795_000_000L * NANOS + 123_456_789L;

    @Property(tries = 3000)
    void shouldAlwaysBracketTheTrueOffsetAndReachTenMillisecondsWithinTenRequests(
        @ForAll @LongRange(min = -100_000 * NANOS, max = 100_000 * NANOS) final long offsetNs,
        @ForAll @DoubleRange(min = 0.05, max = 4) final double rttMs,
        @ForAll final long seed)
    {
        final BoundarySearch search = new BoundarySearch(10, 2_000_000);
        final SplittableRandom random = new SplittableRandom(seed);
        final long rtt = (long)(rttMs * 1e6);
        long now = START + random.nextLong(NANOS);
        long send = now;
        while (!search.finished())
        {
            // Late by up to 1 ms (the event loop's scheduling); the server stamps somewhere in [T1, T4].
            final long t1 = Math.max(send, now) + random.nextLong(1_000_000);
            final long t4 = t1 + rtt;
            final long stamp = t1 + (long)(random.nextDouble() * rtt);
            final long date = Math.floorDiv(stamp + offsetNs, NANOS);
            search.onReading(date, t1, t4);
            assertThat(search.lowNs()).isLessThanOrEqualTo(offsetNs);
            assertThat(search.highNs()).isGreaterThanOrEqualTo(offsetNs);
            now = t4 + 1_000_000;
            send = search.nextSendEpochNs(now, 20_000_000);
            assertThat(send).isGreaterThanOrEqualTo(now);
        }
        assertThat(search.inconsistent()).isFalse();
        assertThat(search.readings()).isLessThanOrEqualTo(10);
        assertThat(Math.abs(HttpOffset.middleSeconds(search.lowNs(), search.highNs()) - offsetNs / 1e9))
            .as("error after %d requests, RTT %.2f ms", search.readings(), rttMs).isLessThanOrEqualTo(0.010);
    }

    @Test
    void shouldFindAStuckClockInconsistent()
    {
        final BoundarySearch search = new BoundarySearch(10, 2_000_000);
        long t = START;
        while (!search.finished())
        {
            search.onReading(1_463_189_906L, t, t + 100_000);
            t = search.nextSendEpochNs(t + 200_000, 20_000_000);
        }
        assertThat(search.inconsistent()).isTrue();
        assertThat(search.readings()).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldStopAtTheGoalOrTheBudget()
    {
        final BoundarySearch search = new BoundarySearch(3, 0);
        for (int i = 0; i < 3; i++)
        {
            assertThat(search.finished()).isFalse();
            search.onReading(START / NANOS, START + i * NANOS, START + i * NANOS + 1000);
        }
        assertThat(search.finished()).isTrue();
    }
}
