package org.timestudy.analyzer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.JFreeChart;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.targets.address.Ipv4;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study as one self-contained HTML page ({@code DIR/index.html}): styles, scripts, charts (inline SVG drawn by
 * JFreeChart through JFreeSVG) and the hosts' data are all inside the file, and its Content-Security-Policy forbids
 * loading anything, so it works offline and from any file system. Sections: the study and its figures; the overview
 * charts (class breakdown, |offset| distribution with the bands, the worst host of each class over time); a panel per
 * name and per worst host of each class; the hosts table, sortable and filtered by class, |offset|, RTT and name in
 * the browser; the latest changes, the listed reference servers, NTP against HTTP.
 * <p>
 * The page counts the charts that rendered into {@code body[data-charts-rendered]} beside the number written,
 * {@code body[data-charts-expected]}: the browser test compares them.
 */
public final class HtmlReport
{
    /** File name of the page inside its directory. */
    public static final String FILE_NAME = "index.html";
    /** Most addresses drawn in one name's panel. */
    public static final int PANEL_HOSTS = 10;
    /** Most changes in the page's table. */
    public static final int PAGE_CHANGES = 1000;

    private static final int OVERVIEW_HEIGHT = 340;
    private static final int PANEL_HEIGHT = 320;
    private static final int SUBTITLE_HEIGHT = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Study study;
    private final StringBuilder html = new StringBuilder(1 << 20);
    private int charts;

    private HtmlReport(final Study study)
    {
        this.study = study;
    }

    /**
     * What was written.
     *
     * @param file   the page.
     * @param charts charts on it.
     * @param bytes  its size.
     */
    public record Written(Path file, int charts, long bytes)
    {
    }

    /**
     * Writes the page, replacing any previous one atomically.
     *
     * @param study the study.
     * @param q     DuckDB over the same dataset (for the panels' observations).
     * @param dir   the directory; created when missing.
     * @return what was written.
     */
    public static Written write(final Study study, final DatasetQuery q, final Path dir)
    {
        final HtmlReport page = new HtmlReport(study);
        try
        {
            page.build(q);
            Files.createDirectories(dir);
            final Path tmp = dir.resolve("." + FILE_NAME + ".tmp");
            Files.writeString(tmp, page.html, StandardCharsets.UTF_8);
            final Path file = Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
            return new Written(file, page.charts, Files.size(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("reading the observations for the page failed: " + ex.getMessage(), ex);
        }
    }

    private void build(final DatasetQuery q) throws SQLException
    {
        final List<Study.Name> named = new ArrayList<>();
        final List<Study.Host> panelHosts = new ArrayList<>();
        study.exemplars().forEach(h -> panelHosts.addAll(study.sameAddress(h)));
        for (final Study.Name n : study.names())
        {
            if (!n.hosts().isEmpty())
            {
                named.add(n);
                panelHosts.addAll(n.hosts().subList(0, Math.min(PANEL_HOSTS, n.hosts().size())));
            }
        }
        final Map<String, HostSeries> series = HostSeries.load(q, panelHosts);

        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
            .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>timestudy report: ").append(esc(String.valueOf(study.dataset()))).append("</title>\n")
            .append("<style>\n").append(resource("report.css")).append(classStyles()).append("</style>\n")
            .append("</head>\n");
        final int bodyAt = html.length();
        html.append("<h1>Which clocks are wrong</h1>\n");
        header();
        html.append("<nav><a href=\"#overview\">overview</a><a href=\"#names\">names</a>")
            .append("<a href=\"#classes\">hosts by class</a><a href=\"#table\">all hosts</a>")
            .append("<a href=\"#changes\">changes</a><a href=\"#references\">reference servers</a></nav>\n");
        overview(series);
        names(named, series);
        exemplars(series);
        hostTable();
        changes();
        references();
        methodPairs();
        html.append("<script type=\"application/json\" id=\"host-data\">").append(hostData()).append("</script>\n")
            .append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        html.insert(bodyAt, "<body data-charts-expected=\"" + charts + "\">\n");
    }

    private void header()
    {
        html.append("<p class=\"meta\">dataset <code>").append(esc(String.valueOf(study.dataset())))
            .append("</code>, analysis ").append(esc(study.run()));
        if (study.labSettings())
        {
            html.append(", lab settings (the lab's behaviours run in accelerated time)");
        }
        html.append("</p>\n");
        if (study.firstNs() != Long.MIN_VALUE)
        {
            html.append("<p class=\"meta\">observed ").append(ClockFormat.interval(study.firstNs(), study.lastNs()))
                .append(" (").append(ClockFormat.span((study.lastNs() - study.firstNs()) / 1e9)).append(")</p>\n");
        }
        long targets = 0;
        for (final Study.Scan s : study.scans())
        {
            targets = Math.max(targets, s.targets());
        }
        html.append("<p class=\"meta\">").append(study.scans().size()).append(" scan(s); ")
            .append(targets > 0 ? TextReport.count(targets) + " addresses probed; " : "")
            .append(TextReport.count(study.hosts())).append(" hosts answered; ")
            .append(TextReport.count(study.namesExamined())).append(" names examined</p>\n");
    }

    private void overview(final Map<String, HostSeries> series)
    {
        html.append("<h2 id=\"overview\">Overview</h2>\n<div class=\"wrap\"><table><thead><tr><th>probe</th>");
        for (final String label : Study.OFF_BY_LABELS)
        {
            html.append("<th>off by ").append(esc(label)).append("</th>");
        }
        html.append("<th>hosts with an offset</th><th>hosts off (any way)</th></tr></thead><tbody>\n");
        for (final Study.ProbeFigures p : study.probes())
        {
            html.append("<tr><td>").append(esc(p.probe())).append("</td>");
            for (int i = 0; i < Study.OFF_BY_S.length; i++)
            {
                html.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.1f%%", p.offByPercent(i)))
                    .append(" <span class=\"note\">(").append(TextReport.count(p.offBy()[i])).append(")</span></td>");
            }
            html.append("<td class=\"num\">").append(TextReport.count(p.withOffset())).append("</td><td class=\"num\">")
                .append(TextReport.count(p.off())).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n<p class=\"note\">Shares of the hosts with an offset, ERRATIC left out ")
            .append("(its offset is no clock's); a host counts as off by more than x when its offset exceeds x by ")
            .append("more than twice its uncertainty. A host is one address measured with one probe type.</p>\n");
        chart(ReportCharts.classes(study), OVERVIEW_HEIGHT, "classes");
        chart(ReportCharts.offsetDistribution(study), OVERVIEW_HEIGHT, "distribution");
        final List<HostSeries> worst = new ArrayList<>();
        ClockClass last = null;
        for (final Study.Host h : study.exemplars())
        {
            final HostSeries s = series.get(HostSeries.key(h.probe(), h.address()));
            if (h.clockClass() != last && s != null && s.timesNs().length > 0 && !Double.isNaN(h.offsetS()))
            {
                worst.add(s);
                last = h.clockClass();
            }
        }
        if (!worst.isEmpty())
        {
            chart(ReportCharts.worstOverTime(worst), OVERVIEW_HEIGHT + 40, "worst");
        }
    }

    private void names(final List<Study.Name> named, final Map<String, HostSeries> series)
    {
        html.append("<h2 id=\"names\">Names</h2>\n");
        if (study.namesExamined() == 0)
        {
            html.append("<p class=\"note\">No names examined (give report the --names table of ./timestudy ")
                .append("targets --resolve).</p>\n");
            return;
        }
        html.append("<p class=\"note\">").append(TextReport.count(study.namesExamined()))
            .append(" names; the ones whose clocks are off first, worst first. Dots: observations, one colour per ")
            .append("address (squares: HTTP). Lines: the fitted behaviour. Dashed: changes and last resets.</p>\n");
        final List<String> silent = new ArrayList<>();
        int index = 0;
        for (final Study.Name n : study.names())
        {
            if (n.hosts().isEmpty())
            {
                silent.add(n.name());
            }
        }
        for (final Study.Name n : named)
        {
            final List<Study.Host> hosts = n.hosts().subList(0, Math.min(PANEL_HOSTS, n.hosts().size()));
            html.append("<section class=\"panel\"><h3>").append(esc(n.name()));
            if (n.cnames() != null)
            {
                html.append(" <span class=\"note\">(CNAME ").append(esc(n.cnames())).append(")</span>");
            }
            html.append("</h3>\n");
            hostRows(n.hosts());
            if (n.silentAddresses() > 0)
            {
                final StringBuilder list = new StringBuilder();
                for (final int a : n.addresses())
                {
                    if (n.hosts().stream().noneMatch(h -> h.address() == a))
                    {
                        list.append(list.length() == 0 ? "" : ", ").append(Ipv4.format(a));
                    }
                }
                html.append("<p class=\"note\">no answer from ").append(list).append("</p>\n");
            }
            panelChart(n.name(), hosts, series, "name-" + index++);
            html.append("</section>\n");
        }
        if (!silent.isEmpty())
        {
            html.append("<p class=\"note\">Names without any answer: ").append(esc(String.join(", ", silent)))
                .append("</p>\n");
        }
    }

    private void exemplars(final Map<String, HostSeries> series)
    {
        html.append("<h2 id=\"classes\">Hosts by class</h2>\n<p class=\"note\">The worst hosts (largest |offset|) ")
            .append("of each class whose clock is off.</p>\n");
        ClockClass current = null;
        int index = 0;
        for (final Study.Host h : study.exemplars())
        {
            if (h.clockClass() != current)
            {
                current = h.clockClass();
                html.append("<h3 class=\"cls-head\">").append(esc(current.label())).append("</h3>\n");
            }
            html.append("<section class=\"panel\">\n");
            hostRows(study.sameAddress(h));
            panelChart(h.addressText() + " (" + h.probe() + "): " + h.classText(), study.sameAddress(h), series,
                "host-" + index++);
            html.append("</section>\n");
        }
    }

    private void panelChart(
        final String title, final List<Study.Host> hosts, final Map<String, HostSeries> series, final String id)
    {
        final List<HostSeries> drawn = new ArrayList<>();
        for (final Study.Host h : hosts)
        {
            final HostSeries s = series.get(HostSeries.key(h.probe(), h.address()));
            if (s != null && s.timesNs().length > 0)
            {
                drawn.add(s);
            }
        }
        if (drawn.isEmpty())
        {
            html.append("<p class=\"note\">no observation with an offset to draw</p>\n");
            return;
        }
        chart(ReportCharts.panel(title, drawn), PANEL_HEIGHT + SUBTITLE_HEIGHT * drawn.size(), id);
    }

    private void hostRows(final List<Study.Host> hosts)
    {
        html.append("<div class=\"wrap\"><table class=\"sortable\"><thead><tr><th>address</th><th>probe</th>")
            .append("<th>class</th><th>offset</th><th>+-</th><th>R-1</th><th>last reset</th><th>points</th>")
            .append("<th>rtt</th><th>tags</th></tr></thead><tbody>\n");
        for (final Study.Host h : hosts)
        {
            html.append("<tr><td data-sort=\"").append(Integer.toUnsignedLong(h.address())).append("\">")
                .append(h.addressText()).append("</td><td>").append(esc(h.probe())).append("</td>")
                .append(classCell(h.clockClass(), h.classText()))
                .append(numberCell(Math.abs(h.offsetS()), ClockFormat.offset(h.offsetS())))
                .append(numberCell(h.uncertaintyS(), ClockFormat.scaled(h.uncertaintyS())))
                .append(numberCell(h.ratePpm(), ClockFormat.ratePpm(h.ratePpm())))
                .append("<td>").append(ClockFormat.dateTime(h.lastResetNs())).append("</td>")
                .append(numberCell(h.points(), Integer.toString(h.points())))
                .append(numberCell(h.rttS(), ClockFormat.scaled(h.rttS())))
                .append("<td>").append(esc(h.tags() == null ? "" : h.tags())).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private void hostTable()
    {
        html.append("<h2 id=\"table\">All hosts</h2>\n");
        if (study.table().size() < study.tableTotal())
        {
            html.append("<p class=\"note\">The ").append(TextReport.count(study.table().size()))
                .append(" worst of ").append(TextReport.count(study.tableTotal()))
                .append(" hosts (report --table-rows); query the rest with ./timestudy query.</p>\n");
        }
        html.append("<form id=\"host-filter\" autocomplete=\"off\"><label>class<select name=\"cls\">")
            .append("<option value=\"\">any</option>");
        for (final ClockClass c : ClockClass.values())
        {
            html.append("<option>").append(esc(c.label())).append("</option>");
        }
        html.append("</select></label>")
            .append("<label>|offset| from (s)<input name=\"offsetMin\" inputmode=\"decimal\" placeholder=\"0.1\">")
            .append("</label><label>|offset| to (s)<input name=\"offsetMax\" inputmode=\"decimal\" ")
            .append("placeholder=\"3600\"></label>")
            .append("<label>RTT from (ms)<input name=\"rttMin\" inputmode=\"decimal\"></label>")
            .append("<label>RTT to (ms)<input name=\"rttMax\" inputmode=\"decimal\"></label>")
            .append("<label>name or address<input name=\"name\" placeholder=\"pool.example\"></label>")
            .append("<button type=\"reset\">clear</button></form>\n")
            .append("<p id=\"host-status\" class=\"note\"></p>\n<div class=\"hosts-wrap\"><table id=\"hosts\">")
            .append("<thead><tr><th data-key=\"address\">address</th><th data-key=\"names\">names</th>")
            .append("<th data-key=\"probe\">probe</th><th data-key=\"cls\">class</th><th data-key=\"tags\">tags</th>")
            .append("<th data-key=\"offset\">offset</th><th data-key=\"offset\">+-</th>")
            .append("<th data-key=\"ppm\">R-1</th><th data-key=\"rttMs\">rtt ms</th>")
            .append("<th data-key=\"points\">points</th><th data-key=\"lastReset\">last reset</th>")
            .append("<th data-key=\"changes\">changes</th><th data-key=\"priority\">priority</th></tr></thead>")
            .append("<tbody></tbody></table></div>\n<button id=\"host-more\" hidden>show more</button>\n");
    }

    private String hostData()
    {
        final List<Object[]> rows = new ArrayList<>(study.table().size());
        for (final Study.Host h : study.table())
        {
            rows.add(new Object[] {h.addressText(), String.join(" ", h.names()), h.probe(), h.clockClass().label(),
                h.subTags(), h.tags(), rounded(h.offsetS(), 1e6), ClockFormat.offset(h.offsetS()),
                ClockFormat.scaled(h.uncertaintyS()), rounded(h.ratePpm(), 1e3), ClockFormat.ratePpm(h.ratePpm()),
                rounded(h.rttS() * 1e3, 1e3), h.points(),
                h.lastResetNs() == Long.MIN_VALUE ? null : ClockFormat.dateTime(h.lastResetNs()), h.changes(),
                Math.round(h.priority() * 1000) / 1000.0});
        }
        try
        {
            // '<' only occurs inside JSON strings: escaping it keeps "</script>" out of the page.
            return JSON.writeValueAsString(rows).replace("<", "\\u003c");
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void changes()
    {
        html.append("<h2 id=\"changes\">Behaviour changes</h2>\n<p class=\"note\">The latest ")
            .append(TextReport.count(study.changes().size())).append(" of ")
            .append(TextReport.count(study.changesTotal())).append(" changes.</p>\n");
        if (study.changes().isEmpty())
        {
            return;
        }
        html.append("<div class=\"wrap\"><table class=\"sortable\"><thead><tr><th>time (UTC)</th><th>address</th>")
            .append("<th>probe</th><th>before</th><th>after</th><th>step</th><th>R-1 change</th><th>STEP</th>")
            .append("</tr></thead><tbody>\n");
        for (final Study.Change c : study.changes())
        {
            html.append("<tr><td data-sort=\"").append(c.timeNs()).append("\">")
                .append(ClockFormat.dateTime(c.timeNs())).append("</td><td data-sort=\"")
                .append(Integer.toUnsignedLong(c.address())).append("\">").append(Ipv4.format(c.address()))
                .append("</td><td>").append(esc(c.probe())).append("</td>")
                .append(classCell(ClockClass.parse(c.before()), c.before()))
                .append(classCell(ClockClass.parse(c.after()), c.after()))
                .append(numberCell(Math.abs(c.stepS()), ClockFormat.offset(c.stepS())))
                .append(numberCell(c.slopeChangePpm(), TextReport.slopeChange(c)))
                .append("<td>").append(c.step() ? "yes" : "").append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private void references()
    {
        html.append("<h2 id=\"references\">Listed reference servers</h2>\n");
        if (study.references().isEmpty())
        {
            html.append("<p class=\"note\">None listed (analyze --references FILE).</p>\n");
            return;
        }
        final long wrong = study.references().stream().filter(Study.Reference::wrong).count();
        html.append("<p class=\"note\">").append(wrong).append(" of ").append(study.references().size())
            .append(" listed servers are wrong.</p>\n<div class=\"wrap\"><table class=\"sortable\"><thead><tr>")
            .append("<th>address</th><th>name</th><th>listed stratum</th><th>status</th><th>class</th>")
            .append("<th>offset</th><th>+-</th></tr></thead><tbody>\n");
        for (final Study.Reference r : study.references())
        {
            html.append("<tr><td data-sort=\"").append(Integer.toUnsignedLong(r.address())).append("\">")
                .append(Ipv4.format(r.address())).append("</td><td>").append(esc(r.name() == null ? "" : r.name()))
                .append("</td><td class=\"num\">").append(r.stratum()).append("</td><td>").append(esc(r.status()))
                .append("</td>").append(r.clockClass() == null ? "<td></td>" :
                classCell(ClockClass.parse(r.clockClass()), r.clockClass()))
                .append(numberCell(Math.abs(r.offsetS()), ClockFormat.offset(r.offsetS())))
                .append(numberCell(r.uncertaintyS(), ClockFormat.scaled(r.uncertaintyS()))).append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private void methodPairs()
    {
        if (study.methodPairs().isEmpty())
        {
            return;
        }
        html.append("<h2 id=\"pairs\">NTP against HTTP</h2>\n<div class=\"wrap\"><table class=\"sortable\"><thead>")
            .append("<tr><th>address</th><th>NTP class</th><th>HTTP class</th><th>HTTP - NTP</th><th>+-</th>")
            .append("<th>agree</th></tr></thead><tbody>\n");
        for (final Study.MethodPair p : study.methodPairs())
        {
            html.append("<tr><td data-sort=\"").append(Integer.toUnsignedLong(p.address())).append("\">")
                .append(Ipv4.format(p.address())).append("</td>")
                .append(classCell(ClockClass.parse(p.ntpClass()), p.ntpClass()))
                .append(classCell(ClockClass.parse(p.httpClass()), p.httpClass()))
                .append(numberCell(Math.abs(p.differenceS()), ClockFormat.offset(p.differenceS())))
                .append(numberCell(p.uncertaintyS(), ClockFormat.scaled(p.uncertaintyS())))
                .append("<td>").append(p.compared() ? (p.agree() ? "yes" : "no") : "not compared")
                .append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private void chart(final JFreeChart chart, final int height, final String id)
    {
        html.append("<figure class=\"chart\">").append(ReportCharts.svg(chart, height, "chart-" + id))
            .append("</figure>\n");
        charts++;
    }

    private static String classCell(final ClockClass c, final String text)
    {
        return "<td class=\"cls " + cssClass(c) + "\">" + esc(text) + "</td>";
    }

    private static String numberCell(final double sortValue, final String text)
    {
        return "<td class=\"num\" data-sort=\"" + (Double.isFinite(sortValue) ? Double.toString(sortValue) : "") +
            "\">" + esc(text) + "</td>";
    }

    private static String cssClass(final ClockClass c)
    {
        return "c-" + c.label().replace('+', '-');
    }

    private static String classStyles()
    {
        final StringBuilder css = new StringBuilder();
        for (final ClockClass c : ClockClass.values())
        {
            final Color color = ReportCharts.classColor(c);
            css.append('.').append(cssClass(c)).append(" { --c: ")
                .append(String.format(Locale.ROOT, "#%06X", color.getRGB() & 0xFFFFFF)).append("; }\n");
        }
        return css.toString();
    }

    /**
     * @param v     a value.
     * @param scale 1 / its resolution in the page's data (sorting and filtering need no more).
     * @return it rounded, or null when not finite.
     */
    private static Double rounded(final double v, final double scale)
    {
        return Double.isFinite(v) ? Math.rint(v * scale) / scale : null;
    }

    private static String resource(final String name)
    {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new IllegalStateException("resource " + name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param text any text.
     * @return it escaped for HTML text and attribute values.
     */
    static String esc(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char ch = text.charAt(i);
            switch (ch)
            {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
