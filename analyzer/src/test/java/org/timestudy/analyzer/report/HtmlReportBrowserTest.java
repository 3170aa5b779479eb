package org.timestudy.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.query.DatasetQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page in a real browser: Debian's Chromium, headless, loads the page written for a study with known
 * clocks ({@link StudyFixture}) from the file system. The page must make no request but for itself (its
 * Content-Security-Policy forbids any, and a violation is a console error), log no console error, throw no exception,
 * render every chart it has (as many SVG charts with content as the writer counted, and as the study calls for),
 * and its table must filter and sort. A screenshot stays in {@code analyzer/target/report-browser-test.png}.
 * <p>
 * Without Chromium: skipped for a developer who is not root (install it with {@code sudo ./timestudy setup}); a
 * failure for root, as in CI, where the launcher's setup installs it.
 */
class HtmlReportBrowserTest
{
    private static final int WIDTH_PX = 1280;

    @TempDir
    static Path dir;
    static HtmlReport.Written page;
    static Study study;
    static HeadlessChromium browser;

    @BeforeAll
    static void openPage() throws IOException
    {
        final Path chromium = HeadlessChromium.requireForTest();
        final Path dataset = StudyFixture.analysedDataset(dir);
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            study = Study.load(q, new Study.Options().dataset(dataset).namesFile(dir.resolve("names.tsv")));
            page = HtmlReport.write(study, q, dir.resolve("page"));
        }
        browser = HeadlessChromium.launch(chromium, WIDTH_PX, 900);
        browser.open(page.file().toUri().toString());
        browser.waitFor("document.body.getAttribute('data-ready') === 'true'", 30_000);
    }

    @AfterAll
    static void close() throws IOException
    {
        if (browser != null)
        {
            try
            {
                final Path shot = Path.of("target", "report-browser-test.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, browser.screenshot(0, 12_000));
            }
            finally
            {
                browser.close();
            }
        }
    }

    @Test
    void shouldRenderEveryChartWithoutAnyErrorOrRequest()
    {
        // 3 overview charts, one panel per name with hosts (pool.test, clock.test, ok.test), and one per worst host
        // of each off class (OFFSET .11 and .10, DRIFT .3, STUCK .4).
        final int expected = 3 + 3 + 4;
        assertThat(page.charts()).isEqualTo(expected);
        assertThat(browser.evaluate("document.body.getAttribute('data-charts-expected')").asText())
            .isEqualTo(Integer.toString(expected));
        assertThat(browser.evaluate("document.body.getAttribute('data-charts-rendered')").asText())
            .as("charts rendered; console: %s", browser.console()).isEqualTo(Integer.toString(expected));
        assertThat(browser.evaluate("document.querySelectorAll('figure.chart svg text').length").asInt())
            .isGreaterThan(expected * 10);
        assertThat(browser.errors()).as("console errors, exceptions, log errors").isEmpty();
        assertThat(browser.requests()).as("requests").allSatisfy(url -> assertThat(url).startsWith("file:"));
        assertThat(browser.requests()).contains(page.file().toUri().toString());
    }

    @Test
    void shouldFilterTheHostsTableByClassOffsetRttAndName()
    {
        assertThat(rows()).isEqualTo(study.table().size()).isEqualTo(12);
        filter("cls", "OFFSET");
        assertThat(column(3)).hasSize(5).allSatisfy(c -> assertThat(c).startsWith("OFFSET"));
        filter("offsetMin", "3600");
        assertThat(column(0)).containsExactlyInAnyOrder("192.0.2.2", "192.0.2.10", "192.0.2.11");
        filter("offsetMax", "10000");
        assertThat(column(0)).containsExactlyInAnyOrder("192.0.2.2");
        reset();
        filter("name", "pool.test");
        assertThat(column(0)).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2", "192.0.2.9");
        reset();
        filter("rttMin", "19");
        filter("rttMax", "21");
        // Every host that answered has a 20 ms round trip; the unreachable one has none.
        assertThat(rows()).isEqualTo(11);
        filter("rttMax", "19.5");
        assertThat(rows()).isZero();
        assertThat(browser.evaluate("document.getElementById('host-status').textContent").asText())
            .startsWith("0 of 12 hosts match");
        reset();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void shouldSortTheHostsTableByAnyColumn()
    {
        reset();
        click("offset");
        assertThat(column(0).get(0)).isEqualTo("192.0.2.4");
        assertThat(column(5).get(1)).isEqualTo("+3d 04:00:00");
        click("offset");
        assertThat(column(5).get(0)).matches("[-+]0\\.000\\d+ s");
        assertThat(column(5).get(rows() - 1)).as("no offset sorts last").isEqualTo("-");
        click("address");
        assertThat(column(0).subList(0, 3)).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
        assertThat(column(0).get(rows() - 1)).isEqualTo("192.0.2.12");
        assertThat(browser.errors()).isEmpty();
    }

    private static void filter(final String field, final String value)
    {
        browser.evaluate("(() => { const e = document.getElementById('host-filter').elements['" + field + "']; " +
            "e.value = '" + value + "'; e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
    }

    private static void reset()
    {
        browser.evaluate("(() => { document.getElementById('host-filter').reset(); " +
            "document.getElementById('host-filter').dispatchEvent(new Event('input')); return true; })()");
    }

    private static void click(final String key)
    {
        browser.evaluate("document.querySelector('#hosts th[data-key=\"" + key + "\"]').click()");
    }

    private static int rows()
    {
        return browser.evaluate("document.querySelectorAll('#hosts tbody tr').length").asInt();
    }

    private static List<String> column(final int index)
    {
        final JsonNode v = browser.evaluate("Array.from(document.querySelectorAll('#hosts tbody tr'))" +
            ".map(r => r.cells[" + index + "].textContent)");
        final List<String> out = new java.util.ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return out;
    }
}
