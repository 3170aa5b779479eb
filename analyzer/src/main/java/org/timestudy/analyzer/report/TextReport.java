package org.timestudy.analyzer.report;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.targets.address.Ipv4;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The study as text, for a terminal: when and what, the shares of hosts off by more than 0.1 s, 1 s, 1 min and 1 h,
 * the classes, the names whose clocks are off with the addresses behind them, the other off hosts worst first, the
 * latest behaviour changes, the listed reference servers that are wrong, and NTP against HTTP.
 */
public final class TextReport
{
    private static final int LISTED_NAMES = 20;
    private static final String HOST_FORMAT = "%-15s %-5s %-19s %16s %11s %17s %6s %9s";

    private TextReport()
    {
    }

    /**
     * Prints a study.
     *
     * @param study the study.
     * @param out   where.
     */
    public static void print(final Study study, final PrintWriter out)
    {
        out.printf("timestudy report: %s (analysis %s%s)%n", study.dataset(), study.run(), study.labSettings() ?
            ", lab settings: the lab's behaviours run in accelerated time" : "");
        printStudy(study, out);
        printClasses(study, out);
        printNames(study, out);
        printWorst(study, out);
        printChanges(study, out);
        printReferences(study, out);
        printMethodPairs(study, out);
        out.flush();
    }

    private static void printStudy(final Study study, final PrintWriter out)
    {
        out.println();
        out.println("study");
        if (study.firstNs() == Long.MIN_VALUE)
        {
            out.println("  no observations");
        }
        else
        {
            out.printf("  from %s (%s)%n", ClockFormat.interval(study.firstNs(), study.lastNs()),
                ClockFormat.span((study.lastNs() - study.firstNs()) / 1e9));
        }
        final StringJoiner scans = new StringJoiner("; ");
        long targets = 0;
        for (final Study.Scan s : study.scans())
        {
            targets = Math.max(targets, s.targets());
            final String what = s.names() >= 0 ? count(s.names()) + (s.names() == 1 ? " name" : " names") :
                s.targets() < 0 ? "? addresses" : count(s.targets()) + " addresses";
            scans.add((s.probe() == null ? "?" : s.probe()) + (s.mode() == null ? "" : " (" + s.mode() + ")") + ", " +
                what + " x " + s.rounds() + (s.rounds() == 1 ? " round" : " rounds"));
        }
        out.printf("  %d scan%s: %s%n", study.scans().size(), study.scans().size() == 1 ? "" : "s", scans);
        final StringJoiner hosts = new StringJoiner(", ");
        for (final Study.ProbeFigures p : study.probes())
        {
            hosts.add(p.probe() + " " + count(p.series()));
        }
        long namedAddresses = 0;
        for (final Study.Name n : study.names())
        {
            namedAddresses += n.addresses().length;
        }
        out.printf("  examined: %s addresses probed, %s hosts answered (%s), %s names (%s addresses behind them)%n",
            targets > 0 ? count(targets) : "?", count(study.hosts()), hosts, count(study.namesExamined()),
            count(namedAddresses));
        out.printf("  %-8s", "off by");
        for (final String label : Study.OFF_BY_LABELS)
        {
            out.printf(" %9s", label);
        }
        out.printf("   of hosts with an offset (ERRATIC left out; beyond 2 sigma)%n");
        for (final Study.ProbeFigures p : study.probes())
        {
            out.printf("  %-8s", p.probe());
            for (int i = 0; i < Study.OFF_BY_S.length; i++)
            {
                out.printf(" %8.1f%%", p.offByPercent(i));
            }
            out.printf("   %s%n", count(p.withOffset()));
        }
    }

    private static void printClasses(final Study study, final PrintWriter out)
    {
        out.println();
        out.printf("%-15s", "classes");
        for (final Study.ProbeFigures p : study.probes())
        {
            out.printf(" %10s %6s", p.probe(), "%");
        }
        out.println();
        for (final ClockClass c : ClockClass.values())
        {
            out.printf("  %-13s", c.label());
            for (final Study.ProbeFigures p : study.probes())
            {
                out.printf(" %10s %6.1f", count(p.classes()[c.ordinal()]),
                    p.series() == 0 ? 0 : 100.0 * p.classes()[c.ordinal()] / p.series());
            }
            out.println();
        }
        for (final Study.ProbeFigures p : study.probes())
        {
            if (!p.subTags().isEmpty() || !p.tags().isEmpty())
            {
                out.printf("  %s: sub-tags %s; status tags %s%n", p.probe(), counts(p.subTags()), counts(p.tags()));
            }
        }
    }

    private static void printNames(final Study study, final PrintWriter out)
    {
        if (study.namesExamined() == 0)
        {
            return;
        }
        int off = 0;
        int silent = 0;
        for (final Study.Name n : study.names())
        {
            off += n.off() ? 1 : 0;
            silent += n.hosts().isEmpty() ? 1 : 0;
        }
        out.println();
        out.printf("names whose clocks are off, worst first (%d of %d names; %d all synced, %d without an answer)%n",
            off, study.namesExamined(), study.namesExamined() - off - silent, silent);
        for (final Study.Name n : study.names())
        {
            if (!n.off())
            {
                continue;
            }
            final long offHosts = n.hosts().stream().filter(Study.Host::off).count();
            out.printf("  %s%s: %d of %d hosts off, worst %s%n", n.name(), n.cnames() == null ? "" :
                " (CNAME " + n.cnames() + ")", offHosts, n.hosts().size(), ClockFormat.offset(worstOffset(n)));
            for (final Study.Host h : n.hosts())
            {
                out.println("    " + host(h));
            }
            if (n.silentAddresses() > 0)
            {
                final StringJoiner silentList = new StringJoiner(" ");
                for (final int a : n.addresses())
                {
                    if (n.hosts().stream().noneMatch(h -> h.address() == a))
                    {
                        silentList.add(Ipv4.format(a));
                    }
                }
                out.printf("    %s: no answer%n", silentList);
            }
        }
        final StringJoiner silentNames = new StringJoiner(", ");
        study.names().stream().filter(n -> n.hosts().isEmpty()).limit(LISTED_NAMES).forEach(n ->
            silentNames.add(n.name()));
        if (silent > 0)
        {
            out.printf("  without an answer: %s%s%n", silentNames, silent > LISTED_NAMES ? ", ..." : "");
        }
    }

    private static void printWorst(final Study study, final PrintWriter out)
    {
        out.println();
        out.printf("hosts whose clocks are off, worst first (%s of %s%s)%n", count(study.worst().size()),
            count(study.offUnnamed()), study.namesExamined() > 0 ? " not behind a name above" : "");
        if (!study.worst().isEmpty())
        {
            out.println("  " + String.format(HOST_FORMAT, "address", "probe", "class", "offset", "+-", "R-1",
                "points", "rtt"));
        }
        for (final Study.Host h : study.worst())
        {
            out.println("  " + host(h));
        }
    }

    private static void printChanges(final Study study, final PrintWriter out)
    {
        out.println();
        final List<Study.Change> changes = study.changes().subList(0, Math.min(study.listed(),
            study.changes().size()));
        out.printf("recent behaviour changes (%s of %s)%n", count(changes.size()), count(study.changesTotal()));
        for (final Study.Change c : changes)
        {
            out.printf("  %s  %-15s %-5s %-13s -> %-13s step %16s, R-1 %s%s%n", ClockFormat.dateTime(c.timeNs()),
                Ipv4.format(c.address()), c.probe(), c.before(), c.after(), ClockFormat.offset(c.stepS()),
                slopeChange(c), c.step() ? " (STEP)" : "");
        }
    }

    private static void printReferences(final Study study, final PrintWriter out)
    {
        if (study.references().isEmpty())
        {
            return;
        }
        final List<Study.Reference> wrong = study.references().stream().filter(Study.Reference::wrong).toList();
        out.println();
        out.printf("listed reference servers that are wrong (%d of %d listed)%n", wrong.size(),
            study.references().size());
        for (final Study.Reference r : wrong)
        {
            out.printf("  %-15s %s stratum %d: %-14s %-13s %16s%n", Ipv4.format(r.address()),
                r.name() == null ? "" : r.name() + ",", r.stratum(), r.status(),
                r.clockClass() == null ? "-" : r.clockClass(), ClockFormat.offset(r.offsetS()));
        }
    }

    private static void printMethodPairs(final Study study, final PrintWriter out)
    {
        final Study.MethodPairCounts n = study.methodPairCounts();
        if (n.addresses() == 0)
        {
            return;
        }
        final List<Study.MethodPair> disagree = study.methodPairs().stream().filter(p -> p.compared() && !p.agree())
            .limit(study.listed()).toList();
        out.println();
        out.printf("NTP against HTTP (%s addresses with both, %s compared, %s agree)%s%n", count(n.addresses()),
            count(n.compared()), count(n.agree()), disagree.isEmpty() ? "" : ", largest disagreements first (" +
            disagree.size() + " of " + count(n.compared() - n.agree()) + ")");
        for (final Study.MethodPair p : disagree)
        {
            out.printf("  %-15s NTP %-13s HTTP %-13s HTTP - NTP %16s +- %s%n", Ipv4.format(p.address()),
                p.ntpClass(), p.httpClass(), ClockFormat.offset(p.differenceS()),
                ClockFormat.scaled(p.uncertaintyS()));
        }
    }

    /**
     * @param h a host.
     * @return its line: address, probe, class, offset ± u, R − 1, points, median RTT.
     */
    static String host(final Study.Host h)
    {
        return String.format(HOST_FORMAT, h.addressText(), h.probe(), h.classText(), ClockFormat.offset(h.offsetS()),
            "+-" + ClockFormat.scaled(h.uncertaintyS()), ClockFormat.ratePpm(h.ratePpm()), h.points(),
            ClockFormat.scaled(h.rttS())) + (h.tags() == null ? "" : "  " + h.tags());
    }

    /**
     * @param c a change.
     * @return its change of R − 1, or "-" when a side is INSUFFICIENT (a segment too short for a rate).
     */
    static String slopeChange(final Study.Change c)
    {
        final String insufficient = ClockClass.INSUFFICIENT.label();
        return insufficient.equals(c.before()) || insufficient.equals(c.after()) ? ClockFormat.MISSING :
            ClockFormat.ratePpm(c.slopeChangePpm());
    }

    private static double worstOffset(final Study.Name n)
    {
        double worst = Double.NaN;
        for (final Study.Host h : n.hosts())
        {
            if (h.off() && (Double.isNaN(worst) || h.absOffsetS() > Math.abs(worst)))
            {
                worst = h.offsetS();
            }
        }
        return worst;
    }

    private static String counts(final Map<String, Long> counts)
    {
        if (counts.isEmpty())
        {
            return "none";
        }
        final StringJoiner j = new StringJoiner(", ");
        counts.forEach((k, v) -> j.add(k + " " + count(v)));
        return j.toString();
    }

    /**
     * @param n a count.
     * @return it with thousands separators: {@code 65,532}.
     */
    static String count(final long n)
    {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
