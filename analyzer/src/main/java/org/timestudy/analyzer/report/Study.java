package org.timestudy.analyzer.report;

import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.clock.Method;
import org.timestudy.analyzer.ingest.AnalysisManifest;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.dns.ResolutionTable;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What a study found, read from an analysed dataset for the text report and the page: when it ran and what it
 * examined, the share of hosts off by more than 0.1 s, 1 s, 1 min and 1 h, the classes, the hosts whose clocks are
 * off (worst first, grouped under the names that point at them), the latest behaviour changes, the listed reference
 * servers that are wrong, and NTP against HTTP for addresses with both.
 * <p>
 * Everything is aggregated by DuckDB over the Parquet files ({@link DatasetQuery}); only bounded lists come back (the
 * worst hosts, the names, the exemplars of each class, and at most {@link Options#tableRows} rows for the page's
 * table), so a survey of any size fits. A host is one series: one address and one probe type. A host is <i>off</i>
 * when its behaviour is neither SYNCED nor INSUFFICIENT, or its offset exceeds its method's tolerance τ (0.1 s for
 * NTP). The shares "off by more than x" count hosts with an offset, ERRATIC left out (its offset is no clock's), as
 * {@code analyze} does, whose offset exceeds x by more than twice its uncertainty: a naive HTTP Date (± 0.5 s) never
 * counts as off by 0.1 s unless it is off by well over half a second.
 */
public final class Study
{
    /** Lower edges of the "off by more than" figures, seconds. */
    public static final double[] OFF_BY_S = {0.1, 1, 60, 3600};
    /** Labels of {@link #OFF_BY_S}. */
    public static final String[] OFF_BY_LABELS = {"> 0.1 s", "> 1 s", "> 1 min", "> 1 h"};
    /** Classes a clock that is off can have, in report order. */
    public static final List<ClockClass> OFF_CLASSES = List.of(ClockClass.OFFSET, ClockClass.DRIFT,
        ClockClass.RESET_DRIFT, ClockClass.STUCK, ClockClass.MULTI_CLOCK, ClockClass.ERRATIC);

    /** Histogram bins per decade of |offset| ({@link #histogram()}). */
    public static final int BINS_PER_DECADE = 4;
    /** Smallest |offset| binned, seconds; smaller ones fall in the first bin. */
    public static final double HISTOGRAM_FLOOR_S = 1e-6;

    private static final String HOST_COLUMNS = "v.probe, v.address_int, v.method, v.class, v.sub_tags, v.tags, " +
        "v.offset_s, v.offset_uncertainty_s, epoch_ns(v.offset_at), v.rate_ppm, v.rate_sigma_ppm, " +
        "epoch_ns(v.last_reset), v.period_s, v.changes, v.components, v.priority, v.samples, v.points, " +
        "epoch_ns(v.first_sample), epoch_ns(v.last_sample), r.rtt_s";
    private static final String RTT_JOIN = " LEFT JOIN rtt r ON r.probe = v.probe AND r.address_int = v.address_int";

    private final Path dataset;
    private final int listed;
    private final String run;
    private final boolean labSettings;
    private final long firstNs;
    private final long lastNs;
    private final List<Scan> scans;
    private final List<ProbeFigures> probes;
    private final List<Name> names;
    private final int namesExamined;
    private final long offUnnamed;
    private final List<Host> worst;
    private final long changesTotal;
    private final List<Change> changes;
    private final List<Reference> references;
    private final List<MethodPair> methodPairs;
    private final MethodPairCounts methodPairCounts;
    private final List<Bin> histogram;
    private final List<Host> exemplars;
    private final Map<Integer, List<Host>> addressHosts;
    private final List<Host> table;
    private final long tableTotal;

    private Study(final Builder b)
    {
        dataset = b.dataset;
        listed = b.listed;
        run = b.run;
        labSettings = b.labSettings;
        firstNs = b.firstNs;
        lastNs = b.lastNs;
        scans = List.copyOf(b.scans);
        probes = List.copyOf(b.probes);
        names = List.copyOf(b.names);
        namesExamined = b.namesExamined;
        offUnnamed = b.offUnnamed;
        worst = List.copyOf(b.worst);
        changesTotal = b.changesTotal;
        changes = List.copyOf(b.changes);
        references = List.copyOf(b.references);
        methodPairs = List.copyOf(b.methodPairs);
        methodPairCounts = b.methodPairCounts;
        histogram = List.copyOf(b.histogram);
        exemplars = List.copyOf(b.exemplars);
        addressHosts = Map.copyOf(b.addressHosts);
        table = List.copyOf(b.table);
        tableTotal = b.tableTotal;
    }

    /**
     * Reads a study from an analysed dataset.
     *
     * @param q       DuckDB over the dataset.
     * @param options what to list and how much.
     * @return the study.
     * @throws IllegalArgumentException when the dataset has no analysis, or the names file is bad.
     */
    public static Study load(final DatasetQuery q, final Options options)
    {
        final AnalysisManifest analysis = q.analysis();
        if (analysis == null)
        {
            throw new IllegalArgumentException("the dataset has no analysis yet: run ./timestudy analyze first");
        }
        final Builder b = new Builder();
        b.dataset = options.datasetName;
        b.listed = options.listed;
        b.run = analysis.run();
        final Number minSpan = analysis.settings().get("minSpanNs");
        b.labSettings = minSpan != null && minSpan.longValue() < ClassifierConfig.MIN_SPAN_NS_DEFAULT;
        try
        {
            execute(q, "CREATE OR REPLACE TEMP TABLE rtt AS SELECT probe, address_int, median(delay_s) AS rtt_s " +
                "FROM observations WHERE delay_s IS NOT NULL GROUP BY ALL");
            readWindow(q, b);
            readScans(q, b);
            readProbes(q, b);
            final Map<String, NameSpec> nameSpecs = names(q, options);
            b.namesExamined = nameSpecs.size();
            final Map<Integer, List<String>> namesByAddress = new HashMap<>();
            nameSpecs.values().forEach(n ->
            {
                for (final int a : n.addresses)
                {
                    namesByAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(n.name);
                }
            });
            readNames(q, b, nameSpecs, namesByAddress);
            readWorst(q, b, options, namesByAddress);
            readChanges(q, b, options);
            readReferences(q, b);
            readMethodPairs(q, b, options);
            readHistogram(q, b);
            b.exemplars.addAll(hosts(q, "SELECT " + HOST_COLUMNS + " FROM verdicts v" + RTT_JOIN + " WHERE v.class " +
                "IN (" + quoted(OFF_CLASSES) + ") QUALIFY row_number() OVER (PARTITION BY v.probe, v.class ORDER BY " +
                "abs(v.offset_s) DESC NULLS LAST, v.address_int) <= " + options.panelsPerClass, namesByAddress));
            b.exemplars.sort(Comparator.comparing((Host h) -> h.clockClass().ordinal()).thenComparing(Host::probe)
                .thenComparing(Comparator.comparingDouble(Host::absOffsetS).reversed()));
            if (!b.exemplars.isEmpty())
            {
                final StringJoiner in = new StringJoiner(", ");
                b.exemplars.forEach(h -> in.add(Long.toString(Integer.toUnsignedLong(h.address()))));
                for (final Host h : hosts(q, "SELECT " + HOST_COLUMNS + " FROM verdicts v" + RTT_JOIN +
                    " WHERE v.address_int IN (" + in + ") ORDER BY v.address_int, v.probe", namesByAddress))
                {
                    b.addressHosts.computeIfAbsent(h.address(), k -> new ArrayList<>()).add(h);
                }
            }
            b.table.addAll(hosts(q, "SELECT " + HOST_COLUMNS + " FROM verdicts v" + RTT_JOIN + " ORDER BY " +
                offSql("v") + " DESC, abs(v.offset_s) DESC NULLS LAST, v.address_int, v.probe LIMIT " +
                options.tableRows, namesByAddress));
            b.tableTotal = count(q, "SELECT count(*) FROM verdicts");
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("reading the analysis of " + b.dataset + " failed: " + ex.getMessage(),
                ex);
        }
        return new Study(b);
    }

    private static void readWindow(final DatasetQuery q, final Builder b) throws SQLException
    {
        try (ResultSet rs = q.execute("SELECT epoch_ns(min(t4)), epoch_ns(max(t4)) FROM observations"))
        {
            rs.next();
            b.firstNs = rs.getObject(1) == null ? Long.MIN_VALUE : rs.getLong(1);
            b.lastNs = rs.getObject(2) == null ? Long.MIN_VALUE : rs.getLong(2);
        }
    }

    private static void readScans(final DatasetQuery q, final Builder b) throws SQLException
    {
        try (ResultSet rs = q.execute("SELECT scan_id, epoch_ns(started), epoch_ns(ended), " +
            "json_extract_string(parameters, '$.probe'), TRY_CAST(json_extract(parameters, '$.targetCount') AS " +
            "BIGINT), TRY_CAST(json_extract(parameters, '$.rounds') AS INTEGER), json_extract_string(parameters, " +
            "'$.mode'), TRY_CAST(json_extract(parameters, '$.nameCount') AS BIGINT) FROM scans ORDER BY started"))
        {
            while (rs.next())
            {
                b.scans.add(new Scan(rs.getLong(1), rs.getObject(2) == null ? Long.MIN_VALUE : rs.getLong(2),
                    rs.getObject(3) == null ? Long.MIN_VALUE : rs.getLong(3), rs.getString(4),
                    rs.getObject(5) == null ? -1 : rs.getLong(5), rs.getObject(6) == null ? 1 : rs.getInt(6),
                    rs.getString(7), rs.getObject(8) == null ? -1 : rs.getLong(8)));
            }
        }
    }

    private static void readProbes(final DatasetQuery q, final Builder b) throws SQLException
    {
        final Map<String, ProbeFigures> byProbe = new LinkedHashMap<>();
        final StringBuilder offBy = new StringBuilder();
        for (final double s : OFF_BY_S)
        {
            offBy.append(", count(*) FILTER (WHERE abs(offset_s) - 2 * coalesce(offset_uncertainty_s, 0) > ").append(s)
                .append(" AND class <> 'ERRATIC')");
        }
        try (ResultSet rs = q.execute("SELECT probe, count(*), count(offset_s), count(*) FILTER (WHERE offset_s IS " +
            "NOT NULL AND class <> 'ERRATIC')" + offBy + ", count(*) FILTER (WHERE " + offSql("verdicts") + ") " +
            "FROM verdicts GROUP BY probe ORDER BY probe <> 'ntp', probe"))
        {
            while (rs.next())
            {
                final long[] over = new long[OFF_BY_S.length];
                for (int i = 0; i < over.length; i++)
                {
                    over[i] = rs.getLong(5 + i);
                }
                byProbe.put(rs.getString(1), new ProbeFigures(rs.getString(1), rs.getLong(2), rs.getLong(3),
                    rs.getLong(4), over, rs.getLong(5 + over.length), new long[ClockClass.values().length],
                    new TreeMap<>(), new TreeMap<>(), new long[2]));
            }
        }
        try (ResultSet rs = q.execute("SELECT probe, class, count(*) FROM verdicts GROUP BY ALL"))
        {
            while (rs.next())
            {
                byProbe.get(rs.getString(1)).classes()[ClockClass.parse(rs.getString(2)).ordinal()] = rs.getLong(3);
            }
        }
        for (final String column : new String[] {"sub_tags", "tags"})
        {
            try (ResultSet rs = q.execute("SELECT probe, regexp_replace(t, '\\(.*', '') AS tag, count(*) FROM " +
                "(SELECT probe, unnest(string_split(" + column + ", ',')) AS t FROM verdicts WHERE " + column +
                " IS NOT NULL) GROUP BY ALL ORDER BY ALL"))
            {
                while (rs.next())
                {
                    final ProbeFigures p = byProbe.get(rs.getString(1));
                    (column.equals("tags") ? p.tags() : p.subTags()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        try (ResultSet rs = q.execute("SELECT probe, count(*), count(DISTINCT address_int) FROM observations " +
            "GROUP BY probe"))
        {
            while (rs.next())
            {
                final ProbeFigures p = byProbe.get(rs.getString(1));
                if (p != null)
                {
                    p.observations()[0] = rs.getLong(2);
                    p.observations()[1] = rs.getLong(3);
                }
            }
        }
        b.probes.addAll(byProbe.values());
    }

    private static Map<String, NameSpec> names(final DatasetQuery q, final Options options) throws SQLException
    {
        final Map<String, NameSpec> names = new TreeMap<>();
        if (options.namesFile != null)
        {
            final ResolutionTable table = ResolutionTable.read(options.namesFile);
            for (final Map.Entry<String, int[]> e : table.ipv4ByName().entrySet())
            {
                final List<String> chain = table.cnames(e.getKey());
                names.put(e.getKey(), new NameSpec(e.getKey(), chain.isEmpty() ? null : String.join(">", chain),
                    e.getValue()));
            }
            return names;
        }
        try (ResultSet rs = q.execute("SELECT name, any_value(cnames), any_value(addresses) FROM name_groups " +
            "GROUP BY name"))
        {
            while (rs.next())
            {
                final int[] addresses = Arrays.stream(rs.getString(3).trim().split(" +")).mapToInt(Ipv4::parse)
                    .toArray();
                names.put(rs.getString(1), new NameSpec(rs.getString(1), rs.getString(2), addresses));
            }
        }
        return names;
    }

    private static void readNames(
        final DatasetQuery q, final Builder b, final Map<String, NameSpec> specs,
        final Map<Integer, List<String>> namesByAddress) throws SQLException
    {
        if (namesByAddress.isEmpty())
        {
            return;
        }
        final StringJoiner in = new StringJoiner(", ");
        namesByAddress.keySet().forEach(a -> in.add(Long.toString(Integer.toUnsignedLong(a))));
        execute(q, "CREATE OR REPLACE TEMP TABLE named (address_int UINTEGER)");
        execute(q, "INSERT INTO named SELECT unnest([" + in + "])");
        final Map<Integer, List<Host>> hostsByAddress = new HashMap<>();
        for (final Host h : hosts(q, "SELECT " + HOST_COLUMNS + " FROM verdicts v" + RTT_JOIN +
            " WHERE v.address_int IN (SELECT address_int FROM named) ORDER BY v.address_int, v.probe",
            namesByAddress))
        {
            hostsByAddress.computeIfAbsent(h.address(), k -> new ArrayList<>()).add(h);
        }
        for (final NameSpec spec : specs.values())
        {
            final List<Host> hosts = new ArrayList<>();
            for (final int a : spec.addresses)
            {
                hosts.addAll(hostsByAddress.getOrDefault(a, List.of()));
            }
            hosts.sort(Comparator.comparing(Host::off).reversed()
                .thenComparing(Comparator.comparingDouble(Host::absOffsetS).reversed())
                .thenComparing(Host::probe));
            b.names.add(new Name(spec.name, spec.cnames, spec.addresses.clone(), hosts));
        }
        b.names.sort(Comparator.comparing(Name::off).reversed()
            .thenComparing(Comparator.comparingDouble(Name::worstAbsOffsetS).reversed()).thenComparing(Name::name));
    }

    private static void readWorst(
        final DatasetQuery q, final Builder b, final Options options, final Map<Integer, List<String>> names)
        throws SQLException
    {
        final String unnamed = names.isEmpty() ? "" : " AND v.address_int NOT IN (SELECT address_int FROM named)";
        b.offUnnamed = count(q, "SELECT count(*) FROM verdicts v WHERE " + offSql("v") + unnamed);
        b.worst.addAll(hosts(q, "SELECT " + HOST_COLUMNS + " FROM verdicts v" + RTT_JOIN + " WHERE " + offSql("v") +
            unnamed + " ORDER BY abs(v.offset_s) DESC NULLS LAST, v.address_int, v.probe LIMIT " + options.listed,
            names));
    }

    private static void readChanges(final DatasetQuery q, final Builder b, final Options options)
        throws SQLException
    {
        b.changesTotal = count(q, "SELECT count(*) FROM changes");
        try (ResultSet rs = q.execute("SELECT probe, address_int, epoch_ns(time), class_before, class_after, step_s, " +
            "slope_change_ppm, step FROM changes ORDER BY time DESC, address_int LIMIT " + options.changes))
        {
            while (rs.next())
            {
                b.changes.add(new Change(rs.getString(1), (int)rs.getLong(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8)));
            }
        }
    }

    private static void readReferences(final DatasetQuery q, final Builder b) throws SQLException
    {
        try (ResultSet rs = q.execute("SELECT address_int, name, listed_stratum, status, class, offset_s, " +
            "offset_uncertainty_s FROM reference_servers ORDER BY status = 'OK', abs(offset_s) DESC NULLS LAST, " +
            "address_int"))
        {
            while (rs.next())
            {
                b.references.add(new Reference((int)rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5), doubleOrNaN(rs, 6), doubleOrNaN(rs, 7)));
            }
        }
    }

    private static void readMethodPairs(final DatasetQuery q, final Builder b, final Options options)
        throws SQLException
    {
        try (ResultSet rs = q.execute("SELECT count(*), count(*) FILTER (WHERE compared), count(*) FILTER (WHERE " +
            "compared AND agree) FROM method_pairs"))
        {
            rs.next();
            b.methodPairCounts = new MethodPairCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
        try (ResultSet rs = q.execute("SELECT address_int, ntp_class, http_class, compared, difference_s, " +
            "difference_uncertainty_s, agree FROM method_pairs ORDER BY agree, abs(difference_s) DESC NULLS LAST, " +
            "address_int LIMIT " + options.tableRows))
        {
            while (rs.next())
            {
                b.methodPairs.add(new MethodPair((int)rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getBoolean(4), doubleOrNaN(rs, 5), doubleOrNaN(rs, 6), rs.getBoolean(7)));
            }
        }
    }

    private static void readHistogram(final DatasetQuery q, final Builder b) throws SQLException
    {
        try (ResultSet rs = q.execute("SELECT probe, CAST(floor(log10(greatest(abs(offset_s), " + HISTOGRAM_FLOOR_S +
            ")) * " + BINS_PER_DECADE + ") AS INTEGER) AS bin, count(*) FROM verdicts WHERE offset_s IS NOT NULL " +
            "AND class <> 'ERRATIC' GROUP BY ALL ORDER BY ALL"))
        {
            while (rs.next())
            {
                b.histogram.add(new Bin(rs.getString(1), rs.getInt(2), rs.getLong(3)));
            }
        }
    }

    private static List<Host> hosts(final DatasetQuery q, final String sql, final Map<Integer, List<String>> names)
        throws SQLException
    {
        final List<Host> hosts = new ArrayList<>();
        try (ResultSet rs = q.execute(sql))
        {
            while (rs.next())
            {
                final int address = (int)rs.getLong(2);
                final String method = rs.getString(3);
                final ClockClass c = ClockClass.parse(rs.getString(4));
                final double offsetS = doubleOrNaN(rs, 7);
                final double tauS = Method.parse(method).toleranceNs() / 1e9;
                hosts.add(new Host(rs.getString(1), address, method, c, rs.getString(5), rs.getString(6), offsetS,
                    doubleOrNaN(rs, 8), longOrMin(rs, 9), doubleOrNaN(rs, 10), doubleOrNaN(rs, 11),
                    longOrMin(rs, 12), doubleOrNaN(rs, 13), rs.getInt(14), rs.getInt(15), rs.getDouble(16),
                    rs.getInt(17), rs.getInt(18), rs.getLong(19), rs.getLong(20), doubleOrNaN(rs, 21),
                    isOff(c, offsetS, tauS), names.getOrDefault(address, List.of())));
            }
        }
        return hosts;
    }

    /**
     * @param c       a host's class.
     * @param offsetS its offset, seconds, or NaN.
     * @param tauS    its method's tolerance, seconds.
     * @return true when its clock is off: not SYNCED nor INSUFFICIENT, or beyond the tolerance.
     */
    static boolean isOff(final ClockClass c, final double offsetS, final double tauS)
    {
        return (c != ClockClass.SYNCED && c != ClockClass.INSUFFICIENT) || Math.abs(offsetS) > tauS;
    }

    private static String offSql(final String alias)
    {
        final StringBuilder tau = new StringBuilder("CASE " + alias + ".method");
        for (final Method m : Method.values())
        {
            tau.append(" WHEN '").append(m.label()).append("' THEN ").append(m.toleranceNs() / 1e9);
        }
        tau.append(" END");
        return "(" + alias + ".class NOT IN ('SYNCED', 'INSUFFICIENT') OR coalesce(abs(" + alias + ".offset_s) > " +
            tau + ", false))";
    }

    private static String quoted(final List<ClockClass> classes)
    {
        final StringJoiner j = new StringJoiner(", ");
        classes.forEach(c -> j.add("'" + c.label() + "'"));
        return j.toString();
    }

    private static void execute(final DatasetQuery q, final String sql) throws SQLException
    {
        try (Statement s = q.connection().createStatement())
        {
            s.execute(sql);
        }
    }

    private static long count(final DatasetQuery q, final String sql) throws SQLException
    {
        try (ResultSet rs = q.execute(sql))
        {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double doubleOrNaN(final ResultSet rs, final int column) throws SQLException
    {
        final double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static long longOrMin(final ResultSet rs, final int column) throws SQLException
    {
        final long v = rs.getLong(column);
        return rs.wasNull() ? Long.MIN_VALUE : v;
    }

    /**
     * @return the dataset's name as given.
     */
    public Path dataset()
    {
        return dataset;
    }

    /**
     * @return how many off hosts and changes the text lists.
     */
    public int listed()
    {
        return listed;
    }

    /**
     * @return the analysis run the figures come from.
     */
    public String run()
    {
        return run;
    }

    /**
     * @return true when the analysis used the lab's accelerated-time settings.
     */
    public boolean labSettings()
    {
        return labSettings;
    }

    /**
     * @return the first observation's T4, ns since 1970, or Long.MIN_VALUE without observations.
     */
    public long firstNs()
    {
        return firstNs;
    }

    /**
     * @return the last observation's T4, ns since 1970, or Long.MIN_VALUE without observations.
     */
    public long lastNs()
    {
        return lastNs;
    }

    /**
     * @return the scans, oldest first.
     */
    public List<Scan> scans()
    {
        return scans;
    }

    /**
     * @return figures per probe type, NTP first.
     */
    public List<ProbeFigures> probes()
    {
        return probes;
    }

    /**
     * @return the names examined with the hosts behind them; names with an off host first, worst first.
     */
    public List<Name> names()
    {
        return names;
    }

    /**
     * @return names examined (in the names table).
     */
    public int namesExamined()
    {
        return namesExamined;
    }

    /**
     * @return off hosts not behind any name examined.
     */
    public long offUnnamed()
    {
        return offUnnamed;
    }

    /**
     * @return the worst of the off hosts not behind any name examined, worst first.
     */
    public List<Host> worst()
    {
        return worst;
    }

    /**
     * @return behaviour changes found in all.
     */
    public long changesTotal()
    {
        return changesTotal;
    }

    /**
     * @return the latest behaviour changes, latest first (at most {@link Options#changes(int)}).
     */
    public List<Change> changes()
    {
        return changes;
    }

    /**
     * @return the listed reference servers, wrong ones first.
     */
    public List<Reference> references()
    {
        return references;
    }

    /**
     * @return addresses with both an NTP and an HTTP series, disagreeing first, at most {@link Options#tableRows}.
     */
    public List<MethodPair> methodPairs()
    {
        return methodPairs;
    }

    /**
     * @return how many addresses have both an NTP and an HTTP series, and how they compare.
     */
    public MethodPairCounts methodPairCounts()
    {
        return methodPairCounts;
    }

    /**
     * Addresses with both an NTP and an HTTP series, counted over the whole dataset.
     *
     * @param addresses all of them.
     * @param compared  those whose two clocks could be compared.
     * @param agree     those compared that agree.
     */
    public record MethodPairCounts(long addresses, long compared, long agree)
    {
    }

    /**
     * @return the |offset| histogram ({@link #BINS_PER_DECADE} bins a decade), per probe type.
     */
    public List<Bin> histogram()
    {
        return histogram;
    }

    /**
     * @return the worst hosts of each off class, per probe type, by class.
     */
    public List<Host> exemplars()
    {
        return exemplars;
    }

    /**
     * @param exemplar one of {@link #exemplars()}.
     * @return every host of its address: its own series and the address's series of other probe types (NTP and
     *         HTTP side by side).
     */
    public List<Host> sameAddress(final Host exemplar)
    {
        return addressHosts.getOrDefault(exemplar.address(), List.of(exemplar));
    }

    /**
     * @return the rows of the page's table: off hosts first, worst first.
     */
    public List<Host> table()
    {
        return table;
    }

    /**
     * @return hosts in all (the table holds at most {@link Options#tableRows} of them).
     */
    public long tableTotal()
    {
        return tableTotal;
    }

    /**
     * @return hosts in all probe types (series classified).
     */
    public long hosts()
    {
        long n = 0;
        for (final ProbeFigures p : probes)
        {
            n += p.series();
        }
        return n;
    }

    /**
     * What to read and how much to list.
     */
    public static final class Options
    {
        /** Default number of off hosts and changes listed in the text. */
        public static final int LISTED_DEFAULT = 20;
        /** Default number of the latest changes read (the page's table). */
        public static final int CHANGES_DEFAULT = 1000;
        /** Default number of panels per off class on the page. */
        public static final int PANELS_PER_CLASS_DEFAULT = 2;
        /** Default most rows of the page's table. */
        public static final int TABLE_ROWS_DEFAULT = 100_000;

        private Path datasetName;
        private Path namesFile;
        private int listed = LISTED_DEFAULT;
        private int changes = CHANGES_DEFAULT;
        private int panelsPerClass = PANELS_PER_CLASS_DEFAULT;
        private int tableRows = TABLE_ROWS_DEFAULT;

        /**
         * @param dataset the dataset as the user named it (printed).
         * @return this.
         */
        public Options dataset(final Path dataset)
        {
            this.datasetName = dataset;
            return this;
        }

        /**
         * @param namesFile the names table ({@code ./timestudy targets --resolve}); null to take the names from the
         *                  analysis's name_groups (names of two addresses or more).
         * @return this.
         */
        public Options namesFile(final Path namesFile)
        {
            this.namesFile = namesFile;
            return this;
        }

        /**
         * @param listed how many off hosts to list.
         * @return this.
         */
        public Options listed(final int listed)
        {
            this.listed = requireNonNegative(listed, "hosts listed");
            return this;
        }

        /**
         * @param changes how many of the latest changes to read (the page's table; the text lists
         *                {@link #listed(int)} of them).
         * @return this.
         */
        public Options changes(final int changes)
        {
            this.changes = requireNonNegative(changes, "changes read");
            return this;
        }

        /**
         * @param panelsPerClass how many of the worst hosts of each off class get a panel on the page.
         * @return this.
         */
        public Options panelsPerClass(final int panelsPerClass)
        {
            this.panelsPerClass = requireNonNegative(panelsPerClass, "panels per class");
            return this;
        }

        /**
         * @param tableRows most rows of the page's table.
         * @return this.
         */
        public Options tableRows(final int tableRows)
        {
            this.tableRows = requireNonNegative(tableRows, "table rows");
            return this;
        }

        private static int requireNonNegative(final int value, final String what)
        {
            if (value < 0)
            {
                throw new IllegalArgumentException(what + " must be >= 0, not " + value);
            }
            return value;
        }
    }

    /**
     * One scan.
     *
     * @param scanId    its id.
     * @param startedNs start, ns since 1970 (Long.MIN_VALUE unknown).
     * @param endedNs   end, ns since 1970 (Long.MIN_VALUE: not ended).
     * @param probe     probe type, or null.
     * @param targets   addresses per round, or -1 when unknown.
     * @param rounds    rounds.
     * @param mode      HTTP's mode ({@code hostname}, {@code precision}), or null for a scan of addresses.
     * @param names     names of a scan by name, or -1.
     */
    public record Scan(long scanId, long startedNs, long endedNs, String probe, long targets, int rounds, String mode,
        long names)
    {
    }

    /**
     * Figures of one probe type.
     *
     * @param probe        probe type.
     * @param series       hosts (series classified).
     * @param withAnyOffset hosts with an offset.
     * @param withOffset   hosts with an offset, ERRATIC left out (the base of {@code offBy}).
     * @param offBy        hosts off by more than each of {@link #OFF_BY_S}.
     * @param off          hosts whose clock is off.
     * @param classes      hosts per class, by ordinal.
     * @param subTags      hosts per sub-tag.
     * @param tags         hosts per status tag (KOD without its code).
     * @param observations observation rows, and distinct addresses answering.
     */
    public record ProbeFigures(
        String probe, long series, long withAnyOffset, long withOffset, long[] offBy, long off, long[] classes,
        Map<String, Long> subTags, Map<String, Long> tags, long[] observations)
    {
        /**
         * @param i an index of {@link #OFF_BY_S}.
         * @return the share of hosts with an offset that are off by more than it, percent.
         */
        public double offByPercent(final int i)
        {
            return withOffset == 0 ? 0 : 100.0 * offBy[i] / withOffset;
        }
    }

    /**
     * One host (series) and its verdict.
     *
     * @param probe          probe type.
     * @param address        IPv4 address.
     * @param method         measurement method label.
     * @param clockClass     its class.
     * @param subTags        sub-tags, or null.
     * @param tags           status tags, or null.
     * @param offsetS        offset now, s, or NaN.
     * @param uncertaintyS   its standard uncertainty, s, or NaN.
     * @param offsetAtNs     when the offset holds, ns since 1970, or Long.MIN_VALUE.
     * @param ratePpm        R − 1, ppm, or NaN.
     * @param rateSigmaPpm   σ of it, ppm, or NaN.
     * @param lastResetNs    last reset, ns since 1970, or Long.MIN_VALUE.
     * @param periodS        reset period, s, or NaN.
     * @param changes        behaviour changes.
     * @param components     clocks behind the address (MULTI-CLOCK).
     * @param priority       re-measurement priority, 0-1.
     * @param samples        samples.
     * @param points         points fitted.
     * @param firstNs        first sample, ns since 1970.
     * @param lastNs         last sample, ns since 1970.
     * @param rttS           median round-trip delay, s, or NaN.
     * @param off            its clock is off.
     * @param names          names examined that point at it.
     */
    public record Host(
        String probe, int address, String method, ClockClass clockClass, String subTags, String tags, double offsetS,
        double uncertaintyS, long offsetAtNs, double ratePpm, double rateSigmaPpm, long lastResetNs, double periodS,
        int changes, int components, double priority, int samples, int points, long firstNs, long lastNs,
        double rttS, boolean off, List<String> names)
    {
        /**
         * @return |offset|, s; −1 without one (sorts last).
         */
        public double absOffsetS()
        {
            return Double.isNaN(offsetS) ? -1 : Math.abs(offsetS);
        }

        /**
         * @return the class with its sub-tags, e.g. {@code OFFSET [TZ]}.
         */
        public String classText()
        {
            return clockClass.label() + (subTags == null ? "" : " [" + subTags + "]");
        }

        /**
         * @return the address, dotted.
         */
        public String addressText()
        {
            return Ipv4.format(address);
        }
    }

    /**
     * A name and the hosts behind it.
     *
     * @param name      the name.
     * @param cnames    its CNAME chain ('>'-separated), or null.
     * @param addresses the addresses it resolved to.
     * @param hosts     their hosts (all probe types), off ones first, worst first.
     */
    public record Name(String name, String cnames, int[] addresses, List<Host> hosts)
    {
        /**
         * @return true when a host behind it is off.
         */
        public boolean off()
        {
            return hosts.stream().anyMatch(Host::off);
        }

        /**
         * @return the largest |offset| of its off hosts, s; −1 without one.
         */
        public double worstAbsOffsetS()
        {
            return hosts.stream().filter(Host::off).mapToDouble(Host::absOffsetS).max().orElse(-1);
        }

        /**
         * @return addresses behind it without any host (never answered).
         */
        public int silentAddresses()
        {
            return (int)Arrays.stream(addresses).filter(a -> hosts.stream().noneMatch(h -> h.address() == a))
                .count();
        }
    }

    /**
     * A behaviour change.
     *
     * @param probe          probe type.
     * @param address        IPv4 address.
     * @param timeNs         when, ns since 1970.
     * @param before         class before.
     * @param after          class after.
     * @param stepS          the step, s.
     * @param slopeChangePpm the change of R − 1, ppm.
     * @param step           a STEP event.
     */
    public record Change(
        String probe, int address, long timeNs, String before, String after, double stepS, double slopeChangePpm,
        boolean step)
    {
    }

    /**
     * A listed reference server.
     *
     * @param address      IPv4 address.
     * @param name         name it was listed under, or null.
     * @param stratum      listed stratum.
     * @param status       OK, WRONG, UNSYNCHRONISED, UNUSABLE, UNDECIDED or NOT_OBSERVED.
     * @param clockClass   its NTP class, or null.
     * @param offsetS      its offset, s, or NaN.
     * @param uncertaintyS its uncertainty, s, or NaN.
     */
    public record Reference(
        int address, String name, int stratum, String status, String clockClass, double offsetS, double uncertaintyS)
    {
        /**
         * @return true when it is WRONG or says it is unsynchronised.
         */
        public boolean wrong()
        {
            return "WRONG".equals(status) || "UNSYNCHRONISED".equals(status);
        }
    }

    /**
     * NTP against HTTP for one address.
     *
     * @param address      IPv4 address.
     * @param ntpClass     class of the NTP series.
     * @param httpClass    class of the HTTP series.
     * @param compared     both had an offset.
     * @param differenceS  HTTP minus NTP, s, or NaN.
     * @param uncertaintyS its uncertainty, s, or NaN.
     * @param agree        they agree.
     */
    public record MethodPair(
        int address, String ntpClass, String httpClass, boolean compared, double differenceS, double uncertaintyS,
        boolean agree)
    {
    }

    /**
     * One bin of the |offset| histogram: [10^(bin/4), 10^((bin+1)/4)) s.
     *
     * @param probe probe type.
     * @param bin   quarter-decade index.
     * @param hosts hosts in it.
     */
    public record Bin(String probe, int bin, long hosts)
    {
        /**
         * @return lower edge, s.
         */
        public double lowS()
        {
            return Math.pow(10, (double)bin / BINS_PER_DECADE);
        }

        /**
         * @return upper edge, s.
         */
        public double highS()
        {
            return Math.pow(10, (double)(bin + 1) / BINS_PER_DECADE);
        }
    }

    private record NameSpec(String name, String cnames, int[] addresses)
    {
    }

    private static final class Builder
    {
        private Path dataset;
        private int listed;
        private String run;
        private boolean labSettings;
        private long firstNs;
        private long lastNs;
        private final List<Scan> scans = new ArrayList<>();
        private final List<ProbeFigures> probes = new ArrayList<>();
        private final List<Name> names = new ArrayList<>();
        private int namesExamined;
        private long offUnnamed;
        private final List<Host> worst = new ArrayList<>();
        private long changesTotal;
        private final List<Change> changes = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final List<MethodPair> methodPairs = new ArrayList<>();
        private MethodPairCounts methodPairCounts = new MethodPairCounts(0, 0, 0);
        private final List<Bin> histogram = new ArrayList<>();
        private final List<Host> exemplars = new ArrayList<>();
        private final Map<Integer, List<Host>> addressHosts = new HashMap<>();
        private final List<Host> table = new ArrayList<>();
        private long tableTotal;
    }
}
