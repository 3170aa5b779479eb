package org.timestudy.engine.cli;

import org.timestudy.journal.JournalException;
import org.timestudy.nativeio.EnvironmentNotReadyException;
import picocli.CommandLine;

/**
 * Exit codes of every timestudy command, and the one mapping from exceptions to them: picocli's 0, 1 and 2, plus
 * "environment not ready" and "error budget". Bad input (a bad option, a bad target list, an unreadable journal)
 * is a usage error with a one-line message, never a stack trace.
 */
public final class ExitCodes
{
    /** Success. */
    public static final int OK = CommandLine.ExitCode.OK;
    /** An unexpected error: a bug, or an I/O failure. */
    public static final int SOFTWARE = CommandLine.ExitCode.SOFTWARE;
    /** Bad command line or bad input file. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** The environment is not ready: not root, no CAP_NET_RAW, missing interface or package. */
    public static final int ENVIRONMENT = 3;
    /** A scan stopped because an error budget (hit rate) was exceeded. */
    public static final int ERROR_BUDGET = 4;
    /** The list for {@code exitCodeList} in help. */
    public static final String[] HELP = {
        "0:success",
        "1:unexpected error (a bug, or an I/O failure)",
        "2:bad command line or bad input",
        "3:environment not ready (not root, no CAP_NET_RAW, missing interface or package)",
        "4:scan stopped by its error budget (--min-hitrate)"};

    private ExitCodes()
    {
    }

    /**
     * @param ex what a command threw.
     * @return its exit code.
     */
    public static int of(final Throwable ex)
    {
        if (ex instanceof EnvironmentNotReadyException)
        {
            return ENVIRONMENT;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof JournalException)
        {
            return USAGE;
        }
        return SOFTWARE;
    }

    /**
     * Installs the mapping and the error printing on a command line.
     *
     * @param cl a command line.
     * @return it.
     */
    public static CommandLine configure(final CommandLine cl)
    {
        return cl.setExitCodeExceptionMapper(ExitCodes::of)
            .setExecutionExceptionHandler((ex, cmd, parseResult) ->
            {
                final int code = of(ex);
                if (code == SOFTWARE)
                {
                    ex.printStackTrace(cmd.getErr());
                }
                else
                {
                    cmd.getErr().println("timestudy: " + ex.getMessage());
                }
                return code;
            });
    }
}
