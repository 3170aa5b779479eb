package org.timestudy.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.report.HeadlessChromium;
import org.timestudy.testbed.junit.LabExtension;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabLayout;
import org.timestudy.testbed.lab.LabSurvey;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo end to end, as {@code ./timestudy demo} runs it but shorter (12 rounds, 3 s apart: the lab preset needs a
 * series to span a minute): its own lab up and down, the report, the page, and the last line with the agreement
 * with the lab's ground truth. Then the page the lab produced, in a real browser (Debian's Chromium): no error, no
 * request, every chart rendered. Needs root (skipped otherwise, like every lab test).
 */
@Tag("lab")
class DemoTest
{
    private static final double MIN_AGREEMENT_PERCENT = 95;

    @TempDir
    Path dir;

    @Test
    void shouldRunTheStudyInTheLabAndAgreeWithTheGroundTruth() throws Exception
    {
        Assumptions.assumeTrue(Lab.isRoot(), LabExtension.SKIP_REASON);
        final String id = Lab.randomId();
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final Demo.Result result;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8))
        {
            result = Demo.run(new Demo.Settings(id, dir.resolve("demo"), new LabSurvey.Settings(12, 3, 20_000, 7)
                .withHttp(LabSurvey.Http.demo()),
                Demo.SIM_SEED_DEFAULT), out);
        }
        final String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);

        assertThat(Lab.exists(new LabLayout(id))).as("the demo takes its lab down").isFalse();
        final List<String> lines = text.lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("classified [\\d,]+ hosts in .*: [\\d,]+ SYNCED, .*; " +
            "agreement with ground truth: \\d+\\.\\d%");
        assertThat(text).contains("[1/4] bringing the lab up", "[2/4] measuring", "[3/4] report",
            "[4/4] taking the lab down", "names whose clocks are off, worst first",
            "listed reference servers that are wrong (5 of 5 listed)")
            .containsPattern("  scan \\d:\\d\\d: \\d+% done");
        // The stuck clocks fall a day further behind every day: the report ran at most a day ago.
        final long daysStuck = Duration.between(LabLayout.STUCK_AT, Instant.now()).toDays();
        assertThat(text).containsPattern("stuck\\.lab\\.test: 2 of 2 hosts off, worst -(" + (daysStuck - 1) + "|" +
            daysStuck + ")d \\d\\d:\\d\\d:\\d\\d");
        assertThat(text).containsPattern("compacting .*journal-http\\n  [\\d,]+ NTP replies, [\\d,]+ HTTP records")
            .doesNotContain("  0 NTP replies, 0 HTTP records");
        assertThat(result.httpSeries()).as("HTTP series beside the NTP ones").isGreaterThan(3_000);
        assertThat(result.hosts()).isGreaterThan(60_000);
        assertThat(result.scored()).isGreaterThan(55_000);
        assertThat(result.agreementPercent()).as(text).isGreaterThanOrEqualTo(MIN_AGREEMENT_PERCENT);
        assertThat(Files.readString(dir.resolve("demo").resolve(Demo.MARKER))).contains("./timestudy demo");

        try (HeadlessChromium browser = HeadlessChromium.launch(HeadlessChromium.requireForTest(), 1280, 900))
        {
            browser.open(result.page().toUri().toString());
            browser.waitFor("document.body.getAttribute('data-ready') === 'true'", 60_000);
            assertThat(browser.evaluate("document.body.getAttribute('data-charts-rendered')").asInt())
                .isEqualTo(result.charts()).isGreaterThanOrEqualTo(3 + 6);
            assertThat(browser.evaluate("document.querySelectorAll('#hosts tbody tr').length").asInt())
                .isPositive();
            assertThat(browser.errors()).isEmpty();
            assertThat(browser.requests()).allSatisfy(url -> assertThat(url).startsWith("file:"));
            final Path shot = Path.of("target", "demo-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot(0, 3000));
        }
    }
}
