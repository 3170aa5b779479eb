package org.timestudy.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.timestudy.testbed.JvmOptions;

/**
 * Runs the JMH suite with the project's JVM flags in every fork (Chronicle's analytics off, the module opens
 * Agrona and Chronicle need). Takes JMH's own command line (a benchmark regex, {@code -f}, {@code -wi},
 * {@code -prof gc}, ...).
 */
public final class JmhRunner
{
    private JmhRunner()
    {
    }

    /**
     * @param args JMH command line.
     * @throws RunnerException if a benchmark fails.
     * @throws CommandLineOptionException on a bad option.
     */
    public static void main(final String[] args) throws RunnerException, CommandLineOptionException
    {
        new Runner(options(args)).run();
    }

    /**
     * @param args JMH command line.
     * @return JMH's options with the project's JVM flags appended to every fork's command line.
     * @throws CommandLineOptionException on a bad option.
     */
    public static Options options(final String... args) throws CommandLineOptionException
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .parent(new CommandLineOptions(args))
            .jvmArgsAppend(JvmOptions.flags().toArray(new String[0]));
        return options.build();
    }
}
