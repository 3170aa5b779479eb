package org.timestudy.bench;

import org.timestudy.bench.accuracy.AccuracyCommand;
import org.timestudy.bench.e2e.E2eCommand;
import org.timestudy.bench.http.HttpBenchCommand;
import org.timestudy.bench.sim.SimCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ./timestudy bench}: the JMH suite ({@code jmh}), the head-to-head in the lab ({@code e2e}), the simulated
 * Internet's saturation ({@code sim}) and the classifier's accuracy ({@code accuracy}).
 */
@Command(
    name = "bench",
    header = "Run a benchmark: JMH suite, head-to-head against zmap and masscan, the simulated Internet's "
        + "saturation, HTTP figures in the lab, accuracy against ground truth.",
    mixinStandardHelpOptions = true,
    subcommands = {AccuracyCommand.class, E2eCommand.class, HttpBenchCommand.class, JmhCommand.class,
        SimCommand.class})
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
