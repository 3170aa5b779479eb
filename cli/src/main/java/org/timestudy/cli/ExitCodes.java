package org.timestudy.cli;

import picocli.CommandLine;

/**
 * Exit codes of every timestudy command: picocli's 0, 1 and 2, plus the environment and error-budget codes.
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
    /** A scan stopped because an error budget (hit rate, drops) was exceeded. */
    public static final int ERROR_BUDGET = 4;

    private ExitCodes()
    {
    }
}
