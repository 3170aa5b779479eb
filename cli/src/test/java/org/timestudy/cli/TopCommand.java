package org.timestudy.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The top command as {@code ./timestudy} runs it (same exit code mapping), with what it prints kept for a test.
 */
final class TopCommand
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * Runs one command line; what an earlier run printed is dropped.
     *
     * @param args the command line.
     * @return the exit code.
     */
    int run(final String... args)
    {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        final CommandLine cl = Timestudy.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /**
     * @return what the last run printed to standard output.
     */
    String out()
    {
        return out.toString();
    }

    /**
     * @return what the last run printed to standard error.
     */
    String err()
    {
        return err.toString();
    }
}
