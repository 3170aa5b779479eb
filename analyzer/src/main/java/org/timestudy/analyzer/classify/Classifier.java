package org.timestudy.analyzer.classify;

import org.timestudy.analyzer.clock.EnvelopeFitter;
import org.timestudy.analyzer.clock.LineFit;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.clock.MixtureFitter;
import org.timestudy.analyzer.clock.OrderStatistics;
import org.timestudy.analyzer.clock.PointSet;
import org.timestudy.analyzer.clock.RobustLineFitter;
import org.timestudy.analyzer.clock.Segmenter;
import org.timestudy.analyzer.clock.SeriesBuffer;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Classifies one series at a time (SCIENCE.md §3). The steps, in order:
 * <ol>
 *   <li>points: one per burst (minimum delay; HTTP intervals intersected), cached and empty samples left out;</li>
 *   <li>too few points or too short a span: INSUFFICIENT, unless already clearly STUCK;</li>
 *   <li>MULTI-CLOCK: when one line leaves structure behind, a mixture of lines must gain ΔBIC ≥ 10, each clock
 *       holding ≥ 10% and ≥ 5 points, centres ≥ 4·max(σ_k, u) apart, labels alternating ≥ 3 times and at least
 *       once per four points of the smallest clock (which tells interleaved clocks from the blocks of a sawtooth);
 *       then each clock is classified on its own;</li>
 *   <li>ERRATIC when remote time runs backwards (beyond both samples' u) in more than 20% of consecutive pairs;</li>
 *   <li>segments by PELT, adjacent segments merged unless the step exceeds max(4σ_r, 2u) or the slopes differ
 *       significantly (99.9%) and by ≥ 1 ppm;</li>
 *   <li>each segment classified: SYNCED, STUCK, ERRATIC, DRIFT, OFFSET, or INSUFFICIENT when its rate cannot be
 *       pinned down;</li>
 *   <li>RESET+DRIFT when the trailing points follow one drift slope between resets against it that bring the offset
 *       back to a common baseline (zero or not); tested pair by pair ({@link #sawtooth}), so teeth of two points
 *       are enough, and every reset gives the interval before it;</li>
 * </ol>
 * The verdict's class is the behaviour of the latest segment (or the trailing reset run); earlier behaviour shows
 * in the changes. Two deliberate departures from the letter of SCIENCE.md §3, both closing gaps where a steady clock
 * would fall through to ERRATIC: a flat segment that is not SYNCED is OFFSET even when its median offset is below
 * 3·max(u, τ), and a segment whose rate is undetermined (99% interval containing 0 but wider than ±5 ppm) is
 * INSUFFICIENT rather than ERRATIC.
 * <p>
 * One instance per thread; it reuses its buffers, so classifying allocates only the verdict.
 */
public final class Classifier
{
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double PPM = 1e6;
    private static final double Z_SLOPE_CHANGE = 3.29;
    private static final double PERIODIC_CV = 0.25;
    private static final double RESET_SLOPE_TOLERANCE = 0.3;
    private static final double STUCK_RATE = 0.01;
    private static final long STUCK_MIN_SPAN_NS = 10_000_000_000L;
    private static final int STUCK_MIN_POINTS = 3;
    private static final int SHORT_SEGMENT_POINTS = 3;
    private static final double BACKWARDS_FRACTION = 0.2;
    private static final int MIXTURE_MIN_POINTS = 5;
    private static final double MIXTURE_MIN_SHARE = 0.1;
    private static final double MIXTURE_SEPARATION = 4;
    private static final int MIXTURE_MIN_ALTERNATIONS = 3;
    private static final double MIXTURE_INTERLEAVE = 0.25;
    private static final long HALF_HOUR_NS = 1_800_000_000_000L;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long ONE_SECOND_NS = 1_000_000_000L;
    private static final double SQRT3 = Math.sqrt(3);

    private final ClassifierConfig config;
    private final double minDrift;
    private final double maxOffsetInterval;
    private final boolean allowMixture;
    private final PointSet points = new PointSet();
    private final RobustLineFitter robust = new RobustLineFitter();
    private final EnvelopeFitter envelope = new EnvelopeFitter();
    private final Segmenter segmenter;
    private final MixtureFitter mixture = new MixtureFitter();
    private final LineFit global = new LineFit();
    private final LineFit candidate = new LineFit();
    private Classifier componentClassifier;
    private PointSet componentPoints;

    private int segmentCount;
    private int[] segmentFrom = new int[16];
    private int[] segmentTo = new int[16];
    private LineFit[] segmentFit = newFits(16);
    private ClockClass[] segmentClass = new ClockClass[16];
    private double[] resetX = new double[16];
    private double sawSlope;
    private double sawSlopeSigma;
    private int sawResets;
    private int sawLastTooth;
    private boolean loneFinalReset;
    private double sawLastResetX;
    private double[] scratch = new double[64];
    private long[] longScratch = new long[64];

    /**
     * @param config settings; concluded here if not yet.
     */
    public Classifier(final ClassifierConfig config)
    {
        this(config, true);
    }

    private Classifier(final ClassifierConfig config, final boolean allowMixture)
    {
        this.config = config.concluded() ? config : config.conclude();
        this.minDrift = this.config.minDriftPpm() / PPM;
        this.maxOffsetInterval = this.config.maxOffsetIntervalPpm() / PPM;
        this.allowMixture = allowMixture && config.mixtureMaxComponents() >= 2;
        this.segmenter = new Segmenter(config.penaltyFactor(), config.minSegmentPoints(), config.cusumDrift(),
            config.segmentCusumThreshold(), 1.5);
    }

    /**
     * @return the settings in use.
     */
    public ClassifierConfig config()
    {
        return config;
    }

    /**
     * Classifies one series.
     *
     * @param buffer the series; not changed.
     * @return the verdict.
     */
    public Verdict classify(final SeriesBuffer buffer)
    {
        points.load(buffer, config.burstWindowNs());
        return classify(points);
    }

    /**
     * @return the points of the last series classified (for estimators layered on top, such as the benchmark's).
     */
    public PointSet lastPoints()
    {
        return points;
    }

    private Verdict classify(final PointSet p)
    {
        final Verdict.Builder b = new Verdict.Builder()
            .method(p.dominantMethod())
            .tags(Tag.fromStatus(p.statusUnion()), p.lastKodCode())
            .span(p.firstSampleNs(), p.lastSampleNs());
        b.samples = p.samples();
        b.measurements = p.measurements();
        b.points = p.size();
        final int n = p.size();
        if (n == 0)
        {
            b.clockClass = ClockClass.INSUFFICIENT;
            b.priority = priority(b, -1);
            return b.build();
        }
        ensureScratch(n);
        final double uMedian = p.medianUncertaintyS(0, n);
        final double noise = Math.max(segmenter.noiseScaleS(p, 0, n), Math.max(1e-9, 0.01 * uMedian));
        robust.scaleHintS(n >= 3 ? noise : 0);
        fit(p, 0, n, global);
        final long spanNs = p.trueNs()[n - 1] - p.trueNs()[0];
        if (n < config.minSamples() || spanNs < config.minSpanNs())
        {
            return single(b, p, global, isStuck(p, global) ? ClockClass.STUCK : ClockClass.INSUFFICIENT);
        }

        if (allowMixture && mixtureGate(p, uMedian))
        {
            final Verdict multi = tryMixture(p, b, uMedian);
            if (multi != null)
            {
                return multi;
            }
        }
        if (backwardsFraction(p) > BACKWARDS_FRACTION)
        {
            return single(b, p, global, ClockClass.ERRATIC);
        }

        segmentCount = 0;
        final int count = segmenter.segment(p, global, noise);
        ensureSegments(count);
        for (int k = 0; k < count; k++)
        {
            segmentFrom[k] = segmenter.start(k);
            segmentTo[k] = k + 1 < count ? segmenter.start(k + 1) : n;
        }
        segmentCount = count;
        if (count == 1)
        {
            segmentFit[0].copyFrom(global);
            segmentClass[0] = classifySegment(p, global);
        }
        else
        {
            for (int k = 0; k < count; k++)
            {
                refit(p, k);
            }
        }
        mergeSegments(p, uMedian);

        final int last = segmentCount - 1;
        loneFinalReset = false;
        final int runStart = segmentCount >= 2 ? sawtooth(p, noise) : -1;
        // A drift that has just come back to its baseline, seen once, is a change not yet classified, not chaos.
        if (runStart < 0 && !loneFinalReset && segmentClass[last] != ClockClass.SYNCED && segmentCount >= 3 &&
            segmentCount * 4 > n)
        {
            return single(b, p, global, ClockClass.ERRATIC);
        }
        return segmented(b, p, runStart, uMedian, noise);
    }

    private Verdict segmented(
        final Verdict.Builder b, final PointSet p, final int runStart, final double uMedian, final double noise)
    {
        final int last = segmentCount - 1;
        final LineFit lastFit = segmentFit[last];
        final int lastChanges = runStart >= 0 ? runStart : last;
        final Change[] changes = new Change[lastChanges];
        long lastChangeNs = Verdict.NO_TIME;
        for (int k = 1; k <= lastChanges; k++)
        {
            changes[k - 1] = change(p, k, runStart, uMedian);
            lastChangeNs = changes[k - 1].timeNs();
        }
        b.changes = changes;
        if (runStart < 0)
        {
            return finish(b, p, lastFit, segmentClass[last], lastChangeNs);
        }

        final int n = p.size();
        final double[] x = p.x();
        final double[] y = p.y();
        final double xLast = x[n - 1];
        double level = 0;
        double uMin = Double.POSITIVE_INFINITY;
        for (int i = sawLastTooth; i < n; i++)
        {
            level += y[i] + sawSlope * (xLast - x[i]);
            uMin = Math.min(uMin, p.u()[i]);
        }
        final int tooth = n - sawLastTooth;
        level /= tooth;
        final double statistical = noise / Math.sqrt(tooth);
        final double systematic = uMin / SQRT3;
        b.offset(p.offsetNsOf(level), seconds(Math.sqrt(statistical * statistical + systematic * systematic)),
            p.trueNs()[n - 1]);
        b.lastResetNs = p.timeNsOf(sawLastResetX);
        final int intervals = sawResets;
        double sum = 0;
        for (int i = 0; i < intervals; i++)
        {
            sum += resetX[i];
        }
        final double mean = sum / intervals;
        double squares = 0;
        for (int i = 0; i < intervals; i++)
        {
            squares += (resetX[i] - mean) * (resetX[i] - mean);
        }
        final double cv = intervals >= 2 && mean > 0 ? Math.sqrt(squares / (intervals - 1)) / mean : 1;
        b.periodNs = Math.round(OrderStatistics.median(resetX, 0, intervals) * NANOS_PER_SECOND);
        if (intervals >= 2 && cv < PERIODIC_CV)
        {
            b.subTags |= SubTag.PERIODIC.bit();
        }
        b.clockClass = ClockClass.RESET_DRIFT;
        b.rateMinusOnePpm = sawSlope * PPM;
        b.rateSigmaPpm = sawSlopeSigma * PPM;
        b.residualSigmaS = noise;
        b.priority = priority(b, lastChangeNs);
        return b.build();
    }

    private Change change(final PointSet p, final int k, final int runStart, final double uMedian)
    {
        final LineFit before = segmentFit[k - 1];
        final LineFit after = segmentFit[k];
        final double xb = boundaryX(p, k);
        final double xs = stepX(p, k);
        final double step = after.valueAt(xs) - before.valueAt(xs);
        final boolean stepSignificant = stepSignificant(p, before, after, step, uMedian);
        final boolean slopeSignificant = slopeSignificant(before, after);
        final ClockClass afterClass = runStart >= 0 && k >= runStart ? ClockClass.RESET_DRIFT : segmentClass[k];
        return new Change(p.timeNsOf(xb), segmentClass[k - 1], afterClass, seconds(step),
            (after.slope() - before.slope()) * PPM, stepSignificant && !slopeSignificant);
    }

    private Verdict single(final Verdict.Builder b, final PointSet p, final LineFit fit, final ClockClass clockClass)
    {
        b.changes = null;
        return finish(b, p, fit, clockClass, Verdict.NO_TIME);
    }

    private Verdict finish(
        final Verdict.Builder b, final PointSet p, final LineFit fit, final ClockClass clockClass,
        final long lastChangeNs)
    {
        final int n = p.size();
        final double xLast = p.x()[n - 1];
        b.clockClass = clockClass;
        b.offset(p.offsetNsOf(fit.valueAt(xLast)), seconds(offsetSigmaS(p, fit, xLast)), p.trueNs()[n - 1]);
        b.rateMinusOnePpm = fit.slope() * PPM;
        b.rateSigmaPpm = fit.sigmaSlope() * PPM;
        b.residualSigmaS = fit.sigmaResidualS();
        if (clockClass == ClockClass.DRIFT && fit.slope() != 0)
        {
            final double offsetAtPivotS = (p.offsetNsOf(fit.interceptS()) / NANOS_PER_SECOND);
            b.lastResetNs = p.timeNsOf(fit.pivotS() - offsetAtPivotS / fit.slope());
        }
        if (clockClass == ClockClass.OFFSET)
        {
            b.subTags |= offsetSubTags(p, fit.from(), fit.to());
        }
        b.priority = priority(b, lastChangeNs);
        return b.build();
    }

    /**
     * Standard uncertainty of the offset at the last point. An envelope fit knows the exact range every line through
     * the intervals allows there; its 1σ is half that range / √3. A point fit's statistical σ misses the part no
     * number of samples removes (NTP path asymmetry, bounded by the smallest δ/2), so that bound, as a uniform
     * 1σ, is added in quadrature.
     */
    private static double offsetSigmaS(final PointSet p, final LineFit fit, final double xLast)
    {
        if (fit.envelope())
        {
            return EnvelopeFitter.halfRangeAtOrAfter(fit, p.x(), p.lowS(), p.highS(), xLast) / SQRT3;
        }
        double uMin = Double.POSITIVE_INFINITY;
        final double[] u = p.u();
        for (int i = fit.from(); i < fit.to(); i++)
        {
            uMin = Math.min(uMin, u[i]);
        }
        final double statistical = fit.sigmaAt(xLast);
        final double systematic = uMin / SQRT3;
        return Math.sqrt(statistical * statistical + systematic * systematic);
    }

    private double priority(final Verdict.Builder b, final long lastChangeNs)
    {
        final long sinceChangeNs = lastChangeNs == Verdict.NO_TIME ? -1 : Math.max(0, b.lastNs - lastChangeNs);
        return Priority.score(b.clockClass, b.offsetNs, b.method.toleranceNs(), sinceChangeNs,
            config.changeHalfLifeNs(), b.tags, b.kodCode);
    }

    /**
     * Fits a range. Naive HTTP: the interval envelope whenever a line passes through every interval (its error
     * shrinks as 1/N, and its σ is the honest one for Dates that fill their one-second intervals: a point fit's σ
     * from the scatter of quantised values looked smaller in a quarter of synced series, and choosing it then cost
     * macro-F1 and false changes), else the robust point fit. Boundary-timed HTTP: both, keeping whichever pins the
     * slope down better (these Dates scatter far less than their bounds, so the point fit usually wins). NTP: the
     * robust point fit.
     */
    private void fit(final PointSet p, final int from, final int to, final LineFit out)
    {
        final Method method = p.dominantMethod();
        if (method == Method.HTTP_NAIVE)
        {
            if (!envelope.fit(p, from, to, Double.POSITIVE_INFINITY, out))
            {
                robust.fit(p, from, to, out);
            }
            return;
        }
        robust.fit(p, from, to, out);
        if (method == Method.HTTP_BOUNDARY && envelope.fit(p, from, to, out.sigmaSlope(), candidate))
        {
            out.copyFrom(candidate);
        }
    }

    private void refit(final PointSet p, final int k)
    {
        fit(p, segmentFrom[k], segmentTo[k], segmentFit[k]);
        segmentClass[k] = classifySegment(p, segmentFit[k]);
    }

    private ClockClass classifySegment(final PointSet p, final LineFit fit)
    {
        final int from = fit.from();
        final int to = fit.to();
        final int n = to - from;
        final long[] offsetNs = p.offsetNs();
        final long[] uNs = p.uncertaintyNs();
        final long[] tolNs = p.toleranceNs();
        int within = 0;
        for (int i = from; i < to; i++)
        {
            if (Math.abs(offsetNs[i]) <= Math.max(uNs[i], tolNs[i]))
            {
                within++;
            }
        }
        if (n - within <= allowedOutside(n))
        {
            return ClockClass.SYNCED;
        }
        if (n < SHORT_SEGMENT_POINTS)
        {
            return ClockClass.INSUFFICIENT;
        }
        if (isStuck(p, fit))
        {
            return ClockClass.STUCK;
        }
        final double uMedian = p.medianUncertaintyS(from, to);
        final double sigma = fit.sigmaResidualS();
        // ERRATIC proper is σ_r > max(10·u, 1 s); between 3·u and that, neither OFFSET nor DRIFT fits either.
        if (sigma > 3 * uMedian)
        {
            return ClockClass.ERRATIC;
        }
        final double slope = Math.abs(fit.slope());
        final double interval = LineFit.Z99 * fit.sigmaSlope();
        if (slope >= minDrift && slope > interval)
        {
            return ClockClass.DRIFT;
        }
        if (slope < minDrift || interval < maxOffsetInterval)
        {
            return ClockClass.OFFSET;
        }
        return ClockClass.INSUFFICIENT;
    }

    /**
     * Points of a SYNCED segment that may lie outside max(u, τ): 5% of them, and at least one once the segment has
     * enough points to be classified at all (with 10 to 19 points, 95% would allow none, and one reply held back
     * by a slow server, whose T3 then lies, would turn a synced clock into something else).
     */
    private int allowedOutside(final int n)
    {
        final int share = (int)Math.floor((1 - config.syncedFraction()) * n + 1e-9);
        return n >= config.minSamples() ? Math.max(1, share) : share;
    }

    private boolean isStuck(final PointSet p, final LineFit fit)
    {
        final int from = fit.from();
        final int to = fit.to();
        return to - from >= STUCK_MIN_POINTS &&
            p.trueNs()[to - 1] - p.trueNs()[from] >= STUCK_MIN_SPAN_NS &&
            Math.abs(1 + fit.slope()) < STUCK_RATE;
    }

    private int offsetSubTags(final PointSet p, final int from, final int to)
    {
        final int n = to - from;
        System.arraycopy(p.offsetNs(), from, longScratch, 0, n);
        final long offset = OrderStatistics.median(longScratch, 0, n);
        System.arraycopy(p.uncertaintyNs(), from, longScratch, 0, n);
        final long slack = OrderStatistics.median(longScratch, 0, n) + ONE_SECOND_NS;
        final long tzMultiple = Math.round((double)offset / HALF_HOUR_NS);
        if (tzMultiple != 0 && Math.abs(offset - tzMultiple * HALF_HOUR_NS) <= slack)
        {
            return SubTag.TZ.bit();
        }
        final long minutes = Math.round((double)offset / MINUTE_NS);
        if (minutes != 0 && Math.abs(minutes) < 60 && Math.abs(offset - minutes * MINUTE_NS) <= slack)
        {
            return SubTag.MINUTE.bit();
        }
        return 0;
    }

    private boolean mixtureGate(final PointSet p, final double uMedian)
    {
        final int n = p.size();
        final double sigma = global.sigmaResidualS();
        if (sigma > 2 * uMedian / SQRT3)
        {
            return true;
        }
        final double limit = 4 * Math.max(sigma, uMedian);
        final double[] x = p.x();
        final double[] y = p.y();
        int outliers = 0;
        for (int i = 0; i < n; i++)
        {
            if (Math.abs(y[i] - global.valueAt(x[i])) > limit)
            {
                outliers++;
            }
        }
        return outliers >= MIXTURE_MIN_POINTS && outliers >= MIXTURE_MIN_SHARE * n;
    }

    private Verdict tryMixture(final PointSet p, final Verdict.Builder b, final double uMedian)
    {
        final int n = p.size();
        final int minPoints = Math.max(MIXTURE_MIN_POINTS, (int)Math.ceil(MIXTURE_MIN_SHARE * n));
        final int k = mixture.fit(p, config.mixtureMaxComponents(), uMedian / SQRT3, minPoints);
        if (k < 2 || mixture.bicGain() < config.mixtureMinBicGain())
        {
            return null;
        }
        int smallest = Integer.MAX_VALUE;
        for (int j = 0; j < k; j++)
        {
            if (mixture.count(j) < minPoints)
            {
                return null;
            }
            smallest = Math.min(smallest, mixture.count(j));
            for (int i = 0; i < j; i++)
            {
                final double scale = Math.max(Math.max(mixture.sigmaS(i), mixture.sigmaS(j)), uMedian);
                if (Math.abs(mixture.centreS(i) - mixture.centreS(j)) < MIXTURE_SEPARATION * scale)
                {
                    return null;
                }
            }
        }
        final int alternations = mixture.alternations(n);
        if (alternations < MIXTURE_MIN_ALTERNATIONS || alternations < MIXTURE_INTERLEAVE * smallest)
        {
            return null;
        }

        if (componentClassifier == null)
        {
            final ClassifierConfig c = config.copy().minSamples(Math.min(config.minSamples(), MIXTURE_MIN_POINTS))
                .mixtureMaxComponents(1);
            componentClassifier = new Classifier(c, false);
            componentPoints = new PointSet();
        }
        final Component[] components = new Component[k];
        final int[] labels = mixture.labels();
        for (int j = 0; j < k; j++)
        {
            componentPoints.loadSubset(p, labels, j);
            final Verdict v = componentClassifier.classify(componentPoints);
            components[j] = new Component(v.clockClass(), v.subTags(), (double)componentPoints.size() / n,
                componentPoints.size(), v.offsetNs(), v.offsetUncertaintyNs(), v.rateMinusOnePpm(),
                v.rateSigmaPpm());
        }
        Arrays.sort(components, Comparator.comparingDouble(Component::share).reversed());
        final Component main = components[0];
        b.clockClass = ClockClass.MULTI_CLOCK;
        b.components = components;
        b.offset(main.offsetNs(), main.offsetUncertaintyNs(), p.trueNs()[n - 1]);
        b.rateMinusOnePpm = main.rateMinusOnePpm();
        b.rateSigmaPpm = main.rateSigmaPpm();
        b.residualSigmaS = global.sigmaResidualS();
        b.priority = priority(b, Verdict.NO_TIME);
        return b.build();
    }

    private double backwardsFraction(final PointSet p)
    {
        final int n = p.size();
        if (n < 2)
        {
            return 0;
        }
        final long[] t = p.trueNs();
        final long[] o = p.offsetNs();
        final long[] u = p.uncertaintyNs();
        int backwards = 0;
        for (int i = 1; i < n; i++)
        {
            final long advanceNs = (t[i] - t[i - 1]) + (o[i] - o[i - 1]);
            if (advanceNs < -(u[i] + u[i - 1]))
            {
                backwards++;
            }
        }
        return (double)backwards / (n - 1);
    }

    private void mergeSegments(final PointSet p, final double uMedian)
    {
        boolean merged = true;
        while (merged && segmentCount > 1)
        {
            merged = false;
            for (int k = 1; k < segmentCount; k++)
            {
                final LineFit before = segmentFit[k - 1];
                final LineFit after = segmentFit[k];
                final double xs = stepX(p, k);
                final double step = after.valueAt(xs) - before.valueAt(xs);
                if (!stepSignificant(p, before, after, step, uMedian) && !slopeSignificant(before, after))
                {
                    segmentTo[k - 1] = segmentTo[k];
                    for (int j = k; j < segmentCount - 1; j++)
                    {
                        segmentFrom[j] = segmentFrom[j + 1];
                        segmentTo[j] = segmentTo[j + 1];
                        segmentFit[j].copyFrom(segmentFit[j + 1]);
                        segmentClass[j] = segmentClass[j + 1];
                    }
                    segmentCount--;
                    refit(p, k - 1);
                    merged = true;
                    break;
                }
            }
        }
    }

    private boolean stepSignificant(
        final PointSet p, final LineFit before, final LineFit after, final double step, final double uMedian)
    {
        final double sigma = Math.max(before.sigmaResidualS(), after.sigmaResidualS());
        final double u = Math.max(uMedian, Math.max(p.medianUncertaintyS(before.from(), before.to()),
            p.medianUncertaintyS(after.from(), after.to())));
        return Math.abs(step) > Math.max(4 * sigma, 2 * u);
    }

    private boolean slopeSignificant(final LineFit before, final LineFit after)
    {
        if (before.count() < 2 || after.count() < 2)
        {
            return false;
        }
        final double difference = Math.abs(after.slope() - before.slope());
        final double sigma = Math.sqrt(before.sigmaSlope() * before.sigmaSlope() +
            after.sigmaSlope() * after.sigmaSlope());
        return difference >= minDrift && difference > Z_SLOPE_CHANGE * sigma;
    }

    /**
     * Where to measure the step between segments k − 1 and k: midway between them, except that a segment of one
     * point has no slope of its own, so the lines are compared at that point.
     */
    private double stepX(final PointSet p, final int k)
    {
        if (segmentTo[k] - segmentFrom[k] == 1)
        {
            return p.x()[segmentFrom[k]];
        }
        if (segmentTo[k - 1] - segmentFrom[k - 1] == 1)
        {
            return p.x()[segmentFrom[k - 1]];
        }
        return boundaryX(p, k);
    }

    private double boundaryX(final PointSet p, final int k)
    {
        final double[] x = p.x();
        return 0.5 * (x[segmentTo[k - 1] - 1] + x[segmentFrom[k]]);
    }

    /**
     * RESET+DRIFT over the trailing points. With the drift slope b, every consecutive pair is either "along"
     * (Δy − bΔx within both points' error bounds and 5 noise σ) or a reset (a larger jump against the slope); a
     * reset from R_{k−1} to R_k leaves exactly Δy − bΔx = −b·(R_k − R_{k−1}), so each reset gives the interval
     * before it whatever the sampling. Walking back from the last point while pairs are along or resets, with no two
     * resets in a row (every tooth but the last has two points): the run qualifies with at least one reset, at least
     * as many along pairs as resets, and a common baseline B, i.e. for each reset the first point after it,
     * y = B + b·(x − R) with R between the two points, leaves a non-empty intersection of allowed B.
     *
     * @return the segment the run starts in, or −1.
     */
    private int sawtooth(final PointSet p, final double noise)
    {
        double reference = 0;
        double bestSigma = Double.POSITIVE_INFINITY;
        for (int k = 0; k < segmentCount; k++)
        {
            if (segmentClass[k] == ClockClass.DRIFT && segmentTo[k] - segmentFrom[k] >= SHORT_SEGMENT_POINTS &&
                segmentFit[k].sigmaSlope() < bestSigma)
            {
                bestSigma = segmentFit[k].sigmaSlope();
                reference = segmentFit[k].slope();
            }
        }
        if (reference == 0)
        {
            return -1;
        }
        final int n = p.size();
        final double[] x = p.x();
        final double[] y = p.y();
        final double[] u = p.u();
        int first = n - 1;
        int along = 0;
        int resets = 0;
        boolean previousReset = false;
        final boolean endsWithReset = pairKind(x, y, u, n - 1, reference, noise) == 2;
        loneFinalReset = false;
        while (first > 0)
        {
            final int kind = pairKind(x, y, u, first, reference, noise);
            if (kind == 0 || kind == 2 && previousReset)
            {
                break;
            }
            previousReset = kind == 2;
            if (previousReset)
            {
                resets++;
            }
            else
            {
                along++;
            }
            first--;
        }
        if (previousReset)
        {
            first++;
            resets--;
        }
        // A single return to the baseline at the very last point is no evidence yet that the clock drifts again: it
        // may as well have been set right for good (a change to SYNCED or OFFSET seen once).
        loneFinalReset = resets == 1 && endsWithReset && along >= 2;
        if (resets < 1 || along < 2 || along < resets || loneFinalReset)
        {
            return -1;
        }

        double baseLow = Double.NEGATIVE_INFINITY;
        double baseHigh = Double.POSITIVE_INFINITY;
        double sxx = 0;
        double sxy = 0;
        int intervals = 0;
        int lastReset = first;
        ensureResets(resets);
        for (int i = first + 1; i < n; i++)
        {
            final double dx = x[i] - x[i - 1];
            final double dy = y[i] - y[i - 1];
            if (pairKind(x, y, u, i, reference, noise) == 1)
            {
                sxx += dx * dx;
                sxy += dx * dy;
            }
            else
            {
                final double slack = 5 * noise + (1 + Math.abs(reference)) * (u[i] + u[i - 1]);
                baseLow = Math.max(baseLow, Math.min(y[i], y[i] - reference * dx) - slack);
                baseHigh = Math.min(baseHigh, Math.max(y[i], y[i] - reference * dx) + slack);
                resetX[intervals++] = -(dy - reference * dx) / reference;
                lastReset = i;
            }
        }
        if (baseLow > baseHigh || sxx <= 0)
        {
            return -1;
        }
        sawSlope = sxy / sxx;
        sawSlopeSigma = Math.sqrt(2) * noise / Math.sqrt(sxx);
        sawResets = intervals;
        sawLastTooth = lastReset;
        final double baseline = 0.5 * (baseLow + baseHigh);
        final double crossing = x[lastReset] - (y[lastReset] - baseline) / sawSlope;
        sawLastResetX = Math.max(x[lastReset - 1], Math.min(x[lastReset], crossing));
        int segment = 0;
        while (segment < segmentCount - 1 && segmentTo[segment] <= first)
        {
            segment++;
        }
        for (int k = segment; k < segmentCount; k++)
        {
            if (!drifts(k, reference))
            {
                return -1;
            }
        }
        return segment;
    }

    /**
     * A segment of a reset run must drift like the others: flat (SYNCED or OFFSET) is out, and a DRIFT slope must be
     * within 30% of the reference or within its own 99% interval of it. Segments too short to tell, or spoilt by a
     * reset they could not be split at, pass; the pair test has already checked their points.
     */
    private boolean drifts(final int k, final double reference)
    {
        if (segmentTo[k] - segmentFrom[k] < SHORT_SEGMENT_POINTS)
        {
            return true;
        }
        final ClockClass c = segmentClass[k];
        if (c == ClockClass.SYNCED || c == ClockClass.OFFSET)
        {
            return false;
        }
        final LineFit fit = segmentFit[k];
        return c != ClockClass.DRIFT || Math.abs(fit.slope() - reference) <=
            Math.max(RESET_SLOPE_TOLERANCE * Math.abs(reference), LineFit.Z99 * fit.sigmaSlope());
    }

    /**
     * @return 1 when the pair ending at point i follows the slope, 2 when it is a reset against it, 0 otherwise.
     */
    private static int pairKind(
        final double[] x, final double[] y, final double[] u, final int i, final double slope, final double noise)
    {
        final double e = (y[i] - y[i - 1]) - slope * (x[i] - x[i - 1]);
        // Both points may err by up to their bounds, and the clock by its noise on top. A clock running at rate
        // 1 + b ticks (1 + b)·δ during a round trip δ, so its bound δ/2 grows by that factor (the lab's clocks drift
        // by percents: a reply held 0.7 s by a loaded machine errs 10 ms beyond δ/2).
        final double limit = 5 * noise + (1 + Math.abs(slope)) * (u[i] + u[i - 1]);
        if (Math.abs(e) <= limit)
        {
            return 1;
        }
        return Math.signum(e) == -Math.signum(slope) ? 2 : 0;
    }

    private void ensureResets(final int count)
    {
        if (resetX.length < count)
        {
            resetX = new double[Math.max(count, resetX.length * 2)];
        }
    }

    private static long seconds(final double s)
    {
        final double ns = s * NANOS_PER_SECOND;
        if (Double.isNaN(ns))
        {
            return 0;
        }
        return (long)Math.max(-4e18, Math.min(4e18, ns));
    }

    private void ensureSegments(final int count)
    {
        if (segmentFrom.length < count)
        {
            final int capacity = Math.max(count, segmentFrom.length * 2);
            segmentFrom = Arrays.copyOf(segmentFrom, capacity);
            segmentTo = Arrays.copyOf(segmentTo, capacity);
            segmentClass = Arrays.copyOf(segmentClass, capacity);
            final LineFit[] fits = newFits(capacity);
            System.arraycopy(segmentFit, 0, fits, 0, segmentFit.length);
            segmentFit = fits;
        }
    }

    private void ensureScratch(final int n)
    {
        if (scratch.length < n)
        {
            scratch = new double[Math.max(n, scratch.length * 2)];
            longScratch = new long[scratch.length];
        }
    }

    private static LineFit[] newFits(final int count)
    {
        final LineFit[] fits = new LineFit[count];
        for (int i = 0; i < count; i++)
        {
            fits[i] = new LineFit();
        }
        return fits;
    }
}
