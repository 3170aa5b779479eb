package org.timestudy.analyzer.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.timestudy.analyzer.classify.ClockClass;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.DoubleFunction;

/**
 * The page's charts, drawn by JFreeChart and turned into SVG by JFreeSVG: the class breakdown, the |offset|
 * distribution on a log scale with the report's bands marked, |offset| against time for the worst hosts, and one
 * panel per host or name (observations as dots, one colour per address; fitted lines; changes and the last reset as
 * markers).
 */
final class ReportCharts
{
    /** Width of every chart, SVG user units (the page scales it). */
    static final int WIDTH = 960;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x7F7F7F)};
    private static final Color[] BAND_COLORS = {
        new Color(0xE8F5E9), new Color(0xFFFDE7), new Color(0xFFF3E0), new Color(0xFBE9E7), new Color(0xF3E5F5)};
    private static final double NANOS_PER_MS = 1e6;

    private ReportCharts()
    {
    }

    /**
     * @param c a class.
     * @return its colour, the same in every chart and table.
     */
    static Color classColor(final ClockClass c)
    {
        return switch (c)
        {
            case SYNCED -> new Color(0x2CA02C);
            case OFFSET -> new Color(0xFF7F0E);
            case DRIFT -> new Color(0x1F77B4);
            case RESET_DRIFT -> new Color(0x9467BD);
            case STUCK -> new Color(0xD62728);
            case MULTI_CLOCK -> new Color(0x8C564B);
            case ERRATIC -> new Color(0xE377C2);
            case INSUFFICIENT -> new Color(0x7F7F7F);
        };
    }

    /**
     * @param i an index.
     * @return the i-th colour of the palette (addresses in a panel).
     */
    static Color paletteColor(final int i)
    {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * @param study a study.
     * @return hosts per class, one bar per class (and probe type).
     */
    static JFreeChart classes(final Study study)
    {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (final Study.ProbeFigures p : study.probes())
        {
            for (final ClockClass c : ClockClass.values())
            {
                data.addValue(p.classes()[c.ordinal()], p.probe(), c.label());
            }
        }
        final BarRenderer renderer = new BarRenderer()
        {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(final int row, final int column)
            {
                final Color c = classColor(ClockClass.parse((String)data.getColumnKey(column)));
                return row == 0 ? c : c.brighter();
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
            new DecimalFormat("#,##0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(SMALL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
            TextAnchor.CENTER_LEFT));
        final NumberAxis hosts = new NumberAxis("hosts");
        hosts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        hosts.setUpperMargin(0.12);
        final CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), hosts, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        style(plot);
        final JFreeChart chart = new JFreeChart("Hosts per class", TITLE_FONT, plot, study.probes().size() > 1);
        return finish(chart);
    }

    /**
     * @param study a study.
     * @return the |offset| histogram, log-log, with the bands of the report marked.
     */
    static JFreeChart offsetDistribution(final Study study)
    {
        final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        double maxS = 1e4;
        long maxHosts = 10;
        for (final Study.ProbeFigures p : study.probes())
        {
            final XYIntervalSeries s = new XYIntervalSeries(p.probe());
            for (final Study.Bin b : study.histogram())
            {
                if (b.probe().equals(p.probe()))
                {
                    s.add(Math.sqrt(b.lowS() * b.highS()), b.lowS(), b.highS(), b.hosts(), 0.7, b.hosts());
                    maxS = Math.max(maxS, b.highS());
                    maxHosts = Math.max(maxHosts, b.hosts());
                }
            }
            data.addSeries(s);
        }
        final LogAxis offset = new LogAxis("|offset| (log scale)");
        offset.setNumberFormatOverride(format(ClockFormat::tick));
        offset.setRange(Study.HISTOGRAM_FLOOR_S, maxS * 2);
        final LogAxis hosts = new LogAxis("hosts (log scale)");
        hosts.setNumberFormatOverride(new DecimalFormat("#,##0"));
        hosts.setTickUnit(new NumberTickUnit(1), false, true);
        hosts.setRange(0.7, maxHosts * 2.0);
        hosts.setSmallestValue(0.7);
        final XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        for (int i = 0; i < data.getSeriesCount(); i++)
        {
            renderer.setSeriesPaint(i, paletteColor(i));
        }
        final XYPlot plot = new XYPlot(data, offset, hosts, renderer);
        style(plot);
        double low = Study.HISTOGRAM_FLOOR_S;
        for (int b = 0; b < AnalysisSummary.BAND_LABELS.length; b++)
        {
            final double high = b < AnalysisSummary.BAND_EDGES_NS.length ? AnalysisSummary.BAND_EDGES_NS[b] / 1e9 :
                maxS * 2;
            final IntervalMarker band = new IntervalMarker(low, high, BAND_COLORS[b]);
            band.setLabel(AnalysisSummary.BAND_LABELS[b]);
            band.setLabelFont(SMALL_FONT);
            band.setLabelAnchor(RectangleAnchor.TOP);
            band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            band.setLabelOffset(new RectangleInsets(4, 0, 0, 0));
            plot.addDomainMarker(band, Layer.BACKGROUND);
            if (b > 0)
            {
                final ValueMarker edge = new ValueMarker(low, Color.GRAY, dashed(1f));
                plot.addDomainMarker(edge, Layer.FOREGROUND);
            }
            low = high;
        }
        return finish(new JFreeChart("How far off the clocks are (ERRATIC left out)", TITLE_FONT, plot,
            study.probes().size() > 1));
    }

    /**
     * @param worst the worst host of each class, with their observations.
     * @return |offset| against time, log scale, one line per host.
     */
    static JFreeChart worstOverTime(final List<HostSeries> worst)
    {
        final XYSeriesCollection data = new XYSeriesCollection();
        for (final HostSeries s : worst)
        {
            final Study.Host h = s.host();
            final XYSeries xy = new XYSeries(h.addressText() + " " + h.probe() + " " + h.clockClass().label() +
                (h.offsetS() < 0 ? " (behind)" : " (ahead)"), false, true);
            for (int i = 0; i < s.timesNs().length; i++)
            {
                if (Math.abs(s.offsetsS()[i]) > 0)
                {
                    xy.add(s.timesNs()[i] / NANOS_PER_MS, Math.abs(s.offsetsS()[i]));
                }
            }
            data.addSeries(xy);
        }
        final LogAxis offset = new LogAxis("|offset| (log scale)");
        offset.setNumberFormatOverride(format(ClockFormat::tick));
        offset.setSmallestValue(1e-7);
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < worst.size(); i++)
        {
            renderer.setSeriesPaint(i, classColor(worst.get(i).host().clockClass()));
            renderer.setSeriesShape(i, dot(4));
        }
        final XYPlot plot = new XYPlot(data, timeAxis(data), offset, renderer);
        style(plot);
        return finish(new JFreeChart("The worst host of each class over time", TITLE_FONT, plot, true));
    }

    /**
     * @param title  the panel's title (a name, or a host).
     * @param series its hosts, with observations; one colour per address, one dot shape per probe type.
     * @return offset against time: observations, fitted lines, changes and last resets.
     */
    static JFreeChart panel(final String title, final List<HostSeries> series)
    {
        final double reference = reference(series);
        final XYSeriesCollection points = new XYSeriesCollection();
        final XYSeriesCollection lines = new XYSeriesCollection();
        final XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        final XYLineAndShapeRenderer fits = new XYLineAndShapeRenderer(true, false);
        final List<Integer> addresses = series.stream().map(s -> s.host().address()).distinct().toList();
        int lineIndex = 0;
        for (int i = 0; i < series.size(); i++)
        {
            final HostSeries s = series.get(i);
            final Study.Host h = s.host();
            final Color color = paletteColor(addresses.indexOf(h.address()));
            final XYSeries xy = new XYSeries(h.addressText() + " " + h.probe() + " " + h.clockClass().label(), false,
                true);
            for (int k = 0; k < s.timesNs().length; k++)
            {
                xy.add(s.timesNs()[k] / NANOS_PER_MS, s.offsetsS()[k] - reference);
            }
            points.addSeries(xy);
            dots.setSeriesPaint(i, color);
            dots.setSeriesShape(i, "http".equals(h.probe()) ? new Rectangle2D.Double(-3, -3, 6, 6) : dot(5));
            for (final HostSeries.Segment seg : s.segments())
            {
                final XYSeries line = new XYSeries("fit " + lineIndex, false, true);
                line.add(seg.startNs() / NANOS_PER_MS, seg.startS() - reference);
                line.add(seg.endNs() / NANOS_PER_MS, seg.endS() - reference);
                lines.addSeries(line);
                fits.setSeriesPaint(lineIndex, color.darker());
                fits.setSeriesStroke(lineIndex, new BasicStroke(1.6f));
                fits.setSeriesVisibleInLegend(lineIndex, false);
                lineIndex++;
            }
        }
        final NumberAxis offset = new NumberAxis(reference == 0 ? "offset" :
            "offset - (" + ClockFormat.offset(reference) + ")");
        offset.setAutoRangeIncludesZero(false);
        offset.setAutoRangeMinimumSize(1e-4);
        offset.setStandardTickUnits(offsetTickUnits());
        final XYPlot plot = new XYPlot(points, timeAxis(points), offset, dots);
        plot.setDataset(1, lines);
        plot.setRenderer(1, fits);
        style(plot);
        for (final HostSeries s : series)
        {
            for (final Study.Change c : s.changes())
            {
                final ValueMarker m = new ValueMarker(c.timeNs() / NANOS_PER_MS, Color.DARK_GRAY, dashed(1.2f));
                m.setLabel(c.before() + " > " + c.after());
                m.setLabelFont(SMALL_FONT);
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m);
            }
            final Study.Host h = s.host();
            if (h.lastResetNs() != Long.MIN_VALUE && h.lastResetNs() >= h.firstNs() && h.lastResetNs() <= h.lastNs())
            {
                final ValueMarker m = new ValueMarker(h.lastResetNs() / NANOS_PER_MS, classColor(h.clockClass()),
                    dashed(1.2f));
                m.setLabel("last reset");
                m.setLabelFont(SMALL_FONT);
                m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addDomainMarker(m);
            }
        }
        final JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        for (final HostSeries s : series)
        {
            final TextTitle line = new TextTitle(describe(s.host()), SMALL_FONT);
            line.setPosition(RectangleEdge.TOP);
            chart.addSubtitle(line);
        }
        return finish(chart);
    }

    /**
     * An offset to subtract on a panel's axis, so that the axis resolves what the dots show: 0 unless every offset
     * lies beyond a minute (where {@link ClockFormat#offset} writes whole seconds) within less than two minutes of
     * each other; then their median, in whole seconds.
     *
     * @param series a panel's hosts.
     * @return the reference, s.
     */
    static double reference(final List<HostSeries> series)
    {
        final List<Double> all = new java.util.ArrayList<>();
        for (final HostSeries s : series)
        {
            for (final double o : s.offsetsS())
            {
                all.add(o);
            }
        }
        if (all.isEmpty())
        {
            return 0;
        }
        all.sort(null);
        final double low = all.get(0);
        final double high = all.get(all.size() - 1);
        final boolean beyondMinute = Math.min(Math.abs(low), Math.abs(high)) >= 60 && low * high > 0;
        return beyondMinute && high - low < 120 ? Math.rint(all.get(all.size() / 2)) : 0;
    }

    /**
     * @param h a host.
     * @return one line about its fit: class, offset ± u, R − 1 ± σ, last reset, period, points.
     */
    static String describe(final Study.Host h)
    {
        final StringBuilder sb = new StringBuilder(h.addressText()).append(' ').append(h.probe()).append(": ")
            .append(h.classText()).append(", offset ").append(ClockFormat.offset(h.offsetS())).append(" +- ")
            .append(ClockFormat.scaled(h.uncertaintyS())).append(", R-1 ").append(ClockFormat.ratePpm(h.ratePpm()));
        if (!Double.isNaN(h.rateSigmaPpm()))
        {
            sb.append(" +- ").append(String.format(Locale.ROOT, "%.2g", h.rateSigmaPpm())).append(" ppm");
        }
        if (h.lastResetNs() != Long.MIN_VALUE)
        {
            sb.append(", last reset ").append(ClockFormat.dateTime(h.lastResetNs())).append(" UTC");
        }
        if (!Double.isNaN(h.periodS()))
        {
            sb.append(", period ").append(ClockFormat.scaled(h.periodS()));
        }
        sb.append(", ").append(h.points()).append(" points");
        if (h.tags() != null)
        {
            sb.append(", ").append(h.tags());
        }
        return sb.toString();
    }

    /**
     * Renders a chart as an SVG element that scales with the page.
     *
     * @param chart  the chart.
     * @param height its height, user units ({@link #WIDTH} wide).
     * @param id     an id unique in the page (prefixes its definitions too).
     * @return the {@code <svg>} element.
     */
    static String svg(final JFreeChart chart, final int height, final String id)
    {
        final SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(ReportCharts::twoDecimals);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        return g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
    }

    private static String twoDecimals(final double v)
    {
        final String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }

    private static DateAxis timeAxis(final XYSeriesCollection data)
    {
        final DateAxis axis = new DateAxis("time (UTC)");
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        final double spanMs = data.getSeriesCount() == 0 ? 0 :
            data.getDomainUpperBound(false) - data.getDomainLowerBound(false);
        final SimpleDateFormat f = new SimpleDateFormat(spanMs < 86_400_000 ? "HH:mm:ss" : "MM-dd HH:mm",
            Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setDateFormatOverride(f);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        return axis;
    }

    private static TickUnits offsetTickUnits()
    {
        final TickUnits units = new TickUnits();
        final NumberFormat f = format(ClockFormat::offset);
        for (int e = -7; e <= -1; e++)
        {
            for (final int m : new int[] {1, 2, 5})
            {
                units.add(new NumberTickUnit(m * Math.pow(10, e), f));
            }
        }
        for (final double s : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
            21600, 43200})
        {
            units.add(new NumberTickUnit(s, f));
        }
        for (final double d : new double[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000,
            50000})
        {
            units.add(new NumberTickUnit(d * 86_400, f));
        }
        return units;
    }

    private static void style(final XYPlot plot)
    {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setTickLabelFont(SMALL_FONT);
        plot.getRangeAxis().setTickLabelFont(SMALL_FONT);
    }

    private static void style(final CategoryPlot plot)
    {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setTickLabelFont(SMALL_FONT);
        plot.getRangeAxis().setTickLabelFont(SMALL_FONT);
    }

    private static JFreeChart finish(final JFreeChart chart)
    {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        final LegendTitle legend = chart.getLegend();
        if (legend != null)
        {
            legend.setItemFont(SMALL_FONT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    private static Shape dot(final double diameter)
    {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    private static BasicStroke dashed(final float width)
    {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    }

    private static NumberFormat format(final DoubleFunction<String> text)
    {
        return new NumberFormat()
        {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(final double number, final StringBuffer toAppendTo, final FieldPosition pos)
            {
                return toAppendTo.append(text.apply(number));
            }

            @Override
            public StringBuffer format(final long number, final StringBuffer toAppendTo, final FieldPosition pos)
            {
                return toAppendTo.append(text.apply(number));
            }

            @Override
            public Number parse(final String source, final ParsePosition parsePosition)
            {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }
}
