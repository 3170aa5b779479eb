package org.timestudy.analyzer.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.query.DatasetQuery;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a study whose dataset also has HTTP observations (two servers: one synced, one 3 days 4 hours
 * ahead): HTTP series counted beside NTP, NTP against HTTP per address, and both clocks of an address in one panel.
 */
class HttpReportTest
{
    @TempDir
    static Path dir;
    static Study study;
    static String text;
    static String html;

    @BeforeAll
    static void report() throws Exception
    {
        final Path dataset = StudyFixture.analysedDataset(dir, true);
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            study = Study.load(q, new Study.Options().dataset(dataset).namesFile(dir.resolve("names.tsv")));
            final StringWriter s = new StringWriter();
            TextReport.print(study, new PrintWriter(s));
            text = s.toString();
            html = Files.readString(HtmlReport.write(study, q, dir.resolve("page")).file());
        }
        System.out.println(text);
    }

    @Test
    void shouldCountHttpHostsBesideNtp()
    {
        assertThat(text).contains("14 hosts answered (ntp 12, http 2)").containsPattern("classes +ntp +% +http +%")
            .containsPattern("  SYNCED +3 +25\\.0 +1 +50\\.0\n")
            .containsPattern("\n  http +50\\.0% +50\\.0% +50\\.0% +50\\.0% +2\n");
    }

    @Test
    void shouldCompareTheNtpAndHttpClocksOfOneAddress()
    {
        assertThat(text).contains("NTP against HTTP (2 addresses with both, 2 compared, 2 agree)");
        assertThat(study.methodPairs()).extracting(p -> p.ntpClass() + " " + p.httpClass() + " " + p.agree())
            .containsExactlyInAnyOrder("SYNCED SYNCED true", "OFFSET OFFSET true");
        final Study.Host ntp = study.exemplars().stream().filter(h -> h.address() == StudyFixture.address(11) &&
            h.probe().equals("ntp")).findFirst().orElseThrow();
        assertThat(study.sameAddress(ntp)).extracting(Study.Host::probe).containsExactly("http", "ntp");
        assertThat(html).contains("192.0.2.11 http OFFSET", "192.0.2.11 ntp OFFSET", "NTP against HTTP");
    }
}
