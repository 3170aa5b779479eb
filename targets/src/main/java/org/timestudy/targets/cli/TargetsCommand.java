package org.timestudy.targets.cli;

import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.TargetSpaceBuilder;
import org.timestudy.targets.address.AddressList;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.dns.DnsResolver;
import org.timestudy.targets.dns.Resolution;
import org.timestudy.targets.dns.ResolutionStatus;
import org.timestudy.targets.dns.ResolutionTable;
import org.timestudy.targets.names.NameList;
import org.timestudy.targets.names.NtpServerListPage;
import org.timestudy.targets.names.NtpServerListing;
import org.timestudy.targets.permute.Walk;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code timestudy targets}: counts the target space, lists it in scan order for one shard, resolves hostname lists,
 * and prints the ntp.org server list pages as rows. The same target options as {@code scan}.
 */
@Command(
    name = "targets",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    header = "Count, list in scan order, or resolve the targets of a scan.",
    description = {
        "Builds the target space as a scan would: positional targets and -I files, within -w allowlists, less the "
            + "default blocklist (IANA reserved ranges) and -b blocklists.",
        "With no target, --count and --list use 0.0.0.0/0 (a scan never does: it needs explicit targets).",
        "Exactly one of --count, --list, --resolve, --ntp-list."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:unexpected error", "2:bad command line or bad input"})
public final class TargetsCommand implements Callable<Integer>
{
    private static final int FLUSH_EVERY_LINES = 8192;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TargetSpaceOptions space = new TargetSpaceOptions();

    @Option(names = "--count", description = "Print the number of targets.")
    private boolean count;

    @Option(names = "--list", description = "Print the targets of one shard and thread in scan order.")
    private boolean list;

    @Option(names = "--threads", description = "Sender threads of this shard.", defaultValue = "1")
    private int threads;

    @Option(names = "--thread", description = "Which thread's walk --list prints.", defaultValue = "0")
    private int thread;

    @Option(names = "--resolve", paramLabel = "FILE",
        description = "Resolve a hostname list (one name per line, or a CSV with --csv-column); - for stdin.")
    private String resolveFile;

    @Option(names = "--csv-column", paramLabel = "COLUMN",
        description = "The --resolve file is CSV: take this column (1-based number, or header name).")
    private String csvColumn;

    @Option(names = "--dns-server", paramLabel = "ADDR[:PORT]",
        description = "DNS server for --resolve: an IP address, or 'system' for /etc/resolv.conf's first.")
    private String dnsServer;

    @Option(names = "--dns-timeout-ms", description = "Time to wait for one DNS answer, in ms.",
        defaultValue = "" + DnsResolver.DEFAULT_TIMEOUT_MS)
    private long dnsTimeoutMs;

    @Option(names = "--dns-parallelism", description = "Names resolved at once.",
        defaultValue = "" + DnsResolver.DEFAULT_PARALLELISM)
    private int dnsParallelism;

    @Option(names = "--ntp-list", paramLabel = "FILE",
        description = "Print the rows of a saved ntp.org StratumOne/StratumTwo server list page.")
    private Path ntpList;

    /**
     * Runs the command in its own JVM (the launcher goes through the top command instead).
     *
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the command line, with bad input mapped to exit code 2 and a one-line message.
     */
    public static CommandLine commandLine()
    {
        return new CommandLine(new TargetsCommand()).setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            if (ex instanceof IllegalArgumentException)
            {
                cmd.getErr().println("timestudy targets: " + ex.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            throw ex;
        });
    }

    @Override
    public Integer call()
    {
        final int modes = (count ? 1 : 0) + (list ? 1 : 0) + (resolveFile != null ? 1 : 0) + (ntpList != null ? 1 : 0);
        if (modes != 1)
        {
            throw new TargetInputException("give exactly one of --count, --list, --resolve, --ntp-list");
        }
        if (count)
        {
            return count();
        }
        if (list)
        {
            return list();
        }
        if (resolveFile != null)
        {
            return resolve();
        }
        return ntpList();
    }

    private TargetSpace space()
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (space.noTargets())
        {
            err.println("timestudy targets: no target given: using 0.0.0.0/0 " +
                "(only for counting and listing; a scan needs explicit targets)");
            space.targets.add("0.0.0.0/0");
        }
        return space.space(TargetSpaceBuilder.DEFAULT_PORT, err);
    }

    private int count()
    {
        final TargetSpace targets = space();
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("%,d%n", targets.size());
        out.flush();
        spec.commandLine().getErr().printf("%,d addresses x %d port(s); %,d blocked addresses removed%n",
            targets.addresses().size(), targets.portCount(), targets.blocked().size());
        return 0;
    }

    private int list()
    {
        final TargetSpace targets = space();
        final Walk walk = space.order(targets, spec.commandLine().getErr()).walk(thread, threads);
        final PrintWriter out = spec.commandLine().getOut();
        final StringBuilder line = new StringBuilder(24);
        final boolean withPort = targets.portCount() > 1;
        long lines = 0;
        while (walk.next())
        {
            line.setLength(0);
            Ipv4.appendTo(line, walk.address());
            if (withPort)
            {
                line.append(':').append(walk.port());
            }
            line.append('\n');
            out.append(line);
            if (++lines % FLUSH_EVERY_LINES == 0 && out.checkError())
            {
                return 0;
            }
        }
        out.flush();
        return 0;
    }

    private int resolve()
    {
        if (dnsServer == null)
        {
            throw new TargetInputException("--resolve needs --dns-server ADDR (or --dns-server system)");
        }
        final NameList names = NameList.read(resolveFile, csvColumn, System.in);
        final AddressList blocked = space.blocklist();
        final List<Resolution> results;
        try (DnsResolver resolver = DnsResolver.using(dnsServer, dnsTimeoutMs, dnsParallelism))
        {
            results = resolver.resolveAll(names.names());
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println(ResolutionTable.HEADER);
        final Map<ResolutionStatus, Integer> byStatus = new EnumMap<>(ResolutionStatus.class);
        for (final Resolution r : results)
        {
            byStatus.merge(r.status(), 1, Integer::sum);
            ResolutionTable.format(r, blocked::containsAddress).forEach(out::println);
        }
        out.flush();
        spec.commandLine().getErr().printf("%d names (%d duplicates dropped): %s%n",
            results.size(), names.duplicates(), byStatus);
        return 0;
    }

    private int ntpList()
    {
        final List<NtpServerListing> rows = NtpServerListPage.read(ntpList);
        final PrintWriter out = spec.commandLine().getOut();
        out.println("# stratum\tcountry\tlocation\tsponsor\tservice_area\taccess\tnotify\tlast_modified\tpage");
        for (final NtpServerListing r : rows)
        {
            out.println(String.join("\t", String.valueOf(r.stratum()), r.country(), r.location(), r.sponsor(),
                r.serviceArea(), r.accessPolicy().name(), r.notifyOwner() ? "yes" : "no",
                r.lastModified().toString(), r.page().toString()));
        }
        out.flush();
        spec.commandLine().getErr().printf("%d servers listed in %s%n", rows.size(), ntpList);
        return 0;
    }
}
