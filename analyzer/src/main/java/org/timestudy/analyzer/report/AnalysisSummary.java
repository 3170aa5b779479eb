package org.timestudy.analyzer.report;

import org.HdrHistogram.Histogram;
import org.timestudy.analyzer.classify.Change;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.classify.Groups;
import org.timestudy.analyzer.classify.SubTag;
import org.timestudy.analyzer.classify.Tag;
import org.timestudy.analyzer.classify.Verdict;
import org.timestudy.targets.address.Ipv4;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The summary of an analysis, accumulated one verdict at a time in bounded memory: counts per class and probe type,
 * the offset distribution in bands (≤ 0.1 s, ≤ 1 s, ≤ 1 min, ≤ 1 h, more) with percentiles, the worst hosts, the
 * changes and the latest of them, and the group comparisons (names, reference servers, NTP against HTTP).
 * ERRATIC series are left out of the offset figures: their offset is no clock's.
 */
public final class AnalysisSummary
{
    /** Upper edges of the offset bands, ns; the last band is everything above. */
    public static final long[] BAND_EDGES_NS = {100_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
    /** Labels of the bands. */
    public static final String[] BAND_LABELS = {"<= 0.1 s", "0.1 s - 1 s", "1 s - 1 min", "1 min - 1 h", "> 1 h"};

    private static final ClockClass[] CLASSES = ClockClass.values();
    private static final double NANOS = 1e9;
    private static final int LISTED = 10;

    private final String[] probes;
    private final int worstCount;
    private final int changesCount;
    private final long[][] classes;
    private final long[][] bands;
    private final long[] series;
    private final long[] withOffset;
    private final Histogram[] absOffsetUs;
    private final Map<String, long[]> tags = new TreeMap<>();
    private final Map<SubTag, Long> subTags = new EnumMap<>(SubTag.class);
    private final PriorityQueue<Worst> worst = new PriorityQueue<>(Comparator.comparingLong(Worst::absOffsetNs));
    private final PriorityQueue<Latest> latest = new PriorityQueue<>(Comparator.comparingLong(l -> l.change.timeNs()));
    private long changes;
    private long seriesWithChanges;
    private long steps;
    private long names;
    private long namesAgreeing;
    private long namesUndecided;
    private final List<String> namesDisagreeing = new ArrayList<>();
    private final Map<String, Long> references = new TreeMap<>();
    private final List<String> referencesWrong = new ArrayList<>();
    private long pairs;
    private long pairsCompared;
    private long pairsAgreeing;
    private final List<String> pairsDisagreeing = new ArrayList<>();

    /**
     * @param probes       names of the probe types, by ordinal.
     * @param worstCount   how many worst hosts to keep.
     * @param changesCount how many of the latest changes to keep.
     */
    public AnalysisSummary(final String[] probes, final int worstCount, final int changesCount)
    {
        this.probes = probes.clone();
        this.worstCount = worstCount;
        this.changesCount = changesCount;
        classes = new long[probes.length][CLASSES.length];
        bands = new long[probes.length][BAND_LABELS.length];
        series = new long[probes.length];
        withOffset = new long[probes.length];
        absOffsetUs = new Histogram[probes.length];
        for (int i = 0; i < probes.length; i++)
        {
            absOffsetUs[i] = new Histogram(3);
        }
    }

    /**
     * Counts one series.
     *
     * @param probe   its probe ordinal.
     * @param address its address.
     * @param v       its verdict.
     */
    public void add(final int probe, final int address, final Verdict v)
    {
        series[probe]++;
        classes[probe][v.clockClass().ordinal()]++;
        for (final SubTag t : SubTag.values())
        {
            if (v.has(t))
            {
                subTags.merge(t, 1L, Long::sum);
            }
        }
        if (v.tags() != 0)
        {
            for (final Tag t : Tag.values())
            {
                if (v.has(t))
                {
                    tags.computeIfAbsent(t.label(), k -> new long[probes.length])[probe]++;
                }
            }
        }
        if (v.hasOffset() && v.clockClass() != ClockClass.ERRATIC)
        {
            final long abs = v.offsetNs() == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v.offsetNs());
            withOffset[probe]++;
            bands[probe][band(abs)]++;
            absOffsetUs[probe].recordValue(abs / 1000);
            if (worstCount > 0 && (worst.size() < worstCount || abs > worst.peek().absOffsetNs()))
            {
                worst.add(new Worst(probes[probe], address, v, abs));
                if (worst.size() > worstCount)
                {
                    worst.poll();
                }
            }
        }
        if (!v.changes().isEmpty())
        {
            seriesWithChanges++;
            for (final Change c : v.changes())
            {
                changes++;
                steps += c.step() ? 1 : 0;
                if (changesCount > 0 && (latest.size() < changesCount || c.timeNs() > latest.peek().change.timeNs()))
                {
                    latest.add(new Latest(probes[probe], address, c));
                    if (latest.size() > changesCount)
                    {
                        latest.poll();
                    }
                }
            }
        }
    }

    /**
     * Counts one name compared.
     *
     * @param name        the name.
     * @param probe       probe type compared.
     * @param agreement   how its addresses agree.
     * @param disagreeing the disagreeing addresses as text.
     */
    public void addName(
        final String name, final String probe, final Groups.NameAgreement agreement, final String disagreeing)
    {
        names++;
        if (agreement.agree())
        {
            namesAgreeing++;
        }
        else if (agreement.measured() < 2)
        {
            namesUndecided++;
        }
        else if (namesDisagreeing.size() < LISTED)
        {
            namesDisagreeing.add(String.format("%s (%s): %d of %d measured, spread %s, off: %s", name, probe,
                agreement.measured(), agreement.members(), seconds(agreement.spreadNs()), disagreeing));
        }
    }

    /**
     * Counts one listed reference server.
     *
     * @param server  the server as listed (address or name and address).
     * @param stratum the stratum it is listed with.
     * @param status  what it turned out to be.
     * @param v       its NTP verdict, or null when not observed.
     */
    public void addReference(final String server, final int stratum, final String status, final Verdict v)
    {
        references.merge(status, 1L, Long::sum);
        if (("WRONG".equals(status) || "UNSYNCHRONISED".equals(status)) && referencesWrong.size() < LISTED)
        {
            referencesWrong.add(String.format("%s (listed stratum %d): %s, %s", server, stratum, status,
                v == null ? "-" : v.clockClass().label() + (v.hasOffset() ? " offset " + seconds(v.offsetNs()) : "")));
        }
    }

    /**
     * Counts one address with both an NTP and an HTTP series.
     *
     * @param address   its address, as text.
     * @param agreement how the two clocks agree.
     */
    public void addMethodPair(final String address, final Groups.MethodAgreement agreement)
    {
        pairs++;
        if (agreement.compared())
        {
            pairsCompared++;
            if (agreement.agree())
            {
                pairsAgreeing++;
            }
            else if (pairsDisagreeing.size() < LISTED)
            {
                pairsDisagreeing.add(address + ": HTTP - NTP = " + seconds(agreement.differenceNs()) + " +- " +
                    seconds(agreement.uncertaintyNs()));
            }
        }
    }

    /**
     * @param c a class.
     * @return series of that class, all probe types.
     */
    public long count(final ClockClass c)
    {
        long sum = 0;
        for (final long[] row : classes)
        {
            sum += row[c.ordinal()];
        }
        return sum;
    }

    /**
     * @return series counted, all probe types.
     */
    public long series()
    {
        long sum = 0;
        for (final long s : series)
        {
            sum += s;
        }
        return sum;
    }

    /**
     * @return behaviour changes found.
     */
    public long changes()
    {
        return changes;
    }

    /**
     * @param probe a probe ordinal.
     * @param band  a band index ({@link #BAND_LABELS}).
     * @return series of that probe type in that band.
     */
    public long band(final int probe, final int band)
    {
        return bands[probe][band];
    }

    /**
     * Prints the summary.
     *
     * @param out where.
     */
    public void print(final PrintWriter out)
    {
        final int[] shown = shownProbes();
        out.println("classes:");
        out.printf("  %-14s", "class");
        for (final int p : shown)
        {
            out.printf(" %10s %6s", probes[p], "%");
        }
        out.println();
        for (final ClockClass c : CLASSES)
        {
            out.printf("  %-14s", c.label());
            for (final int p : shown)
            {
                out.printf(" %10d %6s", classes[p][c.ordinal()], percent(classes[p][c.ordinal()], series[p]));
            }
            out.println();
        }
        if (!subTags.isEmpty())
        {
            out.print("  sub-tags:");
            subTags.forEach((t, n) -> out.print(" " + t.name() + " " + n));
            out.println();
        }
        if (!tags.isEmpty())
        {
            out.print("  status tags:");
            tags.forEach((t, n) -> out.print(" " + t + " " + sum(n)));
            out.println();
        }

        out.println("offset now (series with an offset, ERRATIC left out):");
        out.printf("  %-14s", "|offset|");
        for (final int p : shown)
        {
            out.printf(" %10s %6s", probes[p], "%");
        }
        out.println();
        for (int b = 0; b < BAND_LABELS.length; b++)
        {
            out.printf("  %-14s", BAND_LABELS[b]);
            for (final int p : shown)
            {
                out.printf(" %10d %6s", bands[p][b], percent(bands[p][b], withOffset[p]));
            }
            out.println();
        }
        for (final int p : shown)
        {
            final Histogram h = absOffsetUs[p];
            if (h.getTotalCount() > 0)
            {
                out.printf("  %s |offset| p50 %s, p90 %s, p99 %s, max %s%n", probes[p],
                    seconds(h.getValueAtPercentile(50) * 1000), seconds(h.getValueAtPercentile(90) * 1000),
                    seconds(h.getValueAtPercentile(99) * 1000), seconds(h.getMaxValue() * 1000));
            }
        }

        if (!worst.isEmpty())
        {
            out.println("worst hosts (largest |offset|, ERRATIC left out):");
            out.printf("  %-15s %-5s %-13s %18s %12s %14s %6s%n", "address", "probe", "class", "offset", "+-",
                "rate ppm", "points");
            final List<Worst> sorted = new ArrayList<>(worst);
            sorted.sort(Comparator.comparingLong(Worst::absOffsetNs).reversed());
            for (final Worst w : sorted)
            {
                out.printf("  %-15s %-5s %-13s %18s %12s %14.3f %6d%n", Ipv4.format(w.address), w.probe,
                    w.verdict.clockClass().label(), seconds(w.verdict.offsetNs()),
                    seconds(w.verdict.offsetUncertaintyNs()), w.verdict.rateMinusOnePpm(), w.verdict.points());
            }
        }

        out.printf("changes: %d in %d series (%d STEP events)%s%n", changes, seriesWithChanges, steps,
            latest.isEmpty() ? "" : "; latest:");
        final List<Latest> recent = new ArrayList<>(latest);
        recent.sort(Comparator.comparingLong((Latest l) -> l.change.timeNs()).reversed());
        for (final Latest l : recent)
        {
            out.printf("  %s %-15s %-5s %s -> %s, step %s, slope %+.3f ppm%s%n",
                Instant.ofEpochSecond(0, l.change.timeNs()), Ipv4.format(l.address), l.probe, l.change.before().label(),
                l.change.after().label(), seconds(l.change.stepNs()), l.change.slopeChangePpm(),
                l.change.step() ? " (STEP)" : "");
        }

        if (names > 0)
        {
            out.printf("names: %d compared, %d agree, %d with fewer than two measured, %d disagree%n", names,
                namesAgreeing, namesUndecided, names - namesAgreeing - namesUndecided);
            namesDisagreeing.forEach(s -> out.println("  " + s));
        }
        if (!references.isEmpty())
        {
            out.print("reference servers:");
            references.forEach((s, n) -> out.print(" " + s + " " + n));
            out.println();
            referencesWrong.forEach(s -> out.println("  " + s));
        }
        if (pairs > 0)
        {
            out.printf("NTP against HTTP: %d addresses with both, %d compared, %d agree%n", pairs, pairsCompared,
                pairsAgreeing);
            pairsDisagreeing.forEach(s -> out.println("  " + s));
        }
        out.flush();
    }

    private int[] shownProbes()
    {
        int n = 0;
        for (final long s : series)
        {
            n += s > 0 ? 1 : 0;
        }
        final int[] shown = new int[Math.max(1, n)];
        int k = 0;
        for (int p = 0; p < series.length; p++)
        {
            if (series[p] > 0)
            {
                shown[k++] = p;
            }
        }
        return shown;
    }

    private static int band(final long absNs)
    {
        for (int b = 0; b < BAND_EDGES_NS.length; b++)
        {
            if (absNs <= BAND_EDGES_NS[b])
            {
                return b;
            }
        }
        return BAND_EDGES_NS.length;
    }

    private static long sum(final long[] values)
    {
        long s = 0;
        for (final long v : values)
        {
            s += v;
        }
        return s;
    }

    private static String percent(final long part, final long whole)
    {
        return whole == 0 ? "-" : String.format("%.1f", 100.0 * part / whole);
    }

    /**
     * @param ns a duration or offset in ns.
     * @return it in the largest fitting unit: "12.3 ms", "-3.000 s", "2.5 h", "41.2 d".
     */
    public static String seconds(final long ns)
    {
        final double s = ns / NANOS;
        final double a = Math.abs(s);
        if (a < 1e-3)
        {
            return String.format("%.1f us", s * 1e6);
        }
        if (a < 1)
        {
            return String.format("%.1f ms", s * 1e3);
        }
        if (a < 600)
        {
            return String.format("%.3f s", s);
        }
        if (a < 86_400)
        {
            return String.format("%.2f h", s / 3600);
        }
        return String.format("%.1f d", s / 86_400);
    }

    private record Worst(String probe, int address, Verdict verdict, long absOffsetNs)
    {
    }

    private record Latest(String probe, int address, Change change)
    {
    }
}
