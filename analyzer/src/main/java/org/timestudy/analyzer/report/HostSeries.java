package org.timestudy.analyzer.report;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.query.DatasetQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the page draws for one host: its observations (time, offset), its behaviour changes and, for a MULTI-CLOCK
 * host, its clocks; and the lines fitted to it, rebuilt from the verdict ({@link #segments()}). Loaded for a bounded
 * set of hosts at a time ({@link #load}).
 */
final class HostSeries
{
    private final Study.Host host;
    private final long[] timesNs;
    private final double[] offsetsS;
    private final List<Study.Change> changes;
    private final List<Clock> clocks;

    private HostSeries(
        final Study.Host host, final long[] timesNs, final double[] offsetsS, final List<Study.Change> changes,
        final List<Clock> clocks)
    {
        this.host = host;
        this.timesNs = timesNs;
        this.offsetsS = offsetsS;
        this.changes = changes;
        this.clocks = clocks;
    }

    /**
     * Reads the observations, changes and clocks of some hosts.
     *
     * @param q     DuckDB over the dataset.
     * @param hosts the hosts.
     * @return their series, by {@link #key(String, int)}.
     * @throws SQLException when DuckDB fails.
     */
    static Map<String, HostSeries> load(final DatasetQuery q, final Collection<Study.Host> hosts) throws SQLException
    {
        final Map<String, Study.Host> byKey = new HashMap<>();
        hosts.forEach(h -> byKey.put(key(h.probe(), h.address()), h));
        final Map<String, HostSeries> out = new HashMap<>();
        if (byKey.isEmpty())
        {
            return out;
        }
        final StringJoiner in = new StringJoiner(", ");
        byKey.values().forEach(h -> in.add("('" + h.probe() + "', " + Integer.toUnsignedLong(h.address()) + ")"));
        try (Statement s = q.connection().createStatement())
        {
            s.execute("CREATE OR REPLACE TEMP TABLE panel_hosts AS SELECT * FROM (VALUES " + in +
                ") t(probe, address_int)");
        }
        final Map<String, List<Long>> times = new HashMap<>();
        final Map<String, List<Double>> offsets = new HashMap<>();
        // The true time of an offset is the middle of T1 and T4 (T4 alone when T1 is unknown).
        try (ResultSet rs = q.execute("SELECT o.probe, o.address_int, coalesce(epoch_ns(o.t1) + (epoch_ns(o.t4) - " +
            "epoch_ns(o.t1)) // 2, epoch_ns(o.t4)), o.offset_s FROM observations o SEMI JOIN panel_hosts p ON " +
            "o.probe = p.probe AND o.address_int = p.address_int WHERE o.offset_s IS NOT NULL " +
            "ORDER BY o.probe, o.address_int, o.t4"))
        {
            while (rs.next())
            {
                final String k = key(rs.getString(1), (int)rs.getLong(2));
                times.computeIfAbsent(k, x -> new ArrayList<>()).add(rs.getLong(3));
                offsets.computeIfAbsent(k, x -> new ArrayList<>()).add(rs.getDouble(4));
            }
        }
        final Map<String, List<Study.Change>> changes = new HashMap<>();
        try (ResultSet rs = q.execute("SELECT c.probe, c.address_int, epoch_ns(c.time), c.class_before, " +
            "c.class_after, c.step_s, c.slope_change_ppm, c.step FROM changes c SEMI JOIN panel_hosts p ON " +
            "c.probe = p.probe AND c.address_int = p.address_int ORDER BY c.time"))
        {
            while (rs.next())
            {
                changes.computeIfAbsent(key(rs.getString(1), (int)rs.getLong(2)), x -> new ArrayList<>()).add(
                    new Study.Change(rs.getString(1), (int)rs.getLong(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8)));
            }
        }
        final Map<String, List<Clock>> clocks = new HashMap<>();
        try (ResultSet rs = q.execute("SELECT c.probe, c.address_int, c.class, c.share, c.offset_s, c.rate_ppm " +
            "FROM components c SEMI JOIN panel_hosts p ON c.probe = p.probe AND c.address_int = p.address_int " +
            "ORDER BY c.component"))
        {
            while (rs.next())
            {
                clocks.computeIfAbsent(key(rs.getString(1), (int)rs.getLong(2)), x -> new ArrayList<>()).add(
                    new Clock(ClockClass.parse(rs.getString(3)), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
            }
        }
        for (final Map.Entry<String, Study.Host> e : byKey.entrySet())
        {
            final List<Long> t = times.getOrDefault(e.getKey(), List.of());
            final List<Double> o = offsets.getOrDefault(e.getKey(), List.of());
            final long[] ts = new long[t.size()];
            final double[] os = new double[o.size()];
            for (int i = 0; i < ts.length; i++)
            {
                ts[i] = t.get(i);
                os[i] = o.get(i);
            }
            out.put(e.getKey(), new HostSeries(e.getValue(), ts, os, changes.getOrDefault(e.getKey(), List.of()),
                clocks.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    /**
     * @param probe   probe type.
     * @param address IPv4 address.
     * @return the key of a series.
     */
    static String key(final String probe, final int address)
    {
        return probe + "/" + Integer.toUnsignedString(address);
    }

    Study.Host host()
    {
        return host;
    }

    long[] timesNs()
    {
        return timesNs;
    }

    double[] offsetsS()
    {
        return offsetsS;
    }

    List<Study.Change> changes()
    {
        return changes;
    }

    List<Clock> clocks()
    {
        return clocks;
    }

    /**
     * The lines fitted to the host, rebuilt from its verdict: the current behaviour's line (offset now and R − 1)
     * from the latest change (a RESET+DRIFT clock: from its last reset) to the last point, and each earlier segment
     * walked back through the changes (the old line at a change is the new one minus the step; its R − 1 is the new
     * one minus the slope change). A MULTI-CLOCK host gets one line per clock instead, across the whole series. No
     * line for ERRATIC, for a host without an offset or rate, nor for a segment that would leave the observations'
     * range (the rate of a segment too short to pin it down).
     *
     * @return the segments, oldest first.
     */
    List<Segment> segments()
    {
        final List<Segment> out = new ArrayList<>();
        final Study.Host h = host;
        if (h.clockClass() == ClockClass.ERRATIC || Double.isNaN(h.offsetS()) || Double.isNaN(h.ratePpm()) ||
            h.offsetAtNs() == Long.MIN_VALUE)
        {
            return out;
        }
        final double low = min(offsetsS, h.offsetS());
        final double high = max(offsetsS, h.offsetS());
        final double margin = Math.max(high - low, 1e-3);
        if (h.clockClass() == ClockClass.MULTI_CLOCK)
        {
            for (final Clock c : clocks)
            {
                add(out, new Segment(h.firstNs(), h.lastNs(), line(c.offsetS(), c.ratePpm(), h.offsetAtNs(),
                    h.firstNs()), line(c.offsetS(), c.ratePpm(), h.offsetAtNs(), h.lastNs()), c.clockClass()),
                    low - margin, high + margin);
            }
            return out;
        }
        long endNs = h.offsetAtNs();
        double endS = h.offsetS();
        double ppm = h.ratePpm();
        ClockClass c = h.clockClass();
        for (int i = changes.size() - 1; i >= -1; i--)
        {
            long startNs = i >= 0 ? changes.get(i).timeNs() : h.firstNs();
            if (c == ClockClass.RESET_DRIFT && h.lastResetNs() != Long.MIN_VALUE)
            {
                startNs = Math.max(startNs, h.lastResetNs());
            }
            final double startS = endS - ppm * 1e-6 * (endNs - startNs) / 1e9;
            if (startNs < endNs)
            {
                add(out, new Segment(startNs, endNs, startS, endS, c), low - margin, high + margin);
            }
            if (i < 0 || c == ClockClass.RESET_DRIFT)
            {
                break;
            }
            final Study.Change change = changes.get(i);
            endNs = change.timeNs();
            endS = startS - change.stepS();
            ppm -= change.slopeChangePpm();
            c = ClockClass.parse(change.before());
        }
        out.sort((a, b) -> Long.compare(a.startNs(), b.startNs()));
        return out;
    }

    private static void add(final List<Segment> out, final Segment s, final double low, final double high)
    {
        if (s.startS() >= low && s.startS() <= high && s.endS() >= low && s.endS() <= high)
        {
            out.add(s);
        }
    }

    private static double line(final double offsetS, final double ratePpm, final long atNs, final long tNs)
    {
        return offsetS + ratePpm * 1e-6 * (tNs - atNs) / 1e9;
    }

    private static double min(final double[] values, final double also)
    {
        double m = also;
        for (final double v : values)
        {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(final double[] values, final double also)
    {
        double m = also;
        for (final double v : values)
        {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * One clock behind a MULTI-CLOCK address.
     *
     * @param clockClass its class.
     * @param share      its share of the points.
     * @param offsetS    its offset, s.
     * @param ratePpm    its R − 1, ppm.
     */
    record Clock(ClockClass clockClass, double share, double offsetS, double ratePpm)
    {
    }

    /**
     * A fitted line from one time to another.
     *
     * @param startNs    start, ns since 1970.
     * @param endNs      end, ns since 1970.
     * @param startS     offset at the start, s.
     * @param endS       offset at the end, s.
     * @param clockClass the behaviour it fits.
     */
    record Segment(long startNs, long endNs, double startS, double endS, ClockClass clockClass)
    {
    }
}
