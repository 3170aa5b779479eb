package org.timestudy.analyzer.ingest;

import org.timestudy.analyzer.cli.CompactCommand;
import picocli.CommandLine;

/**
 * Child process for tests: {@code compact} with the given arguments, as {@code ./timestudy compact} runs it.
 */
public final class CompactMain
{
    private CompactMain()
    {
    }

    /**
     * @param args compact's arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new CompactCommand()).execute(args));
    }
}
