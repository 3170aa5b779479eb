package org.timestudy.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy bench jmh [REGEX...]}: the whole JMH suite in one command (or the benchmarks matching the
 * regexes), every fork with the project's JVM flags. Each benchmark's own annotations set its warm-up, iterations
 * and forks; {@code --quick} shortens them for a smoke check; anything after {@code --} goes to JMH as is.
 */
@Command(
    name = "jmh",
    header = "Run the JMH suite (or the benchmarks matching a regex) with the project's JVM flags.",
    description = {
        "Benchmarks: frame build + cookie and reply validate + decode (NtpProbeBench), NTP arithmetic " +
            "(NtpArithmeticBench), journal append and tail read (JournalBench), compaction rows/s " +
            "(CompactionBench), classifier series/s (ClassifierBench), permutation targets/s (WalkBench). JMH " +
            "prints each score with its 99.9%% confidence interval; --json keeps them."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class JmhCommand implements Callable<Integer>
{
    /** Package of every benchmark. */
    public static final String SUITE = "org\\.timestudy\\.bench\\..*";

    @Parameters(paramLabel = "REGEX", arity = "0..*", description = "Benchmarks to run (default: all).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--quick", description = "1 fork, 1 warm-up and 3 measurement iterations of 1 s each.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write JMH's results as JSON.")
    Path json;

    @Option(names = "--prof", paramLabel = "PROFILER", description = "A JMH profiler, e.g. gc.")
    String profiler;

    @Option(names = "--jmh", paramLabel = "ARGS", description = "Further JMH options, e.g. \"-p blocklist=none\".")
    String jmhArgs;

    @Override
    public Integer call() throws Exception
    {
        final Collection<RunResult> results = new Runner(options().build()).run();
        return results.isEmpty() ? 2 : 0;
    }

    ChainedOptionsBuilder options() throws Exception
    {
        final ChainedOptionsBuilder b = new OptionsBuilder()
            .parent(JmhRunner.options(jmhArgs == null ? new String[0] : jmhArgs.trim().split("\\s+")));
        if (includes.isEmpty())
        {
            b.include(SUITE);
        }
        includes.forEach(b::include);
        if (quick)
        {
            b.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
                .measurementTime(TimeValue.seconds(1));
        }
        if (json != null)
        {
            b.resultFormat(ResultFormatType.JSON).result(json.toAbsolutePath().toString());
        }
        if (profiler != null)
        {
            b.addProfiler(profiler);
        }
        return b;
    }
}
