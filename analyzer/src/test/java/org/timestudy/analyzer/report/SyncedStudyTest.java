package org.timestudy.analyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.ingest.Analysis;
import org.timestudy.analyzer.ingest.ClockJournal;
import org.timestudy.analyzer.ingest.Compactor;
import org.timestudy.analyzer.query.DatasetQuery;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study where every clock is right, and nothing else was given (no names, no reference servers): the report says
 * so, and the page has the two overview charts that have data and no panel.
 */
class SyncedStudyTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportNoOffHostAndDrawOnlyTheOverview() throws Exception
    {
        final Path dataset = dir.resolve("dataset");
        new ClockJournal().add(ClockJournal.Host.offset(StudyFixture.address(1), 0.0002))
            .add(ClockJournal.Host.offset(StudyFixture.address(2), -0.0003))
            .write(dir.resolve("journal"), 30, ClockJournal.HOUR_NS, 3);
        new Compactor(new Compactor.Context().journalDir(dir.resolve("journal")).datasetDir(dataset)).run();
        new Analysis(new Analysis.Context().dataset(dataset)).run();
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            final Study study = Study.load(q, new Study.Options().dataset(dataset));
            final StringWriter s = new StringWriter();
            TextReport.print(study, new PrintWriter(s));
            assertThat(s.toString()).containsPattern("ntp +0\\.0% +0\\.0% +0\\.0% +0\\.0% +2\n")
                .contains("hosts whose clocks are off, worst first (0 of 0)", "recent behaviour changes (0 of 0)")
                .doesNotContain("names whose clocks are off", "reference servers");
            final HtmlReport.Written page = HtmlReport.write(study, q, dir.resolve("page"));
            assertThat(page.charts()).isEqualTo(2);
            assertThat(Files.readString(page.file())).contains("No names examined", "None listed");
        }
    }
}
