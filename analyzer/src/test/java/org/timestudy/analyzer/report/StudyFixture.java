package org.timestudy.analyzer.report;

import org.timestudy.analyzer.ingest.Analysis;
import org.timestudy.analyzer.ingest.ClockJournal;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.analyzer.ingest.HttpObservations;
import org.timestudy.targets.address.Ipv4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A small study with known clocks, made the real way: a journal of 48 hourly rounds written through the real
 * appender ({@link ClockJournal}), compacted into Parquet, analysed with a names table and a list of reference
 * servers. Hosts (192.0.2.x): .1 synced, .2 two hours ahead (TZ), .3 drifting (+2 s, 50 ppm), .4 stuck since 2016,
 * .5 Kiss-o'-Death RATE, .6 synced but unsynchronised, .7 synced then +30 s after 24.5 h, .8 unreachable, .9 synced,
 * .10 21:57:13 behind, .11 3 days 4 hours ahead, .12 5 minutes ahead. Names: pool.test (.1 .2 .9), clock.test (.4),
 * ok.test (.1), silent.test (.200, never answers). Listed reference servers: .1 (stratum 1), .2 (2), .4 (1).
 */
public final class StudyFixture
{
    /** 192.0.2.1. */
    public static final int A1 = Ipv4.parse("192.0.2.1");
    /** What the stuck clock shows, ns since 1970 (2016-05-14). */
    public static final long STUCK_AT_NS = 1_463_189_906_000_000_000L;

    private StudyFixture()
    {
    }

    /**
     * @param a last octet.
     * @return 192.0.2.a.
     */
    public static int address(final int a)
    {
        return A1 + a - 1;
    }

    /**
     * Writes, compacts and analyses the study.
     *
     * @param dir an empty directory.
     * @return the analysed dataset (the names table is {@code dir/names.tsv}).
     */
    public static Path analysedDataset(final Path dir)
    {
        return analysedDataset(dir, false);
    }

    /**
     * Writes, compacts and analyses the study, with or without HTTP observations.
     *
     * @param dir  an empty directory.
     * @param http true to add the HTTP observations of .1 (synced) and .11 (3 days 4 hours ahead): 48 hourly naive
     *             Dates each, as the HTTP compaction writes them (HttpColumn's names and types).
     * @return the analysed dataset (the names table is {@code dir/names.tsv}).
     */
    public static Path analysedDataset(final Path dir, final boolean http)
    {
        final long hour = ClockJournal.HOUR_NS;
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        new ClockJournal()
            .add(ClockJournal.Host.offset(address(1), 0.0002))
            .add(ClockJournal.Host.offset(address(2), 7200))
            .add(new ClockJournal.Host(address(3), 2, 50, Long.MAX_VALUE, 0, 0, ClockJournal.Kind.NORMAL))
            .add(new ClockJournal.Host(address(4), 0, 0, Long.MAX_VALUE, 0, STUCK_AT_NS, ClockJournal.Kind.NORMAL))
            .add(ClockJournal.Host.offset(address(5), 0).answering(ClockJournal.Kind.KOD_RATE))
            .add(ClockJournal.Host.offset(address(6), -0.0003).answering(ClockJournal.Kind.UNSYNC))
            .add(new ClockJournal.Host(address(7), 0.0001, 0, ClockJournal.START_NS + 24 * hour + hour / 2, 30, 0,
                ClockJournal.Kind.NORMAL))
            .add(ClockJournal.Host.offset(address(8), 0).answering(ClockJournal.Kind.UNREACHABLE))
            .add(ClockJournal.Host.offset(address(9), 0.0004))
            .add(ClockJournal.Host.offset(address(10), -(21 * 3600 + 57 * 60 + 13)))
            .add(ClockJournal.Host.offset(address(11), 3 * 86_400 + 4 * 3600))
            .add(ClockJournal.Host.offset(address(12), 300))
            .write(journal, 48, hour, 5);
        new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)).run();
        try
        {
            if (http)
            {
                writeHttp(dataset, new int[] {1, 11}, new double[] {0, 3 * 86_400 + 4 * 3600});
            }
            final String header = "# name\tstatus\tfamily\taddress\towner\tcnames\tttl_s\tallowed\tdetail\n";
            final Path names = Files.writeString(dir.resolve("names.tsv"), header +
                row("pool.test", 1) + row("pool.test", 2) + row("pool.test", 9) + row("clock.test", 4) +
                row("ok.test", 1) + row("silent.test", 200));
            final Path references = Files.writeString(dir.resolve("references.txt"),
                "# listed\n192.0.2.1 1\n192.0.2.2 2\n192.0.2.4 1\n");
            new Analysis(new Analysis.Context().dataset(dataset).namesFile(names).referencesFile(references)).run();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException(ex);
        }
        return dataset;
    }

    private static void writeHttp(final Path dataset, final int[] octets, final double[] offsetsS)
        throws IOException, SQLException
    {
        try (HttpObservations h = HttpObservations.create())
        {
            for (int r = 0; r < 48; r++)
            {
                final long t1 = ClockJournal.START_NS + r * ClockJournal.HOUR_NS + (r * 618_033_989L) % 1_000_000_000L;
                final long t4 = t1 + 40_000_000L;
                for (int i = 0; i < octets.length; i++)
                {
                    // The Date of a server that answers midway, and the middle of its bracket [D - t4, D + 1 - t1].
                    final long dateS = Math.floorDiv(t1 + 20_000_000L + Math.round(offsetsS[i] * 1e9),
                        1_000_000_000L);
                    h.add("192.0.2." + octets[i], Integer.toUnsignedLong(address(octets[i])), t1, t4,
                        dateS + 0.5 - (t1 + t4) / 2e9, 0.52, 0.04, "naive", "response", dateS, false);
                }
            }
            h.write(dataset);
        }
    }

    private static String row(final String name, final int octet)
    {
        return name + "\tOK\t4\t192.0.2." + octet + "\t" + name + "\t-\t300\tyes\t-\n";
    }
}
