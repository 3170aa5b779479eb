package org.timestudy.bench.accuracy;

import org.HdrHistogram.Histogram;
import org.timestudy.analyzer.classify.Change;
import org.timestudy.analyzer.classify.Classifier;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.classify.SubTag;
import org.timestudy.analyzer.classify.Tag;
import org.timestudy.analyzer.classify.Verdict;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.OnlineChangeDetector;
import org.timestudy.analyzer.clock.PointSet;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.testbed.clock.ClockTruth;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one way (a source of series) against the population's truth: the confusion matrix over series with at
 * least {@code minPoints} points, SYNCED safety, offset and rate errors, the σ_R bound of SCIENCE.md §2,
 * change detection offline (the verdict's changes) and online (Kalman filter + CUSUM over the same points),
 * false changes, sub-tags, status tags and multi-clock components.
 */
public final class Scorecard
{
    private static final double NANOS = 1e9;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long HOUR_NS = 60 * MINUTE_NS;
    private static final int EXAMPLES = 6;
    private static final double MICRO = 1e6;

    private final String name;
    private final Population population;
    private final int minPoints;
    private final OnlineChangeDetector online;

    private final ConfusionMatrix matrix = new ConfusionMatrix();
    private final Histogram offsetErrorUs = new Histogram(3);
    private final Histogram driftRateErrorMicroPpm = new Histogram(3);
    private final Histogram flatRateErrorMicroPpm = new Histogram(3);
    private final Histogram offlineChangeErrorMinutes = new Histogram(3);
    private final Histogram onlineDelayMinutes = new Histogram(3);
    private final List<String> examples = new ArrayList<>();

    private long series;
    private long unmeasurable;
    private long fewPoints;
    private long fewPointsInsufficient;
    private long syncedTotal;
    private long syncedViolations;
    private long offsetScored;
    private long offsetWithinUncertainty;
    private long driftRateScored;
    private long driftRateWithinBound;
    private long driftRateWithinReported;
    private long trueChanges;
    private long offlineFound;
    private long onlineFound;
    private long noChangeSeries;
    private long offlineFalseChanges;
    private long onlineFalseAlarms;
    private double noChangeSeriesDays;
    private long offsetTagsScored;
    private long offsetTagsRight;
    private long periodicScored;
    private long periodicRight;
    private long statusTagsExpected;
    private long statusTagsPresent;
    private long multiScored;
    private long multiComponentsRight;

    /**
     * @param name       the way's name.
     * @param population the truth.
     * @param minPoints  fewest points for a series to enter the confusion matrix.
     * @param online     the online detector settings (reset per series).
     */
    public Scorecard(
        final String name, final Population population, final int minPoints, final OnlineChangeDetector online)
    {
        this.name = name;
        this.population = population;
        this.minPoints = minPoints;
        this.online = online;
    }

    /**
     * Classifies and scores every series of a source.
     *
     * @param source     the series.
     * @param classifier the classifier.
     * @param buffer     a reusable buffer.
     * @return this.
     */
    public Scorecard score(final ObservationSource source, final Classifier classifier, final SeriesBuffer buffer)
    {
        final Observation observation = new Observation();
        while (source.next(buffer, observation))
        {
            score(observation, classifier.classify(buffer), classifier.lastPoints());
        }
        return this;
    }

    private void score(final Observation o, final Verdict v, final PointSet points)
    {
        series++;
        final int address = o.address();
        final ClockTruth truth = population.truth(address);
        final Response response = o.method() == Method.NTP ? truth.ntpResponse() : truth.httpResponse();
        final int expectedStatus = Population.statusOf(response);
        final int expectedTag = Tag.fromStatus(expectedStatus);
        if (expectedTag != 0)
        {
            statusTagsExpected++;
            if ((v.tags() & expectedTag) == expectedTag)
            {
                statusTagsPresent++;
            }
        }
        if (v.points() == 0)
        {
            unmeasurable++;
            return;
        }
        if (v.points() < minPoints)
        {
            fewPoints++;
            if (v.clockClass() == ClockClass.INSUFFICIENT)
            {
                fewPointsInsufficient++;
            }
            return;
        }

        final ClockClass expected = population.classOver(address, points.trueNs()[0],
            points.trueNs()[points.size() - 1]);
        matrix.add(expected, v.clockClass());
        if (expected != v.clockClass() && examples.size() < EXAMPLES)
        {
            examples.add(String.format("%s %s truth %s, verdict %s", ClockTruth.dotted(address), o.method().label(),
                truth.toJson(), v));
        }
        if (expected == ClockClass.SYNCED)
        {
            syncedTotal++;
            if (v.clockClass() != ClockClass.SYNCED && v.clockClass() != ClockClass.INSUFFICIENT)
            {
                syncedViolations++;
            }
        }
        final long lastNs = points.trueNs()[points.size() - 1];
        final long changeNs = truth.changeAtNs();
        final boolean changeInWindow = truth.changes() && changeNs > points.trueNs()[0] && changeNs <= lastNs;
        scoreEstimates(o, v, truth, expected, changeInWindow);
        scoreSubTags(v, truth, expected, changeInWindow);
        scoreChanges(o, v, points, expected, changeInWindow, changeNs);
        if (expected == ClockClass.MULTI_CLOCK && v.clockClass() == ClockClass.MULTI_CLOCK)
        {
            multiScored++;
            if (v.components().size() == truth.components().size())
            {
                multiComponentsRight++;
            }
        }
    }

    private void scoreEstimates(
        final Observation o, final Verdict v, final ClockTruth truth, final ClockClass expected,
        final boolean changeInWindow)
    {
        if (expected == ClockClass.MULTI_CLOCK || expected == ClockClass.ERRATIC)
        {
            return;
        }
        final long trueOffset = population.expectedOffsetNs(o.address(), v.offsetAtNs());
        final long error = Math.abs(v.offsetNs() - trueOffset);
        offsetErrorUs.recordValue(Math.min(error / 1000, Long.MAX_VALUE / 4));
        offsetScored++;
        if (error <= 3 * Math.max(v.offsetUncertaintyNs(), 1))
        {
            offsetWithinUncertainty++;
        }
        if (changeInWindow || v.clockClass() != expected)
        {
            return;
        }
        final double trueRate = population.ratePpm(o.address(), v.offsetAtNs());
        final double rateError = Math.abs(v.rateMinusOnePpm() - trueRate);
        if (expected == ClockClass.DRIFT)
        {
            driftRateErrorMicroPpm.recordValue((long)Math.min(rateError * MICRO, 1e15));
            driftRateScored++;
            // SCIENCE.md §2: σ_R ≈ σ·√(12/N)/T for a least-squares slope of N samples over a span T.
            final double spanS = v.spanNs() / NANOS;
            final double bound = v.residualSigmaS() * Math.sqrt(12.0 / v.points()) / spanS * 1e6;
            if (rateError <= 3 * bound)
            {
                driftRateWithinBound++;
            }
            if (rateError <= 3 * v.rateSigmaPpm())
            {
                driftRateWithinReported++;
            }
        }
        else if (expected == ClockClass.SYNCED || expected == ClockClass.OFFSET)
        {
            flatRateErrorMicroPpm.recordValue((long)Math.min(rateError * MICRO, 1e15));
        }
    }

    private void scoreSubTags(
        final Verdict v, final ClockTruth truth, final ClockClass expected, final boolean changeInWindow)
    {
        if (expected == ClockClass.OFFSET && v.clockClass() == ClockClass.OFFSET)
        {
            final int mask = SubTag.TZ.bit() | SubTag.MINUTE.bit();
            offsetTagsScored++;
            if ((v.subTags() & mask) == (truth.model().subTags() & mask))
            {
                offsetTagsRight++;
            }
        }
        // PERIODIC needs two intervals between resets: scored where the window spans at least 2.5 true periods.
        if (expected == ClockClass.RESET_DRIFT && v.clockClass() == ClockClass.RESET_DRIFT && v.periodNs() > 0 &&
            !changeInWindow && v.spanNs() >= 2.5 * truth.model().periodNs())
        {
            periodicScored++;
            if (v.has(SubTag.PERIODIC) == truth.model().periodic())
            {
                periodicRight++;
            }
        }
    }

    private void scoreChanges(
        final Observation o,
        final Verdict v,
        final PointSet points,
        final ClockClass expected,
        final boolean changeInWindow,
        final long changeNs)
    {
        final double days = v.spanNs() / (NANOS * 86_400);
        final long slackNs = Math.max(3 * o.intervalNs(), 6 * HOUR_NS);
        online.reset();
        long firstAlarmAfter = Long.MIN_VALUE;
        int falseAlarms = 0;
        for (int i = 0; i < points.size(); i++)
        {
            final long t = points.trueNs()[i];
            if (online.update(t, points.offsetNs()[i], points.uncertaintyNs()[i]))
            {
                if (changeInWindow && t >= changeNs - o.intervalNs())
                {
                    if (firstAlarmAfter == Long.MIN_VALUE)
                    {
                        firstAlarmAfter = t;
                    }
                }
                else
                {
                    falseAlarms++;
                }
            }
        }
        if (changeInWindow)
        {
            trueChanges++;
            long best = Long.MAX_VALUE;
            for (final Change c : v.changes())
            {
                best = Math.min(best, Math.abs(c.timeNs() - changeNs));
            }
            if (best <= slackNs)
            {
                offlineFound++;
                offlineChangeErrorMinutes.recordValue(best / MINUTE_NS);
            }
            if (firstAlarmAfter != Long.MIN_VALUE)
            {
                onlineFound++;
                onlineDelayMinutes.recordValue(Math.max(0, firstAlarmAfter - changeNs) / MINUTE_NS);
            }
        }
        else if (expected == ClockClass.SYNCED || expected == ClockClass.OFFSET || expected == ClockClass.DRIFT ||
            expected == ClockClass.STUCK)
        {
            noChangeSeries++;
            noChangeSeriesDays += days;
            offlineFalseChanges += v.changes().size();
            onlineFalseAlarms += falseAlarms;
        }
    }

    /**
     * @return the confusion matrix.
     */
    public ConfusionMatrix matrix()
    {
        return matrix;
    }

    /**
     * @return true SYNCED series labelled something other than SYNCED or INSUFFICIENT.
     */
    public long syncedViolations()
    {
        return syncedViolations;
    }

    /**
     * @return drift series whose rate error is within 3 σ_R of SCIENCE.md §2, and how many were scored.
     */
    public long[] driftRateWithinBound()
    {
        return new long[] {driftRateWithinBound, driftRateScored};
    }

    /**
     * Prints the whole scorecard.
     *
     * @param out where to print.
     */
    public void print(final PrintStream out)
    {
        final long scored = matrix.total();
        out.printf("== %s: %d series, %d scored (>= %d points), %d with fewer points (%d of them INSUFFICIENT), " +
            "%d without any offset%n", name, series, scored, minPoints, fewPoints, fewPointsInsufficient,
            unmeasurable);
        matrix.print(out, "   ");
        out.printf("   macro-F1 %.4f, accuracy %.4f%n", matrix.macroF1(), matrix.accuracy());
        out.printf("   SYNCED labelled other than SYNCED/INSUFFICIENT: %d of %d%n", syncedViolations, syncedTotal);
        out.printf("   offset error (ms), %d series (truth with one offset); within 3x reported uncertainty: %s; %s%n",
            offsetScored, percent(offsetWithinUncertainty, offsetScored), summary(offsetErrorUs, 1000.0));
        printDistribution(out, offsetErrorUs, 1000.0);
        out.printf("   rate error of DRIFT (ppm), %d series; within 3 sigma_R of SCIENCE.md 2 (sigma_r*sqrt(12/N)/T):" +
            " %s; within 3x reported sigma_R: %s; %s%n", driftRateScored, percent(driftRateWithinBound,
            driftRateScored), percent(driftRateWithinReported, driftRateScored),
            summary(driftRateErrorMicroPpm, MICRO));
        printDistribution(out, driftRateErrorMicroPpm, MICRO);
        out.printf("   rate error of SYNCED and OFFSET (ppm), %d series: %s%n",
            flatRateErrorMicroPpm.getTotalCount(), summary(flatRateErrorMicroPpm, MICRO));
        out.printf("   changes: %d true changes in window; offline (verdict) found %s, |time error| minutes " +
            "p50 %d p90 %d max %d; online (Kalman+CUSUM) found %s, delay minutes p50 %d p90 %d max %d%n",
            trueChanges, percent(offlineFound, trueChanges), offlineChangeErrorMinutes.getValueAtPercentile(50),
            offlineChangeErrorMinutes.getValueAtPercentile(90), offlineChangeErrorMinutes.getMaxValue(),
            percent(onlineFound, trueChanges), onlineDelayMinutes.getValueAtPercentile(50),
            onlineDelayMinutes.getValueAtPercentile(90), onlineDelayMinutes.getMaxValue());
        out.printf("   false changes in %d series without one (%.0f series-days): offline %d (%.4f per series-day), " +
            "online alarms %d (%.4f per series-day)%n", noChangeSeries, noChangeSeriesDays, offlineFalseChanges,
            perDay(offlineFalseChanges), onlineFalseAlarms, perDay(onlineFalseAlarms));
        out.printf("   sub-tags: TZ/MINUTE right %s of %d OFFSET; PERIODIC right %s of %d RESET+DRIFT spanning >= 2.5 " +
            "periods%n",
            percent(offsetTagsRight, offsetTagsScored), offsetTagsScored, percent(periodicRight, periodicScored),
            periodicScored);
        out.printf("   status tags present %s of %d series whose server misbehaves; multi-clock component count " +
            "right %s of %d%n", percent(statusTagsPresent, statusTagsExpected), statusTagsExpected,
            percent(multiComponentsRight, multiScored), multiScored);
        for (final String e : examples)
        {
            out.println("   miss: " + e);
        }
    }

    private double perDay(final long count)
    {
        return noChangeSeriesDays == 0 ? 0 : count / noChangeSeriesDays;
    }

    private static void printDistribution(final PrintStream out, final Histogram h, final double scale)
    {
        if (h.getTotalCount() == 0)
        {
            out.println("   (none)");
            return;
        }
        h.outputPercentileDistribution(out, 1, scale);
    }

    private static String summary(final Histogram h, final double scale)
    {
        return String.format("p50 %.4g, p90 %.4g, p99 %.4g, max %.4g", h.getValueAtPercentile(50) / scale,
            h.getValueAtPercentile(90) / scale, h.getValueAtPercentile(99) / scale, h.getMaxValue() / scale);
    }

    private static String percent(final long part, final long whole)
    {
        return whole == 0 ? "n/a" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
