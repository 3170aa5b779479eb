package org.timestudy.testbed.truth;

import org.timestudy.analyzer.classify.ClockClass;

import java.io.PrintStream;

/**
 * Counts of (true class, predicted class), with per-class precision, recall and F1 and their macro average over the
 * classes that occur in the truth. INSUFFICIENT is never a true class; predicting it counts as a miss.
 */
public final class ConfusionMatrix
{
    private static final ClockClass[] CLASSES = ClockClass.values();
    private static final int N = CLASSES.length;

    private final long[][] counts = new long[N][N];

    /**
     * @param truth     the true class.
     * @param predicted the classifier's class.
     */
    public void add(final ClockClass truth, final ClockClass predicted)
    {
        counts[truth.ordinal()][predicted.ordinal()]++;
    }

    /**
     * @param other a matrix whose counts to add to this one.
     */
    public void addAll(final ConfusionMatrix other)
    {
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                counts[i][j] += other.counts[i][j];
            }
        }
    }

    /**
     * @param truth     the true class.
     * @param predicted the predicted class.
     * @return how many series.
     */
    public long count(final ClockClass truth, final ClockClass predicted)
    {
        return counts[truth.ordinal()][predicted.ordinal()];
    }

    /**
     * @return number of series counted.
     */
    public long total()
    {
        long sum = 0;
        for (final long[] row : counts)
        {
            for (final long c : row)
            {
                sum += c;
            }
        }
        return sum;
    }

    /**
     * @param c a class.
     * @return series whose true class is c.
     */
    public long support(final ClockClass c)
    {
        long sum = 0;
        for (final long v : counts[c.ordinal()])
        {
            sum += v;
        }
        return sum;
    }

    /**
     * @param c a class.
     * @return series predicted as c.
     */
    public long predicted(final ClockClass c)
    {
        long sum = 0;
        for (final long[] row : counts)
        {
            sum += row[c.ordinal()];
        }
        return sum;
    }

    /**
     * @param c a class.
     * @return precision, 0 when nothing was predicted as c.
     */
    public double precision(final ClockClass c)
    {
        final long p = predicted(c);
        return p == 0 ? 0 : (double)count(c, c) / p;
    }

    /**
     * @param c a class.
     * @return recall, 0 when c never occurs in the truth.
     */
    public double recall(final ClockClass c)
    {
        final long s = support(c);
        return s == 0 ? 0 : (double)count(c, c) / s;
    }

    /**
     * @param c a class.
     * @return F1, the harmonic mean of precision and recall.
     */
    public double f1(final ClockClass c)
    {
        final double p = precision(c);
        final double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * @return mean F1 over the classes with support (0 when empty).
     */
    public double macroF1()
    {
        double sum = 0;
        int classes = 0;
        for (final ClockClass c : CLASSES)
        {
            if (support(c) > 0)
            {
                sum += f1(c);
                classes++;
            }
        }
        return classes == 0 ? 0 : sum / classes;
    }

    /**
     * @return share of series classified correctly.
     */
    public double accuracy()
    {
        long right = 0;
        for (int i = 0; i < N; i++)
        {
            right += counts[i][i];
        }
        final long total = total();
        return total == 0 ? 0 : (double)right / total;
    }

    /**
     * Prints the matrix (rows: truth, columns: prediction) and per-class precision, recall and F1.
     *
     * @param out    where to print.
     * @param indent prefix of every line.
     */
    public void print(final PrintStream out, final String indent)
    {
        out.printf("%s%-13s", indent, "truth\\pred");
        for (final ClockClass c : CLASSES)
        {
            out.printf(" %8s", abbreviation(c));
        }
        out.printf("  %6s %6s %6s%n", "prec", "recall", "F1");
        for (final ClockClass t : CLASSES)
        {
            if (support(t) == 0)
            {
                continue;
            }
            out.printf("%s%-13s", indent, t.label());
            for (final ClockClass p : CLASSES)
            {
                out.printf(" %8d", count(t, p));
            }
            out.printf("  %6.3f %6.3f %6.3f%n", precision(t), recall(t), f1(t));
        }
    }

    private static String abbreviation(final ClockClass c)
    {
        return switch (c)
        {
            case RESET_DRIFT -> "RESET+DR";
            case MULTI_CLOCK -> "MULTI";
            case INSUFFICIENT -> "INSUFF";
            default -> c.label();
        };
    }
}
