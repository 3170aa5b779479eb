package org.timestudy.analyzer.clock;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RobustLineFitterTest
{
    private final RobustLineFitter fitter = new RobustLineFitter();

    @Test
    void shouldRecoverAnExactLineFarFromTheOrigin()
    {
        final int n = 168;
        final double[] x = new double[n];
        final double[] y = new double[n];
        final double[] u = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 1e6 + i * 3600.0;
            y[i] = 0.25 + 3.5e-5 * (x[i] - 1e6);
            u[i] = 1e-3 * (1 + i % 3);
        }
        final LineFit fit = fitter.fit(x, y, u, 0, n, new LineFit());
        assertThat(fit.slope()).isCloseTo(3.5e-5, within(1e-15));
        assertThat(fit.valueAt(x[0])).isCloseTo(0.25, within(1e-10));
        assertThat(fit.valueAt(x[n - 1])).isCloseTo(y[n - 1], within(1e-10));
        assertThat(fit.sigmaResidualS()).isLessThan(1e-10);
    }

    @Test
    void shouldGiveSlopeZeroAndTheRobustLocationWhenEveryXIsEqual()
    {
        final double[] x = {5, 5, 5, 5, 5, 5, 5};
        final double[] y = {1.0, 1.1, 0.9, 1.05, 0.95, 1.0, 50};
        final double[] u = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        final LineFit fit = fitter.fit(x, y, u, 0, x.length, new LineFit());
        assertThat(fit.slope()).isZero();
        assertThat(fit.sigmaSlope()).isZero();
        assertThat(fit.valueAt(5)).isCloseTo(1.0, within(0.1));
        assertThat(Double.isFinite(fit.sigmaInterceptS())).isTrue();
    }

    @Test
    void shouldFitOneAndTwoPoints()
    {
        final LineFit one = fitter.fit(new double[] {3}, new double[] {7}, new double[] {0.5}, 0, 1, new LineFit());
        assertThat(one.valueAt(3)).isEqualTo(7);
        assertThat(one.slope()).isZero();
        final LineFit two = fitter.fit(new double[] {0, 10}, new double[] {1, 2}, new double[] {0.1, 0.1}, 0, 2,
            new LineFit());
        assertThat(two.slope()).isCloseTo(0.1, within(1e-12));
        assertThat(two.valueAt(0)).isCloseTo(1, within(1e-12));
    }

    @Test
    void shouldResistGrossOutliersWhereLeastSquaresDoesNot()
    {
        final Random random = new Random(3);
        final int n = 120;
        final double[] x = new double[n];
        final double[] y = new double[n];
        final double[] u = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i * 3600.0;
            y[i] = -2e-5 * x[i] + 1e-3 * random.nextGaussian();
            u[i] = 1e-3;
            if (i % 5 == 0 && i > n / 2)
            {
                y[i] += 0.5;
            }
        }
        final LineFit fit = fitter.scaleHintS(1e-3).fit(x, y, u, 0, n, new LineFit());
        assertThat(fit.slope()).isCloseTo(-2e-5, within(3 * fit.sigmaSlope() + 1e-9));
        final LineFit leastSquares = leastSquares(x, y, n);
        assertThat(Math.abs(leastSquares.slope() + 2e-5)).isGreaterThan(20 * fit.sigmaSlope());
    }

    /**
     * The fit stops once its line moves by less than 10⁻³ of the scale, or after its last pass; the Huber minimum it
     * approaches (reweighting run to convergence, here in a plain reference implementation) must lie within a small
     * share of the fit's own uncertainty for all but the slowest fits (a third of the points far out), and within
     * 1.5 σ for every one.
     */
    @Test
    void shouldLandWithinASmallShareOfItsUncertaintyOfTheConvergedHuberLine()
    {
        final Random random = new Random(11);
        final int trials = 2000;
        int slopeOff = 0;
        int valueOff = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            final int n = 10 + random.nextInt(200);
            final double noise = Math.pow(10, -5 + 3 * random.nextDouble());
            final double outliers = 0.3 * random.nextDouble();
            final double[] x = new double[n];
            final double[] y = new double[n];
            final double[] u = new double[n];
            double t = 0;
            for (int i = 0; i < n; i++)
            {
                t += 3600 * (0.5 + random.nextDouble());
                x[i] = t;
                u[i] = noise * (0.5 + 3 * random.nextDouble());
                y[i] = 4e-6 * t + noise * random.nextGaussian() +
                    (random.nextDouble() < outliers ? 50 * noise * random.nextGaussian() : 0);
            }
            final double[] sorted = u.clone();
            Arrays.sort(sorted);
            final double uMedian = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            final LineFit fit = fitter.scaleHintS(noise).fit(x, y, u, uMedian, 0, n, new LineFit());
            final double[] reference = convergedHuber(x, y, u, uMedian, n, 1.345 * noise);
            final double xLast = x[n - 1];
            final double slopeError = Math.abs(fit.slope() - reference[1]) / fit.sigmaSlope();
            final double valueError = Math.abs(fit.valueAt(xLast) - (reference[0] + reference[1] * xLast)) /
                fit.sigmaAt(xLast);
            assertThat(slopeError).as("trial %d slope", trial).isLessThan(1.5);
            assertThat(valueError).as("trial %d value", trial).isLessThan(1.5);
            slopeOff += slopeError > 0.05 ? 1 : 0;
            valueOff += valueError > 0.05 ? 1 : 0;
        }
        assertThat(slopeOff).isLessThan(trials / 100);
        assertThat(valueOff).isLessThan(trials / 100);
    }

    private static double[] convergedHuber(
        final double[] x, final double[] y, final double[] u, final double uMedian, final int n, final double limit)
    {
        final double[] prior = new double[n];
        final double[] w = new double[n];
        for (int i = 0; i < n; i++)
        {
            prior[i] = Math.max(0.01, Math.min(100, (uMedian / u[i]) * (uMedian / u[i])));
            w[i] = prior[i];
        }
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            double sw = 0;
            double swx = 0;
            double swy = 0;
            for (int i = 0; i < n; i++)
            {
                sw += w[i];
                swx += w[i] * x[i];
                swy += w[i] * y[i];
            }
            final double mx = swx / sw;
            final double my = swy / sw;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++)
            {
                sxx += w[i] * (x[i] - mx) * (x[i] - mx);
                sxy += w[i] * (x[i] - mx) * (y[i] - my);
            }
            final double nb = sxy / sxx;
            final double na = my - nb * mx;
            final boolean done = Math.abs(na - a) + Math.abs(nb - b) * (x[n - 1] - x[0]) < 1e-13 * limit;
            a = na;
            b = nb;
            if (done)
            {
                break;
            }
            for (int i = 0; i < n; i++)
            {
                final double r = Math.abs(y[i] - (a + b * x[i]));
                w[i] = prior[i] * Math.min(1, limit / r);
            }
        }
        return new double[] {a, b};
    }

    private static LineFit leastSquares(final double[] x, final double[] y, final int n)
    {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++)
        {
            sx += x[i];
            sy += y[i];
        }
        final double mx = sx / n;
        final double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return new LineFit().set(0, n, mx, my, sxy / sxx, 0, 0, 0, false);
    }
}
