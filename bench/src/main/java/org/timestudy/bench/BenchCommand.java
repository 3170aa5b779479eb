package org.timestudy.bench;

import org.timestudy.bench.accuracy.AccuracyCommand;
import org.timestudy.bench.e2e.E2eCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ./timestudy bench}: end-to-end measurements (JMH benchmarks run with their own main classes).
 */
@Command(
    name = "bench",
    header = "Run a benchmark: accuracy against ground truth, head-to-head against zmap and masscan.",
    mixinStandardHelpOptions = true,
    subcommands = {AccuracyCommand.class, E2eCommand.class})
public final class BenchCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, e.g. bench accuracy --quick");
    }
}
