package org.timestudy.analyzer.clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NtpTimestampsTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldRoundTripUnixTimeToTheNanosecondScale()
    {
        final long t = 1_760_000_000L * SECOND + 123_456_789L;
        final long ntp = NtpTimestamps.fromUnixNs(t);

        assertThat(ntp >>> 32).isEqualTo(1_760_000_000L + NtpTimestamps.UNIX_EPOCH_NTP_SECONDS);
        assertThat(NtpTimestamps.differenceNs(ntp, NtpTimestamps.fromUnixNs(t - SECOND))).isBetween(
            SECOND - 1, SECOND + 1);
    }

    @Test
    void shouldSubtractAcrossTheEra2036Boundary()
    {
        final long beforeWrap = (2_085_978_496L - 10) * SECOND;
        final long afterWrap = (2_085_978_496L + 10) * SECOND;

        assertThat(NtpTimestamps.fromUnixNs(afterWrap) >>> 32).isEqualTo(10);
        assertThat(NtpTimestamps.differenceNs(NtpTimestamps.fromUnixNs(afterWrap),
            NtpTimestamps.fromUnixNs(beforeWrap))).isEqualTo(20 * SECOND);
    }

    @Test
    void shouldComputeOffsetAndDelayWhenServerIs68YearsAheadOrBehind()
    {
        final long t1 = 1_760_000_000L * SECOND;
        final long t4 = t1 + 40_000_000L;
        for (final long offset : new long[] {2_140_000_000L * SECOND, -2_140_000_000L * SECOND})
        {
            final long t2 = NtpTimestamps.fromUnixNs(t1 + 20_000_000L + offset);
            final long t3 = NtpTimestamps.fromUnixNs(t1 + 21_000_000L + offset);

            assertThat(NtpTimestamps.offsetNs(t1, t2, t3, t4)).isBetween(offset + 499_000L, offset + 501_000L);
            assertThat(NtpTimestamps.delayNs(t1, t2, t3, t4)).isBetween(38_999_000L, 39_001_000L);
        }
    }
}
