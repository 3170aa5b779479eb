package org.timestudy.bench.e2e;

import org.junit.jupiter.api.Test;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.sim.SimSpec;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyCheckTest
{
    private static final long NOW_NS = 1_795_000_000_000_000_000L;
    private static final int ADDRESS = 0xC612_0A0B;
    private static final int SERVER = NtpFields.firstByte(0, 4, NtpFields.MODE_SERVER);

    private final Population population = SimSpec.bench(3, "198.18.0.0/16", NOW_NS).population();
    private final ReplyCheck check = new ReplyCheck(population);

    @Test
    void shouldAcceptWhatTheResponderSendsWhenRecordedAFewMillisecondsLater()
    {
        final long t2 = NtpTime.fromEpochNs(population.remoteTimeNs(ADDRESS, NOW_NS, 7));
        final long t3 = NtpTime.fromEpochNs(population.remoteTimeNs(ADDRESS, NOW_NS + 2_000, 7));
        assertThat(check.correct(ADDRESS, NOW_NS - 3_000_000, NOW_NS + 5_000_000, SERVER, 2, t2, t3)).isTrue();
    }

    @Test
    void shouldAcceptAReplyOnEitherSideOfAResetInsideTheWindow()
    {
        final int resetting = resettingAddress();
        final long lo = resetOf(resetting) - 2_000_000;
        final long hi = lo + 4_000_000;
        for (final long at : new long[] {lo + 500_000, hi - 500_000})
        {
            final long t2 = NtpTime.fromEpochNs(population.remoteTimeNs(resetting, at, 1));
            assertThat(check.correct(resetting, lo, hi, SERVER, 2, t2, t2 + 8590)).as("T2 at %d", at).isTrue();
        }
        final long wrong = NtpTime.fromEpochNs(population.remoteTimeNs(resetting, lo, 1)) + (5L << 32);
        assertThat(check.correct(resetting, lo, hi, SERVER, 2, wrong, wrong + 8590)).isFalse();
    }

    /** An address whose clock steps back (a reset) within a day of NOW_NS. */
    private int resettingAddress()
    {
        for (int a = 0; a < 65536; a++)
        {
            if (resetOf(0xC612_0000 + a) > 0)
            {
                return 0xC612_0000 + a;
            }
        }
        throw new IllegalStateException("no reset within a day in the bench population");
    }

    /** The first time within a day after NOW_NS at which an address's offset steps back by more than 1 s, or 0. */
    private long resetOf(final int address)
    {
        long previous = population.expectedOffsetNs(address, NOW_NS);
        for (long t = NOW_NS + 60_000_000_000L; t < NOW_NS + 86_400_000_000_000L; t += 60_000_000_000L)
        {
            final long offset = population.expectedOffsetNs(address, t);
            if (offset < previous - 1_000_000_000L)
            {
                long a = t - 60_000_000_000L;
                long b = t;
                while (b - a > 1000)
                {
                    final long m = (a + b) >>> 1;
                    if (population.expectedOffsetNs(address, m) < previous - 1_000_000_000L)
                    {
                        b = m;
                    }
                    else
                    {
                        a = m;
                    }
                }
                return b;
            }
            previous = offset;
        }
        return 0;
    }

    @Test
    void shouldRefuseTimestampsDecodedWrongOrFieldsMissing()
    {
        final long t2 = NtpTime.fromEpochNs(population.remoteTimeNs(ADDRESS, NOW_NS, 7));
        final long t3 = t2 + 8590;
        final long lo = NOW_NS - 3_000_000;
        final long hi = NOW_NS + 5_000_000;
        assertThat(check.correct(ADDRESS, lo, hi, SERVER, 2, Long.reverseBytes(t2), t3)).as("byte order").isFalse();
        assertThat(check.correct(ADDRESS, lo, hi, SERVER, 2, t2 + (1L << 32), t3 + (1L << 32))).as("1 s off")
            .isFalse();
        assertThat(check.correct(ADDRESS, lo, hi, SERVER, 2, t3, t2)).as("T2 and T3 swapped").isFalse();
        assertThat(check.correct(ADDRESS, lo, hi, SERVER, 2, 0, 0)).as("empty fields").isFalse();
        assertThat(check.correct(ADDRESS, lo, hi, SERVER, 3, t2, t3)).as("stratum").isFalse();
        assertThat(check.correct(ADDRESS, lo, hi, NtpFields.firstByte(0, 3, 4), 2, t2, t3)).as("version").isFalse();
        assertThat(check.correct(ADDRESS + 1, lo, hi, SERVER, 2, t2, t3)).as("another address's clock")
            .isEqualTo(Math.abs(population.expectedOffsetNs(ADDRESS + 1, NOW_NS) -
                population.expectedOffsetNs(ADDRESS, NOW_NS)) < 1_000_000);
    }
}
