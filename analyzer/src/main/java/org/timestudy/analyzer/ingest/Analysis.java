package org.timestudy.analyzer.ingest;

import org.timestudy.analyzer.classify.Classifier;
import org.timestudy.analyzer.classify.ClassifierConfig;
import org.timestudy.analyzer.classify.Groups;
import org.timestudy.analyzer.classify.Priority;
import org.timestudy.analyzer.classify.Verdict;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.analyzer.report.AnalysisSummary;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.dns.ResolutionTable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./timestudy analyze}'s work: reads a dataset's observations series by series ({@link SeriesReader}),
 * classifies each ({@link Classifier}), writes the verdicts, changes and components as Parquet tables beside the
 * observations ({@link AnalysisFiles}: the run replaces the previous analysis atomically), compares the addresses
 * behind one name, the listed reference servers and the NTP and HTTP clocks of one address, and gathers the
 * {@link AnalysisSummary}. Memory: DuckDB's limit for the sort, one series, and the verdicts of the addresses named
 * in the names and reference files.
 */
public final class Analysis
{
    /** Default DuckDB memory limit of the sort. */
    public static final String MEMORY_LIMIT_DEFAULT = "1GB";
    /** Default number of worst hosts and latest changes in the summary. */
    public static final int LISTED_DEFAULT = 10;
    /** Status of a listed reference server without any NTP observation. */
    public static final String NOT_OBSERVED = "NOT_OBSERVED";

    private static final int PROBES = SeriesReader.PROBES.length;

    private final Context ctx;

    /**
     * @param ctx the settings; concluded here.
     */
    public Analysis(final Context ctx)
    {
        this.ctx = ctx.conclude();
    }

    /**
     * Runs the analysis.
     *
     * @return what it did.
     * @throws IllegalArgumentException for a missing dataset, a dataset without observations, a bad names or
     *                                  reference file, or another analyze running.
     */
    public Report run()
    {
        final long startNs = System.nanoTime();
        final Instant startedAt = Instant.now();
        final ResolutionTable names = ctx.namesFile == null ? null : ResolutionTable.read(ctx.namesFile);
        final ReferenceList references = ctx.referencesFile == null ? null : ReferenceList.read(ctx.referencesFile);
        final Map<String, int[]> byName = names == null ? Map.of() : names.ipv4ByName();
        final Set<Integer> watched = watched(byName, references);
        final Map<Long, Verdict> kept = new HashMap<>();
        final AnalysisSummary summary = new AnalysisSummary(SeriesReader.PROBES, ctx.listed, ctx.listed);
        final Classifier classifier = new Classifier(ctx.classifier);
        final ClassifierConfig config = classifier.config();

        try (SeriesReader reader = SeriesReader.open(ctx.dataset, ctx.memoryLimit,
            ctx.dataset.resolve(Table.ANALYSIS_DIRECTORY).resolve(".duckdb-spill-" + ProcessHandle.current().pid()));
            AnalysisFiles files = AnalysisFiles.open(ctx.dataset, startedAt))
        {
            final String run = files.run();
            final TableWriter<SeriesRow> verdicts = files.start(Table.VERDICTS, new VerdictWriteSupport(run));
            final TableWriter<SeriesRow> changes = files.start(Table.CHANGES, new ChangeWriteSupport(run));
            final TableWriter<SeriesRow> components = files.start(Table.COMPONENTS,
                new ComponentWriteSupport(run));
            final TableWriter<GroupRows.MethodPair> pairs = files.start(Table.METHOD_PAIRS,
                new MethodPairWriteSupport(run));
            final SeriesBuffer buffer = new SeriesBuffer(256);
            final SeriesRow row = new SeriesRow();
            Verdict ntpOfAddress = null;
            int lastAddress = 0;
            while (reader.next(buffer))
            {
                final int address = reader.address();
                final int probe = reader.probe();
                final Verdict v = classifier.classify(buffer);
                row.set(SeriesReader.PROBES[probe], address, v,
                    Priority.remeasureAfterNs(v.priority(), config.minRemeasureNs(), config.maxRemeasureNs()));
                files.write(Table.VERDICTS, verdicts, row);
                for (row.index = 0; row.index < v.changes().size(); row.index++)
                {
                    files.write(Table.CHANGES, changes, row);
                }
                for (row.index = 0; row.index < v.components().size(); row.index++)
                {
                    files.write(Table.COMPONENTS, components, row);
                }
                summary.add(probe, address, v);
                if (watched.contains(address))
                {
                    kept.put(key(probe, address), v);
                }
                if (address != lastAddress)
                {
                    ntpOfAddress = null;
                    lastAddress = address;
                }
                if (probe == SeriesReader.PROBE_NTP)
                {
                    ntpOfAddress = v;
                }
                else if (probe == SeriesReader.PROBE_HTTP && ntpOfAddress != null)
                {
                    final Groups.MethodAgreement agreement = Groups.compareMethods(ntpOfAddress, v);
                    files.write(Table.METHOD_PAIRS, pairs, new GroupRows.MethodPair(address, ntpOfAddress, v,
                        agreement));
                    summary.addMethodPair(Ipv4.format(address), agreement);
                }
            }
            writeNameGroups(files, run, names, byName, kept, summary);
            writeReferences(files, run, references, byName, kept, summary);

            final Map<String, Number> settings = new LinkedHashMap<>();
            settings.put("minSamples", config.minSamples());
            settings.put("minSpanNs", config.minSpanNs());
            settings.put("burstWindowNs", config.burstWindowNs());
            settings.put("minDriftPpm", config.minDriftPpm());
            settings.put("maxOffsetIntervalPpm", config.maxOffsetIntervalPpm());
            final AnalysisManifest manifest = files.commit(new AnalysisManifest(AnalysisManifest.FORMAT, run,
                startedAt.toString(), Instant.now().toString(), settings, reader.rows(), reader.series(), Map.of()));
            return new Report(ctx.dataset, manifest, summary, config, reader.rows(), reader.series(),
                reader.withoutT1(), reader.passes(), System.nanoTime() - startNs);
        }
    }

    private static void writeNameGroups(
        final AnalysisFiles files, final String run, final ResolutionTable names, final Map<String, int[]> byName,
        final Map<Long, Verdict> kept, final AnalysisSummary summary)
    {
        final TableWriter<GroupRows.NameGroup> writer = files.start(Table.NAME_GROUPS,
            new NameGroupWriteSupport(run));
        for (final Map.Entry<String, int[]> e : byName.entrySet())
        {
            if (e.getValue().length < 2)
            {
                continue;
            }
            final List<String> chain = names.cnames(e.getKey());
            for (int probe = 0; probe < PROBES; probe++)
            {
                final List<Verdict> members = new ArrayList<>();
                final List<Integer> addresses = new ArrayList<>();
                for (final int a : e.getValue())
                {
                    final Verdict v = kept.get(key(probe, a));
                    if (v != null)
                    {
                        members.add(v);
                        addresses.add(a);
                    }
                }
                if (members.size() < 2)
                {
                    continue;
                }
                final int[] observed = addresses.stream().mapToInt(Integer::intValue).toArray();
                final Groups.NameAgreement agreement = Groups.compareName(members);
                final GroupRows.NameGroup group = new GroupRows.NameGroup(e.getKey(),
                    chain.isEmpty() ? null : String.join(">", chain), SeriesReader.PROBES[probe], observed, agreement);
                files.write(Table.NAME_GROUPS, writer, group);
                summary.addName(e.getKey(), SeriesReader.PROBES[probe], agreement,
                    GroupRows.dotted(observed, agreement.disagreeing()));
            }
        }
    }

    private static void writeReferences(
        final AnalysisFiles files, final String run, final ReferenceList references, final Map<String, int[]> byName,
        final Map<Long, Verdict> kept, final AnalysisSummary summary)
    {
        final TableWriter<GroupRows.Reference> writer = files.start(Table.REFERENCE_SERVERS,
            new ReferenceWriteSupport(run));
        if (references == null)
        {
            return;
        }
        for (final ReferenceList.Entry entry : references.entries())
        {
            for (final int address : addressesOf(entry, byName))
            {
                final Verdict v = kept.get(key(SeriesReader.PROBE_NTP, address));
                final String status = v == null ? NOT_OBSERVED :
                    Groups.checkReference(v, entry.stratum()).name();
                final String name = entry.address() == null ? entry.server() : null;
                files.write(Table.REFERENCE_SERVERS, writer,
                    new GroupRows.Reference(address, name, entry.stratum(), status, v));
                summary.addReference(name == null ? Ipv4.format(address) : name + " " + Ipv4.format(address),
                    entry.stratum(), status, v);
            }
        }
    }

    private static Set<Integer> watched(final Map<String, int[]> byName, final ReferenceList references)
    {
        final Set<Integer> watched = new HashSet<>();
        for (final int[] addresses : byName.values())
        {
            for (final int a : addresses)
            {
                watched.add(a);
            }
        }
        if (references != null)
        {
            for (final ReferenceList.Entry e : references.entries())
            {
                for (final int a : addressesOf(e, byName))
                {
                    watched.add(a);
                }
            }
        }
        return watched;
    }

    private static int[] addressesOf(final ReferenceList.Entry entry, final Map<String, int[]> byName)
    {
        if (entry.address() != null)
        {
            return new int[] {entry.address()};
        }
        final int[] addresses = byName.get(entry.server());
        if (addresses == null)
        {
            throw new IllegalArgumentException("reference server '" + entry.server() + "' is a name without an " +
                "IPv4 address in the --names table: resolve it with ./timestudy targets --resolve, or list its " +
                "address");
        }
        return addresses;
    }

    private static long key(final int probe, final int address)
    {
        return ((long)probe << 32) | (address & 0xFFFF_FFFFL);
    }

    /**
     * What an analysis read, concluded and wrote.
     *
     * @param dataset    the dataset.
     * @param manifest   the analysis manifest written (run id, table row counts).
     * @param summary    the summary to print.
     * @param config     the classifier settings used.
     * @param rows       observation rows read.
     * @param series     series classified.
     * @param withoutT1  replies skipped for want of T1.
     * @param passes     passes over the observations (more than 1 when they would not sort within the memory limit).
     * @param elapsedNs  wall time, ns.
     */
    public record Report(
        Path dataset, AnalysisManifest manifest, AnalysisSummary summary, ClassifierConfig config, long rows,
        long series, long withoutT1, int passes, long elapsedNs)
    {
    }

    /** Settings of an analysis, checked once by {@link #conclude()}. */
    public static final class Context
    {
        private Path dataset;
        private ClassifierConfig classifier = new ClassifierConfig();
        private Path namesFile;
        private Path referencesFile;
        private String memoryLimit = MEMORY_LIMIT_DEFAULT;
        private int listed = LISTED_DEFAULT;

        /**
         * @param dataset the dataset directory.
         * @return this.
         */
        public Context dataset(final Path dataset)
        {
            this.dataset = dataset;
            return this;
        }

        /**
         * @param classifier classifier settings (e.g. {@link ClassifierConfig#labTime()} for the lab).
         * @return this.
         */
        public Context classifier(final ClassifierConfig classifier)
        {
            this.classifier = classifier;
            return this;
        }

        /**
         * @param namesFile the table of {@code ./timestudy targets --resolve}, or null.
         * @return this.
         */
        public Context namesFile(final Path namesFile)
        {
            this.namesFile = namesFile;
            return this;
        }

        /**
         * @param referencesFile listed reference servers ({@link ReferenceList}), or null.
         * @return this.
         */
        public Context referencesFile(final Path referencesFile)
        {
            this.referencesFile = referencesFile;
            return this;
        }

        /**
         * @param memoryLimit DuckDB's memory limit for the sort, e.g. "1GB".
         * @return this.
         */
        public Context memoryLimit(final String memoryLimit)
        {
            this.memoryLimit = memoryLimit;
            return this;
        }

        /**
         * @param listed how many worst hosts and latest changes the summary lists.
         * @return this.
         */
        public Context listed(final int listed)
        {
            this.listed = listed;
            return this;
        }

        /**
         * @return this, checked.
         * @throws IllegalArgumentException when a setting is missing or out of range.
         */
        public Context conclude()
        {
            if (dataset == null)
            {
                throw new IllegalArgumentException("no dataset given");
            }
            if (listed < 0)
            {
                throw new IllegalArgumentException("the number of hosts and changes listed must be >= 0");
            }
            if (memoryLimit == null)
            {
                throw new IllegalArgumentException("no memory limit given");
            }
            SeriesReader.bytes(memoryLimit);
            classifier = classifier.concluded() ? classifier : classifier.conclude();
            return this;
        }
    }
}
