package org.timestudy.analyzer.classify;

import org.timestudy.ntp.NtpTime;
import org.junit.jupiter.api.Test;
import org.timestudy.analyzer.clock.EnvelopeFitter;
import org.timestudy.analyzer.clock.LineFit;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.PointSet;
import org.timestudy.analyzer.clock.RobustLineFitter;
import org.timestudy.analyzer.clock.SampleStatus;
import org.timestudy.analyzer.clock.SeriesBuffer;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timestudy.analyzer.classify.HandSeries.DAY;
import static org.timestudy.analyzer.classify.HandSeries.HOUR;
import static org.timestudy.analyzer.classify.HandSeries.SECOND;
import static org.timestudy.analyzer.classify.HandSeries.START;
import static org.timestudy.analyzer.classify.HandSeries.constant;
import static org.timestudy.analyzer.classify.HandSeries.drift;
import static org.timestudy.analyzer.classify.HandSeries.http;
import static org.timestudy.analyzer.classify.HandSeries.ntp;
import static org.timestudy.analyzer.classify.HandSeries.sawtooth;

class ClassifierTest
{
    private final Classifier classifier = new Classifier(new ClassifierConfig());

    @Test
    void shouldClassifySyncedWhenOffsetsStayWithinTolerance()
    {
        final Verdict v = classifier.classify(ntp(48, HOUR, 1, constant(300_000)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.changes()).isEmpty();
        assertThat(Math.abs(v.offsetNs())).isLessThan(5_000_000L);
        assertThat(v.method()).isEqualTo(Method.NTP);
        assertFinite(v);
    }

    @Test
    void shouldClassifySyncedOverHttpWhenDateMatchesToTheSecond()
    {
        final Verdict v = classifier.classify(http(48, HOUR, 2, constant(0)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.method()).isEqualTo(Method.HTTP_NAIVE);
    }

    @Test
    void shouldClassifyOffsetWhenConstantlyAhead()
    {
        final Verdict v = classifier.classify(ntp(48, HOUR, 3, constant(37 * SECOND)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.OFFSET);
        assertThat(v.subTags()).isZero();
        assertThat(v.offsetNs()).isCloseTo(37 * SECOND, org.assertj.core.data.Offset.offset(5_000_000L));
        assertThat(Math.abs(v.rateMinusOnePpm())).isLessThan(0.1);
    }

    @Test
    void shouldTagTimeZoneWhenOffsetIsWholeHours()
    {
        final Verdict v = classifier.classify(http(48, HOUR, 4, constant(-3 * 3600 * SECOND)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.OFFSET);
        assertThat(v.has(SubTag.TZ)).isTrue();
        assertThat(v.has(SubTag.MINUTE)).isFalse();
    }

    @Test
    void shouldTagMinuteWhenOffsetIsWholeMinutesButNotHalfHours()
    {
        final Verdict v = classifier.classify(ntp(48, HOUR, 5, constant(-7 * 60 * SECOND + 200_000_000L)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.OFFSET);
        assertThat(v.has(SubTag.MINUTE)).isTrue();
        assertThat(v.has(SubTag.TZ)).isFalse();
    }

    @Test
    void shouldClassifyDriftAndEstimateRateAndLastReset()
    {
        // 40 ppm, reset (zero offset) 5 days before the first sample.
        final long resetNs = START - 5 * DAY;
        final Verdict v = classifier.classify(ntp(96, HOUR, 6, t -> (long)((t - resetNs) * 40e-6)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.DRIFT);
        assertThat(v.rateMinusOnePpm()).isCloseTo(40, org.assertj.core.data.Offset.offset(0.05));
        assertThat(v.rateSigmaPpm()).isLessThan(0.05);
        assertThat(v.hasLastReset()).isTrue();
        assertThat(Math.abs(v.lastResetNs() - resetNs)).isLessThan(HOUR);
    }

    @Test
    void shouldClassifyDriftOverHttpWithTheEnvelope()
    {
        final Verdict v = classifier.classify(http(72, HOUR, 7, drift(20 * SECOND, -25)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.DRIFT);
        assertThat(v.rateMinusOnePpm()).isCloseTo(-25, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void shouldRateNaiveHttpByTheEnvelopeWheneverALineFitsEvenWhenThePointFitLooksTighter()
    {
        final PointSet points = new PointSet();
        final EnvelopeFitter envelope = new EnvelopeFitter();
        final RobustLineFitter robust = new RobustLineFitter();
        final LineFit envelopeFit = new LineFit();
        final LineFit pointFit = new LineFit();
        int pointFitLooksTighter = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            final SeriesBuffer series = http(12 + seed, 3 * HOUR, seed, constant(300_000_000L));
            final Verdict v = classifier.classify(series);
            points.load(series, ClassifierConfig.BURST_WINDOW_NS_DEFAULT);
            final int n = points.size();
            assertThat(envelope.fit(points.x(), points.y(), points.lowS(), points.highS(), 0, n, envelopeFit))
                .as("seed %d: a line through every interval", seed).isTrue();
            if (robust.fit(points, 0, n, pointFit).sigmaSlope() < envelopeFit.sigmaSlope())
            {
                pointFitLooksTighter++;
            }

            assertThat(v.clockClass()).as("seed %d", seed).isEqualTo(ClockClass.SYNCED);
            assertThat(v.rateSigmaPpm()).as("seed %d", seed).isEqualTo(envelopeFit.sigmaSlope() * 1e6);
            assertThat(v.rateMinusOnePpm()).as("seed %d", seed).isEqualTo(envelopeFit.slope() * 1e6);
        }
        // The case that matters: quantised Dates can scatter less than their intervals say.
        assertThat(pointFitLooksTighter).isPositive();
    }

    @Test
    void shouldClassifyResetDriftAndItsPeriodWhenSawtooth()
    {
        final Verdict v = classifier.classify(ntp(24 * 9, HOUR, 8, sawtooth(60, 2 * DAY, 7 * HOUR)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.RESET_DRIFT);
        assertThat(v.rateMinusOnePpm()).isCloseTo(60, org.assertj.core.data.Offset.offset(1.0));
        assertThat(v.periodNs()).isCloseTo(2 * DAY, org.assertj.core.data.Offset.offset(HOUR));
        assertThat(v.has(SubTag.PERIODIC)).isTrue();
        assertThat(v.changes()).isEmpty();
    }

    @Test
    void shouldClassifyResetDriftWhenTeethHaveOnlyTwoOrThreePoints()
    {
        // Every 20 h for 3 weeks against a 50-h period: 2 or 3 samples per tooth.
        final Verdict v = classifier.classify(ntp(25, 20 * HOUR, 27, sawtooth(-80, 50 * HOUR, 11 * HOUR)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.RESET_DRIFT);
        assertThat(v.rateMinusOnePpm()).isCloseTo(-80, org.assertj.core.data.Offset.offset(0.5));
        assertThat(v.periodNs()).isCloseTo(50 * HOUR, org.assertj.core.data.Offset.offset(HOUR));
    }

    @Test
    void shouldReportDriftThenSyncedRatherThanResetDriftWhenTheClockStaysSynced()
    {
        final long changeNs = START + 3 * DAY;
        final Verdict v = classifier.classify(
            ntp(24 * 6, HOUR, 28, t -> t < changeNs ? (long)((t - START + 10 * DAY) * 25e-6) : 0));

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.changes()).hasSize(1);
        assertThat(v.changes().get(0).before()).isEqualTo(ClockClass.DRIFT);
    }

    @Test
    void shouldClassifyEachOfThreeClocksBehindOneAddress()
    {
        final Random pick = new Random(29);
        final Random noise = new Random(30);
        final SeriesBuffer buffer = new SeriesBuffer(64);
        final long[] clocks = {0, -7 * 60 * SECOND, 7200 * SECOND};
        for (int i = 0; i < 90; i++)
        {
            final long offset = clocks[pick.nextInt(3)];
            HandSeries.addNtp(buffer, noise, START + i * HOUR, t -> offset, 10_000_000L);
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.MULTI_CLOCK);
        assertThat(v.components()).hasSize(3);
        assertThat(v.components()).extracting(Component::clockClass)
            .containsExactlyInAnyOrder(ClockClass.SYNCED, ClockClass.OFFSET, ClockClass.OFFSET);
        assertThat(v.components()).anyMatch(c -> (c.subTags() & SubTag.MINUTE.bit()) != 0)
            .anyMatch(c -> (c.subTags() & SubTag.TZ.bit()) != 0);
    }

    @Test
    void shouldClassifyStuckWhenRemoteTimeDoesNotMove()
    {
        final long frozenNs = START - 400 * DAY;
        final Verdict v = classifier.classify(ntp(30, HOUR, 9, t -> frozenNs - t));

        assertThat(v.clockClass()).isEqualTo(ClockClass.STUCK);
        assertThat(v.rateMinusOnePpm()).isCloseTo(-1e6, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void shouldClassifyStuckOnFewSamplesWhenSpanIsTenSeconds()
    {
        final long frozenNs = START - DAY;
        final Classifier noBursts = new Classifier(new ClassifierConfig().burstWindowNs(0));
        final Verdict v = noBursts.classify(ntp(3, 70 * SECOND, 10, t -> frozenNs - t));

        assertThat(v.clockClass()).isEqualTo(ClockClass.STUCK);
    }

    @Test
    void shouldClassifyMultiClockAndEachClockWhenRequestsAlternate()
    {
        final Random pick = new Random(11);
        final Random noise = new Random(12);
        final SeriesBuffer buffer = new SeriesBuffer(64);
        for (int i = 0; i < 72; i++)
        {
            final long offset = pick.nextDouble() < 0.6 ? 0 : 3600 * SECOND + 5 * SECOND;
            HandSeries.addNtp(buffer, noise, START + i * HOUR, t -> offset, 10_000_000L);
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.MULTI_CLOCK);
        assertThat(v.components()).hasSize(2);
        assertThat(v.components().get(0).clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.components().get(1).clockClass()).isEqualTo(ClockClass.OFFSET);
        assertThat(v.components().get(1).offsetNs()).isCloseTo(3605 * SECOND,
            org.assertj.core.data.Offset.offset(10_000_000L));
    }

    @Test
    void shouldClassifyErraticWhenOffsetsAreRandom()
    {
        final Random random = new Random(13);
        final Verdict v = classifier.classify(ntp(60, HOUR, 14, t -> (long)((random.nextDouble() - 0.5) * DAY)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.ERRATIC);
    }

    @Test
    void shouldBeInsufficientWhenTooFewSamples()
    {
        final Verdict v = classifier.classify(ntp(5, HOUR, 15, constant(37 * SECOND)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.INSUFFICIENT);
        assertThat(v.hasOffset()).isTrue();
        assertThat(v.offsetNs()).isCloseTo(37 * SECOND, org.assertj.core.data.Offset.offset(10_000_000L));
    }

    @Test
    void shouldBeInsufficientWhenSpanShorterThanADayUnlessConfigured()
    {
        final SeriesBuffer minutes = ntp(30, 20 * SECOND, 16, constant(37 * SECOND));

        assertThat(classifier.classify(minutes).clockClass()).isEqualTo(ClockClass.INSUFFICIENT);
        final Classifier lab = new Classifier(new ClassifierConfig().minSpanNs(5 * 60 * SECOND).burstWindowNs(0));
        assertThat(lab.classify(minutes).clockClass()).isEqualTo(ClockClass.OFFSET);
    }

    @Test
    void shouldReportChangeAndStepWhenOffsetClockGetsSynced()
    {
        final long changeNs = START + 3 * DAY;
        final Verdict v = classifier.classify(ntp(24 * 6, HOUR, 17, t -> t < changeNs ? 10 * SECOND : 0));

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.changes()).hasSize(1);
        final Change c = v.changes().get(0);
        assertThat(c.before()).isEqualTo(ClockClass.OFFSET);
        assertThat(c.after()).isEqualTo(ClockClass.SYNCED);
        assertThat(c.step()).isTrue();
        assertThat(c.stepNs()).isCloseTo(-10 * SECOND, org.assertj.core.data.Offset.offset(10_000_000L));
        assertThat(Math.abs(c.timeNs() - changeNs)).isLessThan(HOUR);
        // Three days after the change, with a 7-day half-life: boost 2^(-3/7) = 0.74, far above SYNCED's 0.1.
        assertThat(v.priority()).isGreaterThan(0.7);
    }

    @Test
    void shouldReportChangeWhenSyncedClockStartsToDrift()
    {
        final long changeNs = START + 3 * DAY;
        final Verdict v = classifier.classify(
            ntp(24 * 7, HOUR, 18, t -> t < changeNs ? 0 : (long)((t - changeNs) * 80e-6)));

        assertThat(v.clockClass()).isEqualTo(ClockClass.DRIFT);
        assertThat(v.changes()).hasSize(1);
        assertThat(v.changes().get(0).before()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.changes().get(0).step()).isFalse();
        assertThat(Math.abs(v.lastResetNs() - changeNs)).isLessThan(2 * HOUR);
    }

    @Test
    void shouldHandleOffsetsNearPlusAndMinus68Years()
    {
        final long years68 = (long)(68 * 365.25 * DAY) - 2 * DAY;
        for (final long offset : new long[] {years68, -years68})
        {
            final SeriesBuffer buffer = new SeriesBuffer(48);
            for (int i = 0; i < 48; i++)
            {
                final long t1 = START + i * HOUR;
                final long t4 = t1 + 30_000_000L;
                final long remote = NtpTime.fromEpochNs(t1 + 15_000_000L + offset);
                buffer.addNtpExchange(t1, remote, remote, t4, -20, 0);
            }
            final Verdict v = classifier.classify(buffer);

            assertThat(v.clockClass()).isEqualTo(ClockClass.OFFSET);
            assertThat(v.offsetNs()).isCloseTo(offset, org.assertj.core.data.Offset.offset(1_000L));
            assertThat(Math.abs(v.rateMinusOnePpm())).isLessThan(1e-3);
            assertFinite(v);
        }
    }

    @Test
    void shouldBeInsufficientAndFiniteWhenSingleSample()
    {
        final SeriesBuffer buffer = new SeriesBuffer(1).addNtp(START, 5 * SECOND, 20_000_000L, -20, 0);
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.INSUFFICIENT);
        assertThat(v.offsetNs()).isEqualTo(5 * SECOND);
        assertThat(v.offsetUncertaintyNs()).isPositive();
        assertThat(v.points()).isEqualTo(1);
        assertFinite(v);
    }

    @Test
    void shouldBeInsufficientWhenAllSamplesIdentical()
    {
        final SeriesBuffer buffer = new SeriesBuffer(20);
        for (int i = 0; i < 20; i++)
        {
            buffer.addNtp(START, 5 * SECOND, 20_000_000L, -20, 0);
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.INSUFFICIENT);
        assertThat(v.spanNs()).isZero();
        assertFinite(v);
    }

    @Test
    void shouldClassifyOffsetWhenIdenticalOffsetsOverDays()
    {
        final SeriesBuffer buffer = new SeriesBuffer(20);
        for (int i = 0; i < 20; i++)
        {
            buffer.addNtp(START + i * 6 * HOUR, 5 * SECOND, 20_000_000L, -20, 0);
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.OFFSET);
        assertThat(v.offsetNs()).isEqualTo(5 * SECOND);
        assertThat(v.rateMinusOnePpm()).isZero();
        assertThat(v.residualSigmaS()).isZero();
        assertFinite(v);
    }

    @Test
    void shouldStaySyncedWhenJitterIsHuge()
    {
        final Random random = new Random(19);
        final SeriesBuffer buffer = new SeriesBuffer(64);
        for (int i = 0; i < 64; i++)
        {
            HandSeries.addNtp(buffer, random, START + i * HOUR, constant(0), (long)(random.nextDouble() * 5 * SECOND));
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertFinite(v);
    }

    @Test
    void shouldClassifyWhenMostSamplesAreMissing()
    {
        final Random random = new Random(20);
        final SeriesBuffer buffer = new SeriesBuffer(200);
        for (int i = 0; i < 200; i++)
        {
            final long t1 = START + i * HOUR;
            if (i % 10 == 0)
            {
                HandSeries.addNtp(buffer, random, t1, constant(-120 * SECOND), 10_000_000L);
            }
            else
            {
                buffer.addNoMeasurement(t1, Method.NTP, SampleStatus.SILENT, 0);
            }
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.OFFSET);
        assertThat(v.samples()).isEqualTo(200);
        assertThat(v.points()).isEqualTo(20);
        assertThat(v.has(SubTag.MINUTE)).isTrue();
    }

    @Test
    void shouldBeInsufficientWithoutOffsetWhenEverySampleIsMissing()
    {
        final SeriesBuffer buffer = new SeriesBuffer(8);
        for (int i = 0; i < 8; i++)
        {
            buffer.addNoMeasurement(START + i * HOUR, Method.NTP, SampleStatus.UNREACHABLE, 0);
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.INSUFFICIENT);
        assertThat(v.hasOffset()).isFalse();
        assertThat(v.has(Tag.UNREACHABLE)).isTrue();
        assertFinite(v);
    }

    @Test
    void shouldTagStatusesAndStopPriorityWhenKissOfDeathDeny()
    {
        final SeriesBuffer buffer = ntp(24, HOUR, 21, constant(0));
        buffer.addNoMeasurement(START + 30 * HOUR, Method.NTP, SampleStatus.KOD, SampleStatus.kodCode("DENY"));
        buffer.addNtp(START + 31 * HOUR, 0, 20_000_000L, -20, SampleStatus.UNSYNC);
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(Tag.format(v.tags(), v.kodCode())).isEqualTo("KOD(DENY),UNSYNC");
        assertThat(v.priority()).isZero();
    }

    @Test
    void shouldKeepCachedDatesOutOfTheFit()
    {
        final SeriesBuffer buffer = http(48, HOUR, 22, constant(0));
        for (int i = 0; i < 40; i++)
        {
            final long t1 = START + i * HOUR + 1800 * SECOND;
            buffer.addHttpDate(t1, t1 + 40_000_000L, START / SECOND, SampleStatus.CACHED);
        }
        final Verdict v = classifier.classify(buffer);

        assertThat(v.clockClass()).isEqualTo(ClockClass.SYNCED);
        assertThat(v.has(Tag.CACHED)).isTrue();
        assertThat(v.has(Tag.NO_DATE)).isFalse();
    }

    @Test
    void shouldRankErraticAndChangedAboveOffAboveSynced()
    {
        final double synced = classifier.classify(ntp(48, HOUR, 23, constant(0))).priority();
        final double offset = classifier.classify(ntp(48, HOUR, 24, constant(3600 * SECOND))).priority();
        final Random random = new Random(25);
        final double erratic = classifier.classify(
            ntp(48, HOUR, 26, t -> (long)((random.nextDouble() - 0.5) * DAY))).priority();

        assertThat(synced).isLessThan(offset);
        assertThat(offset).isLessThan(erratic);
        assertThat(Priority.remeasureAfterNs(erratic, HOUR, 7 * DAY)).isLessThan(
            Priority.remeasureAfterNs(synced, HOUR, 7 * DAY));
    }

    static void assertFinite(final Verdict v)
    {
        assertThat(Double.isFinite(v.rateMinusOnePpm())).isTrue();
        assertThat(Double.isFinite(v.rateSigmaPpm())).isTrue();
        assertThat(Double.isFinite(v.residualSigmaS())).isTrue();
        assertThat(Double.isFinite(v.priority())).isTrue();
        assertThat(v.offsetUncertaintyNs()).isNotNegative();
        for (final Change c : v.changes())
        {
            assertThat(Double.isFinite(c.slopeChangePpm())).isTrue();
        }
        for (final Component c : v.components())
        {
            assertThat(Double.isFinite(c.rateMinusOnePpm())).isTrue();
            assertThat(Double.isFinite(c.share())).isTrue();
        }
    }
}
