package org.timestudy.cli;

import org.timestudy.engine.cli.ExitCodes;
import org.timestudy.testbed.lab.LabSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy demo}: the study end to end on the built-in lab ({@link Demo}).
 */
@Command(
    name = "demo",
    header = "Run the study end to end on the built-in lab (needs root).",
    description = {
        "Brings the lab up (real chronyd, ntpsec and nginx servers on faked clocks, and a simulated Internet of " +
        "65,536 hosts on 198.18.0.0/16 whose clocks are synced, off, drifting, reset, stuck, several or erratic, " +
        "1000 times faster than life), scans it with NTP in rounds, compacts and analyses the journal, prints the " +
        "report and writes the page, takes the lab down, and compares every verdict with the lab's ground truth.",
        "Everything stays inside the lab's network namespaces. About 2.5 minutes on 2 cores."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class DemoCommand implements Callable<Integer>
{
    private static final LabSurvey.Settings QUICK = LabSurvey.Settings.quick();

    @Option(names = "--out", paramLabel = "DIR", description = "where the journal, dataset and page go (a rerun " +
        "empties it)")
    private Path out = Path.of(Demo.OUT_DEFAULT);

    @Option(names = "--id", paramLabel = "ID", description = "lab id (an existing lab of that id is taken down)")
    private String labId = Demo.LAB_ID_DEFAULT;

    @Option(names = "--rounds", paramLabel = "N", description = "scan rounds: points per host")
    private int rounds = QUICK.rounds();

    @Option(names = "--round-interval", paramLabel = "SECONDS", description = "pause between rounds")
    private double roundIntervalS = QUICK.roundIntervalS();

    @Option(names = "--rate", paramLabel = "PPS", description = "probes per second")
    private int ratePps = QUICK.ratePps();

    @Option(names = "--sim-seed", paramLabel = "SEED", description = "seed of the simulated population")
    private long simSeed = Demo.SIM_SEED_DEFAULT;

    @Override
    public Integer call()
    {
        if (rounds < 1 || !(roundIntervalS >= 0) || ratePps < 1)
        {
            throw new IllegalArgumentException("--rounds and --rate must be >= 1 and --round-interval >= 0");
        }
        Demo.run(new Demo.Settings(labId, out, new LabSurvey.Settings(rounds, roundIntervalS, ratePps, QUICK.seed())
            .withHttp(LabSurvey.Http.demo()),
            simSeed), System.out);
        return ExitCodes.OK;
    }
}
