package org.timestudy.ntp;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NtpTimeTest
{
    private static long ns(final String iso)
    {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void shouldPlaceTheUnixEpochAtNtpSeconds2208988800()
    {
        assertThat(NtpTime.fromEpochNs(0)).isEqualTo(2_208_988_800L << 32);
        assertThat(NtpTime.toEpochNs(2_208_988_800L << 32)).isZero();
    }

    @Test
    void shouldEncodeHalfASecondAsHalfTheFraction()
    {
        assertThat(NtpTime.fromEpochNs(500_000_000L) & 0xFFFF_FFFFL).isEqualTo(1L << 31);
    }

    @Test
    void shouldStartEra1At2036February7()
    {
        final long eraStart = ns("2036-02-07T06:28:16Z");
        assertThat(NtpTime.fromEpochNs(eraStart)).isZero();
        assertThat(NtpTime.toEpochNs(0)).isEqualTo(eraStart);
        // One second before: the last second of era 0.
        assertThat(NtpTime.fromEpochNs(eraStart - 1_000_000_000L) >>> 32).isEqualTo(0xFFFF_FFFFL);
        assertThat(NtpTime.toEpochNs(0xFFFF_FFFFL << 32)).isEqualTo(eraStart - 1_000_000_000L);
    }

    @Test
    void shouldRoundTripTimesFrom1968To2104WithinOneNanosecond()
    {
        for (final String iso : new String[] {"1968-01-20T03:14:08Z", "1970-01-01T00:00:00.000000001Z",
            "2000-02-29T12:00:00.123456789Z", "2026-11-27T14:00:00.999999999Z", "2036-02-07T06:28:15.5Z",
            "2036-02-07T06:28:16.25Z", "2104-02-26T09:42:23Z"})
        {
            final long t = ns(iso);
            assertThat(NtpTime.toEpochNs(NtpTime.fromEpochNs(t))).as(iso).isCloseTo(t, within(1L));
        }
    }

    @Test
    void shouldComputeOffsetAndDelayOfAServerAhead()
    {
        // Server 37 s ahead, 10 ms each way, 1 ms processing.
        final long t1 = ns("2026-11-27T12:00:00Z");
        final long t2 = NtpTime.fromEpochNs(t1 + 10_000_000L + 37_000_000_000L);
        final long t3 = NtpTime.fromEpochNs(t1 + 11_000_000L + 37_000_000_000L);
        final long t4 = t1 + 21_000_000L;
        assertThat(NtpTime.offsetSecondsFromEpochNs(t1, t2, t3, t4)).isCloseTo(37.0, within(1e-9));
        assertThat(NtpTime.delaySecondsFromEpochNs(t1, t2, t3, t4)).isCloseTo(0.020, within(1e-9));
    }

    @Test
    void shouldComputeNegativeOffsetsAndAsymmetricPaths()
    {
        // Server 3 h behind; out 30 ms, back 10 ms: the offset error is half the asymmetry (10 ms).
        final long t1 = ns("2026-11-27T12:00:00Z");
        final long behind = -3 * 3600_000_000_000L;
        final long t2 = NtpTime.fromEpochNs(t1 + 30_000_000L + behind);
        final long t3 = NtpTime.fromEpochNs(t1 + 30_000_000L + behind);
        final long t4 = t1 + 40_000_000L;
        assertThat(NtpTime.offsetSecondsFromEpochNs(t1, t2, t3, t4)).isCloseTo(-10800.0 + 0.010, within(1e-9));
        assertThat(NtpTime.delaySecondsFromEpochNs(t1, t2, t3, t4)).isCloseTo(0.040, within(1e-9));
    }

    @Test
    void shouldComputeOffsetsOfYearsAcrossTheEraBoundary()
    {
        // We are in 2035, the server believes it is 2037: its timestamps have wrapped into era 1.
        final long t1 = ns("2035-06-01T00:00:00Z");
        final long ahead = ns("2037-06-01T00:00:00Z") - t1;
        final long t2 = NtpTime.fromEpochNs(t1 + ahead);
        final long t4 = t1 + 2_000_000L;
        assertThat(t2 >>> 32).as("server seconds wrapped").isLessThan(1L << 31);
        assertThat(NtpTime.offsetSecondsFromEpochNs(t1, t2, t2, t4)).isCloseTo(ahead / 1e9 - 0.001, within(1e-6));
        // And a server stuck in 2016 seen from 2026: minus about ten years.
        final long stuck = NtpTime.fromEpochNs(ns("2016-05-14T01:38:26Z"));
        final long now = ns("2026-11-27T14:17:11Z");
        assertThat(NtpTime.offsetSecondsFromEpochNs(now, stuck, stuck, now))
            .isCloseTo((ns("2016-05-14T01:38:26Z") - now) / 1e9, within(1e-6));
    }

    @Test
    void shouldHandleOffsetsNearSixtyEightYears()
    {
        final long t1 = ns("2026-01-01T00:00:00Z");
        final long years67 = 67L * 365 * 86_400 * 1_000_000_000L;
        for (final long off : new long[] {years67, -years67})
        {
            final long t2 = NtpTime.fromEpochNs(t1 + off);
            assertThat(NtpTime.offsetSecondsFromEpochNs(t1, t2, t2, t1)).isCloseTo(off / 1e9, within(1e-6));
            assertThat(Double.isFinite(NtpTime.delaySecondsFromEpochNs(t1, t2, t2, t1))).isTrue();
        }
    }

    @Test
    void shouldDecodeShortFormatAndExponents()
    {
        assertThat(NtpTime.shortToSeconds(0x0001_8000)).isEqualTo(1.5);
        assertThat(NtpTime.shortToSeconds(0xFFFF_FFFF)).isCloseTo(65536.0, within(1e-4));
        assertThat(NtpTime.log2ToSeconds(-20)).isCloseTo(9.5367e-7, within(1e-10));
        assertThat(NtpTime.log2ToSeconds(6)).isEqualTo(64.0);
    }

    @Test
    void shouldSubtractAcrossTheEra2036BoundaryInNanoseconds()
    {
        final long second = 1_000_000_000L;
        final long beforeWrap = (2_085_978_496L - 10) * second;
        final long afterWrap = (2_085_978_496L + 10) * second;
        assertThat(NtpTime.fromEpochNs(afterWrap) >>> 32).isEqualTo(10);
        assertThat(NtpTime.diffNanos(NtpTime.fromEpochNs(afterWrap), NtpTime.fromEpochNs(beforeWrap)))
            .isEqualTo(20 * second);
    }

    @Test
    void shouldComputeOffsetAndDelayInNanosecondsWhenTheServerIs68YearsAheadOrBehind()
    {
        final long second = 1_000_000_000L;
        final long t1 = 1_760_000_000L * second;
        final long t4 = t1 + 40_000_000L;
        for (final long offset : new long[] {2_140_000_000L * second, -2_140_000_000L * second})
        {
            final long t2 = NtpTime.fromEpochNs(t1 + 20_000_000L + offset);
            final long t3 = NtpTime.fromEpochNs(t1 + 21_000_000L + offset);
            assertThat(NtpTime.offsetNanosFromEpochNs(t1, t2, t3, t4)).isBetween(offset + 499_000L, offset + 501_000L);
            assertThat(NtpTime.delayNanosFromEpochNs(t1, t2, t3, t4)).isBetween(38_999_000L, 39_001_000L);
        }
    }
}
