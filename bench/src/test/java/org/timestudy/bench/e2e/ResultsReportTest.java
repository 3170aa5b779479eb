package org.timestudy.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsReportTest
{
    @Test
    void shouldShowTheEnginesJvmLineAsTheScanCommandAndQuoteArgumentsWithSpaces()
    {
        assertThat(ResultsReport.display(List.of("/usr/bin/java", "-Dx=y", "-cp", "a.jar:b.jar",
            "org.timestudy.engine.cli.ScanCommand", "--no-default-blocklist", "198.18.0.0/16", "-r", "max")))
            .isEqualTo("./timestudy scan --no-default-blocklist 198.18.0.0/16 -r max");
        assertThat(ResultsReport.display(List.of("zmap", "--output-filter", "success = 1 || success = 0")))
            .isEqualTo("zmap --output-filter 'success = 1 || success = 0'");
    }

    @Test
    void shouldTakeTheMedianOfOddAndEvenCounts()
    {
        assertThat(ResultsReport.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(ResultsReport.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
        assertThat(ResultsReport.median(new double[0])).isNaN();
    }

    @Test
    void shouldCompareWithTheZmapModuleThatRanWhenTheOtherDidNot()
    {
        assertThat(ResultsReport.better(2, Double.NaN)).isEqualTo(2);
        assertThat(ResultsReport.better(Double.NaN, 3)).isEqualTo(3);
        assertThat(ResultsReport.better(2, 3)).isEqualTo(3);
        assertThat(ResultsReport.better(Double.NaN, Double.NaN)).isNaN();
    }
}
