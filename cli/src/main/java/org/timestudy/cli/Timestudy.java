package org.timestudy.cli;

import org.timestudy.analyzer.cli.AnalyzeCommand;
import org.timestudy.analyzer.cli.CompactCommand;
import org.timestudy.analyzer.cli.QueryCommand;
import org.timestudy.bench.BenchCommand;
import org.timestudy.engine.cli.ExitCodes;
import org.timestudy.engine.cli.ScanCommand;
import org.timestudy.targets.cli.TargetsCommand;
import org.timestudy.testbed.lab.LabCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The top command behind {@code ./timestudy}: lists every subcommand and maps exceptions to exit codes.
 */
@Command(
    name = "timestudy",
    mixinStandardHelpOptions = true,
    versionProvider = Timestudy.Version.class,
    header = "Finds out which Internet servers keep the wrong time, and how.",
    subcommands = {
        DemoCommand.class,
        LabCommand.class,
        TargetsCommand.class,
        ScanCommand.class,
        CompactCommand.class,
        QueryCommand.class,
        AnalyzeCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:unexpected error (a bug, or an I/O failure)",
        "2:bad command line or bad input",
        "3:environment not ready (not root, no CAP_NET_RAW, missing interface or package)",
        "4:scan stopped by its error budget (--min-hitrate)"
    })
public final class Timestudy
{
    /**
     * Runs one command.
     *
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, also used by tests.
     *
     * @return a fresh command line.
     */
    public static CommandLine commandLine()
    {
        return ExitCodes.configure(new CommandLine(new Timestudy()));
    }

    /** Version from the build. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final Properties p = new Properties();
            try (InputStream in = Timestudy.class.getResourceAsStream("version.properties"))
            {
                p.load(in);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            return new String[] {"timestudy " + p.getProperty("version"), "Java " + Runtime.version()};
        }
    }
}
