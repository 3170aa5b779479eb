package org.timestudy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.report.StudyFixture;
import org.timestudy.engine.cli.ExitCodes;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} through the top command: the text, the page, and exit code 2 with one line for a missing dataset
 * or one that was never analysed.
 */
class ReportCommandTest
{
    @TempDir
    Path dir;

    private final TopCommand cli = new TopCommand();

    @Test
    void shouldPrintTheReportAndWriteThePage() throws Exception
    {
        final Path dataset = StudyFixture.analysedDataset(dir);
        final Path page = dir.resolve("page");
        assertThat(cli.run("report", dataset.toString(), "--names", dir.resolve("names.tsv").toString(), "--list", "3",
            "--html", page.toString())).isZero();
        assertThat(cli.out()).contains("names whose clocks are off, worst first (2 of 4 names",
            "hosts whose clocks are off, worst first (3 of 5 not behind a name above)", "+3d 04:00:00",
            "-21:57:13", "listed reference servers that are wrong (2 of 3 listed)")
            .containsPattern("page: .*index.html \\(10 charts, \\d+ bytes\\)");
        final String html = Files.readString(page.resolve("index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("data-charts-expected=\"10\"")
            .doesNotContain("src=\"http", "href=\"http", "@import", "url(http");
        assertThat(html.split("<figure class=\"chart\"><svg", -1)).hasSize(11);
    }

    @Test
    void shouldExitWithUsageForAMissingOrUnanalysedDataset() throws Exception
    {
        assertThat(cli.run("report", dir.resolve("nothing").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("timestudy: no dataset at").doesNotContain("\tat ");
        final Path dataset = StudyFixture.analysedDataset(dir);
        Files.delete(dataset.resolve("analysis").resolve("_analysis.json"));
        assertThat(cli.run("report", dataset.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("has no analysis yet: run ./timestudy analyze first")
            .doesNotContain("\tat ");
        assertThat(cli.run("report", "--list", "-1", dataset.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("hosts listed must be >= 0");
    }
}
