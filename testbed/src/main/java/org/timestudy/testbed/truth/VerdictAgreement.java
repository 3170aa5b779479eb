package org.timestudy.testbed.truth;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.targets.address.Ipv4;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the verdicts an analysis wrote (the {@code verdicts} table, read back through DuckDB) agree with the ground
 * truth: each NTP series with at least {@code minPoints} points is scored against the class its address shows over
 * the series' window, [first_sample, last_sample]. The agreement is the share of scored series whose class is the
 * truth's (the confusion matrix's accuracy); named addresses (a lab's real servers) are listed one by one.
 */
public final class VerdictAgreement
{
    private static final int EXAMPLES = 8;

    private final ConfusionMatrix matrix = new ConfusionMatrix();
    private final List<String> misses = new ArrayList<>();
    private final List<String> named = new ArrayList<>();
    private final int minPoints;
    private long series;
    private long fewPoints;
    private long unknown;

    private VerdictAgreement(final int minPoints)
    {
        this.minPoints = minPoints;
    }

    /**
     * Scores a dataset's analysis.
     *
     * @param dataset   a dataset analysed by {@code ./timestudy analyze}.
     * @param truth     the truth of its addresses.
     * @param minPoints fewest points for a series to be scored.
     * @param names     addresses to list one by one, with their names (may be empty).
     * @return the score.
     * @throws IllegalArgumentException when the dataset has no analysis.
     */
    public static VerdictAgreement score(
        final Path dataset, final GroundTruth truth, final int minPoints, final Map<Integer, String> names)
    {
        final VerdictAgreement a = new VerdictAgreement(minPoints);
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            if (q.analysis() == null)
            {
                throw new IllegalArgumentException("dataset " + dataset + " has no analysis: run ./timestudy analyze");
            }
            try (ResultSet rs = q.execute("SELECT address_int, class, points, epoch_ns(first_sample), " +
                "epoch_ns(last_sample), offset_s, rate_ppm, epoch_ns(offset_at) FROM verdicts WHERE probe = 'ntp' " +
                "ORDER BY address_int"))
            {
                while (rs.next())
                {
                    a.add(truth, names, (int)rs.getLong(1), ClockClass.parse(rs.getString(2)),
                        rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getObject(6) == null ? null : rs.getDouble(6),
                        rs.getDouble(7), rs.getLong(8));
                }
            }
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("reading the verdicts of " + dataset + " failed: " + ex.getMessage(), ex);
        }
        return a;
    }

    private void add(
        final GroundTruth truth, final Map<Integer, String> names, final int address,
        final ClockClass verdict, final int points, final long firstNs, final long lastNs, final Double offsetS,
        final double ratePpm, final long offsetAtNs)
    {
        series++;
        if (!truth.knows(address))
        {
            unknown++;
            return;
        }
        final ClockClass expected = truth.classOver(address, firstNs, lastNs);
        final String name = names.get(address);
        if (name != null)
        {
            named.add(String.format("%-26s %-15s %-13s %-13s %16s %16s %12.1f %12.1f %6d %s", name,
                Ipv4.format(address), expected.label(), verdict.label(), offsetS == null ? "-" :
                String.format("%.6f", offsetS), offsetS == null ? "-" :
                String.format("%.6f", truth.expectedOffsetNs(address, offsetAtNs) / 1e9), ratePpm,
                truth.ratePpm(address, offsetAtNs), points, points < minPoints ? "(too few points)" :
                expected == verdict ? "yes" : "NO"));
        }
        if (points < minPoints)
        {
            fewPoints++;
            return;
        }
        matrix.add(expected, verdict);
        if (expected != verdict && misses.size() < EXAMPLES)
        {
            misses.add(Ipv4.format(address) + ": truth " + expected.label() + ", verdict " + verdict.label() + " (" +
                points + " points): " + truth.truth(address).toJson());
        }
    }

    /**
     * @return the confusion matrix of the scored series.
     */
    public ConfusionMatrix matrix()
    {
        return matrix;
    }

    /**
     * @return series scored.
     */
    public long scored()
    {
        return matrix.total();
    }

    /**
     * @return the share of scored series whose class is the truth's, in percent (0 when none was scored).
     */
    public double agreementPercent()
    {
        return 100 * matrix.accuracy();
    }

    /**
     * Prints the matrix, the named addresses, some misses, and last the line
     * {@code agreement with ground truth: <percent>%}.
     *
     * @param out where.
     */
    public void print(final PrintStream out)
    {
        out.printf("verdicts against ground truth: %d NTP series, %d scored (>= %d points), %d with fewer points, " +
            "%d without truth%n", series, scored(), minPoints, fewPoints, unknown);
        matrix.print(out, "   ");
        out.printf("   macro-F1 %.4f%n", matrix.macroF1());
        if (!named.isEmpty())
        {
            out.printf("   %-26s %-15s %-13s %-13s %16s %16s %12s %12s %6s %s%n", "server", "address", "truth",
                "verdict", "offset s", "truth s", "rate ppm", "truth ppm", "points", "agree");
            named.forEach(s -> out.println("   " + s));
        }
        misses.forEach(s -> out.println("   miss: " + s));
        out.printf("agreement with ground truth: %.1f%%%n", agreementPercent());
    }
}
