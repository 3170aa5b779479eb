package org.timestudy.analyzer.ingest;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The tables of a dataset and where their files live under its root:
 *
 * <pre>
 *   observations/probe=ntp/date=YYYY-MM-DD/part-*.parquet   one row per NTP reply (date: UTC date of T4)
 *   observations/probe=http/date=YYYY-MM-DD/part-*.parquet  one row per HTTP probe (response or failure)
 *   unreachable/date=YYYY-MM-DD/part-*.parquet              one row per ICMP unreachable quoting a probe
 *   scans/part-*.parquet                                    one row per scan start or end
 *   analysis/TABLE/part-RUN-*.parquet                       what ./timestudy analyze concluded (last run only)
 * </pre>
 *
 * Later probe types add {@code observations/probe=NAME/} directories whose files share the observations' common
 * columns and add their own. The analysis tables are replaced as a whole by each analyze run.
 */
public enum Table
{
    /** NTP replies. */
    NTP_OBSERVATIONS("observations", "ntp", true, NtpColumn.values()),
    /** HTTP probes: responses and failures. */
    HTTP_OBSERVATIONS("observations", "http", true, HttpColumn.values()),
    /** ICMP destination-unreachables quoting a probe. */
    UNREACHABLE("unreachable", null, true, UnreachableColumn.values()),
    /** Scan start and end events. */
    SCAN_EVENTS("scans", null, false, ScanEventColumn.values()),
    /** One verdict per series (address, probe type). */
    VERDICTS("analysis/verdicts", null, false, VerdictColumn.values()),
    /** Behaviour changes found in the series. */
    CHANGES("analysis/changes", null, false, ChangeColumn.values()),
    /** Clocks behind MULTI-CLOCK addresses. */
    COMPONENTS("analysis/components", null, false, ComponentColumn.values()),
    /** Agreement of the addresses behind one name. */
    NAME_GROUPS("analysis/name_groups", null, false, NameGroupColumn.values()),
    /** Listed reference servers and what they turned out to be. */
    REFERENCE_SERVERS("analysis/reference_servers", null, false, ReferenceColumn.values()),
    /** NTP and HTTP clocks of one address compared. */
    METHOD_PAIRS("analysis/method_pairs", null, false, MethodPairColumn.values());

    /** Directory of the analysis tables under the dataset root. */
    public static final String ANALYSIS_DIRECTORY = "analysis";

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final String directory;
    private final String probe;
    private final boolean byDate;
    private final List<Column> columns;
    private final MessageType schema;

    Table(final String directory, final String probe, final boolean byDate, final Column[] columns)
    {
        this.directory = directory;
        this.probe = probe;
        this.byDate = byDate;
        this.columns = List.of(columns);
        final Types.MessageTypeBuilder builder = Types.buildMessage();
        for (final Column c : columns)
        {
            final Type.Repetition repetition =
                c.spec().optional() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            builder.addField(Types.primitive(c.type().physical(), repetition).as(c.type().logical())
                .named(c.columnName()));
        }
        this.schema = builder.named("timestudy_" + directory.replace('/', '_') + (probe == null ? "" : "_" + probe));
    }

    /**
     * @return the table's top directory under the dataset root.
     */
    public String directory()
    {
        return directory;
    }

    /**
     * @return true for a table {@code ./timestudy analyze} writes (under {@link #ANALYSIS_DIRECTORY}).
     */
    public boolean analysis()
    {
        return directory.startsWith(ANALYSIS_DIRECTORY + "/");
    }

    /**
     * @return the view name {@code ./timestudy query} gives the table's rows (the directory's last part).
     */
    public String viewName()
    {
        return directory.substring(directory.lastIndexOf('/') + 1);
    }

    /**
     * @return the columns, in the order they are written.
     */
    public List<Column> columns()
    {
        return columns;
    }

    /**
     * @return the Parquet schema.
     */
    public MessageType schema()
    {
        return schema;
    }

    /**
     * @return true when files are partitioned by the UTC date of their rows' time.
     */
    public boolean byDate()
    {
        return byDate;
    }

    /**
     * The directory that holds the rows of one day.
     *
     * @param root     dataset root.
     * @param epochDay UTC day, days since 1970-01-01 (ignored for tables not partitioned by date).
     * @return the partition directory.
     */
    public Path partition(final Path root, final long epochDay)
    {
        Path dir = root.resolve(directory);
        if (probe != null)
        {
            dir = dir.resolve("probe=" + probe);
        }
        return byDate ? dir.resolve("date=" + LocalDate.ofEpochDay(epochDay)) : dir;
    }

    /**
     * @return a glob of the table's data files relative to the dataset root, as DuckDB and Spark take it.
     */
    public String glob()
    {
        return directory + "/" + (probe != null ? "probe=*/" : "") + (byDate ? "date=*/" : "") + "*.parquet";
    }

    /**
     * @return a glob of this table's own data files (for a probe partition: that probe only), relative to the
     *         dataset root.
     */
    public String ownGlob()
    {
        return directory + "/" + (probe != null ? "probe=" + probe + "/" : "") + (byDate ? "date=*/" : "") +
            "*.parquet";
    }

    /**
     * @return the probe partition's name ({@code ntp}, {@code http}), or null for tables that have none.
     */
    public String probe()
    {
        return probe;
    }

    /**
     * @param epochNs a time, ns since 1970.
     * @return its UTC day, days since 1970-01-01.
     */
    public static long epochDay(final long epochNs)
    {
        return Math.floorDiv(epochNs, NANOS_PER_DAY);
    }
}
