package org.timestudy.analyzer.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.query.DatasetQuery;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text report of a study with known clocks ({@link StudyFixture}), read back from real Parquet files through
 * DuckDB.
 */
class TextReportTest
{
    @TempDir
    static Path dir;
    static Path dataset;

    @BeforeAll
    static void analyse()
    {
        dataset = StudyFixture.analysedDataset(dir);
    }

    @Test
    void shouldGiveTheStudysDatesHostsAndSharesOffByEachBand()
    {
        final String text = report(new Study.Options().namesFile(dir.resolve("names.tsv")));

        assertThat(text).contains("from 2026-11-27 12:00:00 to 2026-11-29 11:00:",
            "1 scan: ntp, ? addresses x 48 rounds",
            "12 hosts answered (ntp 12), 4 names (6 addresses behind them)");
        // 10 hosts with an offset: .2 .3 .4 .7 .10 .11 .12 are off by > 1 s; .2 .4 .10 .11 .12 by > 1 min; all but
        // .12 of those by > 1 h.
        assertThat(text).containsPattern("ntp +70\\.0% +70\\.0% +50\\.0% +40\\.0% +10\n");
        assertThat(text).containsPattern("  SYNCED +3 +25\\.0\n").containsPattern("  OFFSET +5 +41\\.7\n")
            .containsPattern("  STUCK +1 +8\\.3\n").containsPattern("  INSUFFICIENT +2 +16\\.7\n");
    }

    @Test
    void shouldListTheOffHostsWorstFirstWithTheAddressesUnderEachName()
    {
        final String text = report(new Study.Options().namesFile(dir.resolve("names.tsv")));

        assertThat(text).contains("names whose clocks are off, worst first (2 of 4 names; 1 all synced, " +
            "1 without an answer)");
        final int clock = text.indexOf("  clock.test: 1 of 1 hosts off, worst -3851d");
        final int pool = text.indexOf("  pool.test: 1 of 3 hosts off, worst +02:00:00");
        assertThat(clock).isPositive();
        assertThat(pool).isGreaterThan(clock);
        assertThat(text.substring(pool).lines().skip(1).limit(3).toList()).satisfiesExactly(
            l -> assertThat(l).startsWith("    192.0.2.2 ").contains("OFFSET [TZ]", "+02:00:00"),
            l -> assertThat(l).startsWith("    192.0.2.9 ").contains("SYNCED", "+0.000"),
            l -> assertThat(l).startsWith("    192.0.2.1 ").contains("SYNCED", "+0.000"));
        assertThat(text).doesNotContain("ok.test:").contains("silent.test");

        final List<String> worst = text.substring(text.indexOf("hosts whose clocks are off")).lines().skip(2)
            .limit(5).toList();
        assertThat(worst).satisfiesExactly(
            l -> assertThat(l).startsWith("  192.0.2.11 ").contains("OFFSET", "+3d 04:00:00"),
            l -> assertThat(l).startsWith("  192.0.2.10 ").contains("OFFSET", "-21:57:13"),
            l -> assertThat(l).startsWith("  192.0.2.12 ").contains("OFFSET [MINUTE]", "+00:05:00"),
            l -> assertThat(l).startsWith("  192.0.2.7 ").contains("OFFSET", "+30.000"),
            l -> assertThat(l).startsWith("  192.0.2.3 ").contains("DRIFT", "+10.46", "+50.000 ppm"));
        assertThat(text).contains("hosts whose clocks are off, worst first (5 of 5 not behind a name above)");
    }

    @Test
    void shouldGiveTheChangesAndTheWrongReferenceServers()
    {
        final String text = report(new Study.Options().namesFile(dir.resolve("names.tsv")));

        assertThat(text).contains("recent behaviour changes (1 of 1)")
            .containsPattern("2026-11-28 1\\d:\\d\\d:\\d\\d  192\\.0\\.2\\.7 +ntp +SYNCED +-> OFFSET +step " +
                "+\\+30\\.0\\d+ s, R-1 [-+]\\d\\.\\d+ ppm \\(STEP\\)");
        assertThat(text).contains("listed reference servers that are wrong (2 of 3 listed)");
        assertThat(text).containsPattern("192\\.0\\.2\\.4 +stratum 1: WRONG +STUCK +-3851d")
            .containsPattern("192\\.0\\.2\\.2 +stratum 2: WRONG +OFFSET +\\+02:00:00");
    }

    @Test
    void shouldTakeTheNamesAnalyzeComparedWhenNoNamesTableIsGiven()
    {
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            final Study study = Study.load(q, new Study.Options().dataset(dataset));
            assertThat(study.namesExamined()).isEqualTo(1);
            assertThat(study.names()).singleElement().satisfies(n ->
            {
                assertThat(n.name()).isEqualTo("pool.test");
                assertThat(n.hosts()).extracting(Study.Host::addressText)
                    .containsExactly("192.0.2.2", "192.0.2.9", "192.0.2.1");
            });
            assertThat(study.offUnnamed()).isEqualTo(6);
            assertThat(study.exemplars()).extracting(h -> h.clockClass() + " " + h.addressText()).containsExactly(
                "OFFSET 192.0.2.11", "OFFSET 192.0.2.10", "DRIFT 192.0.2.3", "STUCK 192.0.2.4");
            assertThat(study.table()).hasSize(12);
            assertThat(study.table().get(0).clockClass()).isEqualTo(ClockClass.STUCK);
            assertThat(study.table()).filteredOn(Study.Host::off).hasSize(7);
        }
    }

    private static String report(final Study.Options options)
    {
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            final StringWriter s = new StringWriter();
            TextReport.print(Study.load(q, options.dataset(dataset)), new PrintWriter(s));
            System.out.println(s);
            return s.toString();
        }
    }
}
