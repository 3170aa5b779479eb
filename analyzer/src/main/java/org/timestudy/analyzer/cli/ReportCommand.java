package org.timestudy.analyzer.cli;

import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.analyzer.report.HtmlReport;
import org.timestudy.analyzer.report.Study;
import org.timestudy.analyzer.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy report DATASET [--html DIR]}: the study's report as text, and as a self-contained page with
 * charts.
 */
@Command(
    name = "report",
    header = "Print the study's report, and write it as a page with charts (--html).",
    description = {
        "Reads an analysed dataset (./timestudy analyze) and prints: the dates of the study; the addresses, hosts " +
        "and names examined; the share of hosts off by more than 0.1 s, 1 s, 1 min and 1 h; the hosts per class; " +
        "the names whose clocks are off with the addresses behind them, and the other off hosts, worst first; the " +
        "latest behaviour changes; the listed reference servers that are wrong; NTP against HTTP.",
        "--html DIR writes DIR/index.html: one self-contained file (no network needed to view it) with an " +
        "overview, a panel per name and per worst host of each class (observations, fitted lines, changes), and " +
        "tables to sort and filter by class, offset, RTT and name."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class ReportCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET", defaultValue = "dataset",
        description = "dataset directory, compacted and analysed")
    private Path dataset;

    @Option(names = "--html", paramLabel = "DIR", description = "also write the page DIR/index.html")
    private Path html;

    @Option(names = "--names", paramLabel = "FILE", description = "table of ./timestudy targets --resolve (as " +
        "given to analyze): group hosts under every name; without it, the names analyze compared (two addresses " +
        "or more)")
    private Path names;

    @Option(names = "--list", paramLabel = "N", description = "off hosts and latest changes to list")
    private int listed = Study.Options.LISTED_DEFAULT;

    @Option(names = "--panels", paramLabel = "N", description = "page: panels for the N worst hosts of each class")
    private int panels = Study.Options.PANELS_PER_CLASS_DEFAULT;

    @Option(names = "--table-rows", paramLabel = "N", description = "page: most hosts in the table, worst first")
    private int tableRows = Study.Options.TABLE_ROWS_DEFAULT;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try (DatasetQuery q = DatasetQuery.open(dataset))
        {
            final Study study = Study.load(q, new Study.Options().dataset(dataset).namesFile(names).listed(listed)
                .panelsPerClass(panels).tableRows(tableRows));
            TextReport.print(study, out);
            if (html != null)
            {
                final HtmlReport.Written page = HtmlReport.write(study, q, html);
                out.printf("%npage: %s (%d charts, %s bytes)%n", page.file(), page.charts(), page.bytes());
            }
        }
        out.flush();
        return 0;
    }
}
