package org.timestudy.analyzer.clock;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnvelopeFitterTest
{
    private final EnvelopeFitter fitter = new EnvelopeFitter();
    private final LineFit fit = new LineFit();

    @Property
    void shouldMatchBruteForceSlopeRangeWhenIntervalsHoldALine(
        @ForAll @IntRange(min = 2, max = 80) final int n,
        @ForAll @IntRange(min = -1000, max = 1000) final int slopePpm,
        @ForAll final long seed,
        @ForAll final boolean hullOnly,
        @ForAll final boolean ties)
    {
        final EnvelopeFitter fitter = hullOnly ? new EnvelopeFitter(0) : this.fitter;
        final double slope = slopePpm * 1e-6;
        final Intervals drawn =
            Intervals.draw(new Random(seed), n, ties ? 4 : 0, 7200, (i, t) -> 3 + slope * t, 0.5, 0.05);
        final double[] x = drawn.x();
        final double[] y = drawn.y();
        final double[] low = drawn.low();
        final double[] high = drawn.high();
        final SlopeRange range = SlopeRange.byBruteForce(x, low, high);
        final double upper = range.upper();
        final double lower = range.lower();
        final boolean feasible = fitter.fit(x, y, low, high, 0, n, fit);

        if (x[n - 1] > x[0])
        {
            assertThat(feasible).isTrue();
            assertThat(fitter.slopeHigh()).isCloseTo(upper, within(1e-12));
            assertThat(fitter.slopeLow()).isCloseTo(lower, within(1e-12));
            assertThat(fitter.slopeLow()).isLessThanOrEqualTo(slope + 1e-12);
            assertThat(fitter.slopeHigh()).isGreaterThanOrEqualTo(slope - 1e-12);
            for (int i = 0; i < n; i++)
            {
                assertThat(fit.valueAt(x[i])).isBetween(low[i] - 1e-9, high[i] + 1e-9);
            }
        }
        else
        {
            assertThat(feasible).isFalse();
        }
    }

    @Property
    void shouldFindALineExactlyWhenBruteForceDoes(
        @ForAll @IntRange(min = 2, max = 60) final int n,
        @ForAll @IntRange(min = 0, max = 3) final int stepSeconds,
        @ForAll final long seed,
        @ForAll final boolean hullOnly,
        @ForAll final boolean ties)
    {
        final EnvelopeFitter fitter = hullOnly ? new EnvelopeFitter(0) : this.fitter;
        // A clock that may step part-way, and intervals of random width: some sets hold a line, some do not.
        final Intervals drawn = Intervals.draw(new Random(seed), n, ties ? 5 : 0, 3600,
            (i, t) -> (i >= n / 2 ? stepSeconds : 0) + 20e-6 * t, 0.05, 1.5);
        final double[] x = drawn.x();
        final double[] y = drawn.y();
        final double[] low = drawn.low();
        final double[] high = drawn.high();
        final SlopeRange range = SlopeRange.byBruteForce(x, low, high);
        Assume.that(Math.abs(range.upper() - range.lower()) > 1e-9);

        final boolean feasible = fitter.fit(x, y, low, high, 0, n, fit);

        assertThat(feasible).isEqualTo(x[n - 1] > x[0] && range.lower() < range.upper() && range.sameTimesOverlap());
        if (feasible)
        {
            assertThat(fitter.slopeHigh()).isEqualTo(range.upper());
            assertThat(fitter.slopeLow()).isEqualTo(range.lower());
        }
    }

    @Test
    void shouldReportInfeasibleWhenAStepBreaksEveryLine()
    {
        final double[] x = {0, 3600, 7200, 10800, 14400};
        final double[] y = {0, 0, 10, 10, 10};
        final double[] low = {-0.5, -0.5, 9.5, 9.5, 9.5};
        final double[] high = {0.5, 0.5, 10.5, 10.5, 10.5};

        assertThat(new EnvelopeFitter().fit(x, y, low, high, 0, 5, fit)).isFalse();
    }

    @Test
    void shouldPinRateFarBetterThanPointFitWhenDatesAreQuantised()
    {
        final Random random = new Random(1);
        final int n = 168;
        final double[] x = new double[n];
        final double[] y = new double[n];
        final double[] u = new double[n];
        final double[] low = new double[n];
        final double[] high = new double[n];
        final double slope = 12e-6;
        for (int i = 0; i < n; i++)
        {
            final double t1 = i * 3600 + random.nextDouble() * 600;
            final double arrival = t1 + 0.02;
            final double date = Math.floor(arrival + 40 + slope * arrival);
            low[i] = date - (t1 + 0.04);
            high[i] = date + 1 - t1;
            y[i] = 0.5 * (low[i] + high[i]);
            u[i] = 0.5 * (high[i] - low[i]);
            x[i] = arrival;
        }
        assertThat(fitter.fit(x, y, low, high, 0, n, fit)).isTrue();
        final double envelopeError = Math.abs(fit.slope() - slope);
        final LineFit robust = new RobustLineFitter().fit(x, y, u, 0, n, new LineFit());

        assertThat(envelopeError).isLessThan(0.05e-6);
        assertThat(envelopeError).isLessThan(Math.abs(robust.slope() - slope));
        assertThat(fit.sigmaSlope()).isLessThan(robust.sigmaSlope());
    }

    /**
     * The feasible slope range from every pair of points, and whether the intervals of points at one time overlap.
     */
    private record SlopeRange(double lower, double upper, boolean sameTimesOverlap)
    {
        static SlopeRange byBruteForce(final double[] x, final double[] low, final double[] high)
        {
            double upper = Double.POSITIVE_INFINITY;
            double lower = Double.NEGATIVE_INFINITY;
            boolean overlap = true;
            for (int i = 0; i < x.length; i++)
            {
                for (int j = 0; j < x.length; j++)
                {
                    if (x[i] < x[j])
                    {
                        upper = Math.min(upper, (high[j] - low[i]) / (x[j] - x[i]));
                        lower = Math.max(lower, (low[j] - high[i]) / (x[j] - x[i]));
                    }
                    else if (x[i] == x[j])
                    {
                        overlap &= low[i] <= high[j];
                    }
                }
            }
            return new SlopeRange(lower, upper, overlap);
        }
    }

    /** A clock's offset at the i-th point, at t seconds. */
    @FunctionalInterface
    private interface Clock
    {
        double offsetAt(int i, double t);
    }

    /**
     * Intervals around a clock: times a random step apart (with tieOdds &gt; 0, one in tieOdds the same time, which
     * sends the fitter to its hull; times that all differ take Dinkelbach's passes), each interval's half-width
     * uMin + up to uSpread, its centre anywhere within it of the truth.
     */
    private record Intervals(double[] x, double[] y, double[] low, double[] high)
    {
        static Intervals draw(
            final Random random, final int n, final int tieOdds, final double spacingS, final Clock clock,
            final double uMin, final double uSpread)
        {
            final Intervals out = new Intervals(new double[n], new double[n], new double[n], new double[n]);
            double t = 0;
            for (int i = 0; i < n; i++)
            {
                t += tieOdds > 0 && random.nextInt(tieOdds) == 0 ? 0 : random.nextDouble() * spacingS;
                out.x[i] = t;
                final double u = uMin + random.nextDouble() * uSpread;
                out.y[i] = clock.offsetAt(i, t) + (random.nextDouble() * 2 - 1) * u;
                out.low[i] = out.y[i] - u;
                out.high[i] = out.y[i] + u;
            }
            return out;
        }
    }
}
