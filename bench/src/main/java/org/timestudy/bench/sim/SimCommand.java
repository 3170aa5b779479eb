package org.timestudy.bench.sim;

import org.timestudy.bench.e2e.RateLadder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy bench sim}: where the simulated Internet's NTP responder saturates.
 */
@Command(
    name = "sim",
    header = "Where the simulated Internet saturates: NTP requests offered at a ladder of rates (root).",
    description = {
        "Brings up a lab with only the simulated Internet and offers it engine-built NTP requests from the scanner",
        "side (a sender that captures nothing) at each rate; counts arrivals and replies with nftables, and the",
        "requests the kernel dropped before the responder read them."},
    mixinStandardHelpOptions = true,
    showDefaultValues = true)
public final class SimCommand implements Callable<Integer>
{
    @Option(names = "--rates", paramLabel = "LIST", description = "Offered rates, pps ('k' suffix) or max.",
        defaultValue = "100k,200k,300k,400k,500k,max")
    String rates;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds per step.", defaultValue = "5")
    double seconds;

    @Option(names = "--repeats", description = "Passes over the ladder.", defaultValue = "3")
    int repeats;

    @Option(names = "--max-load", paramLabel = "LOAD", description = "Wait for the 1-minute load average to fall " +
        "below this before each step ('none': never).", defaultValue = "1.0")
    String maxLoad;

    @Option(names = "--load-wait", paramLabel = "S", description = "Longest wait for a quiet machine per step.",
        defaultValue = "1800")
    double loadWaitS;

    @Option(names = "--ingress-drop", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Drop NTP at both ends' netdev ingress after counting it (after the responder's tap, before " +
            "the kernel's IP input).")
    boolean ingressDrop;

    @Option(names = "--id", description = "Lab id.", defaultValue = "simbench")
    String labId;

    @Override
    public Integer call()
    {
        final List<SimSaturation.Step> steps = SimSaturation.run(labId, RateLadder.parse(rates), seconds, repeats,
            maxLoad.equals("none") ? Double.NaN : Double.parseDouble(maxLoad), loadWaitS, ingressDrop, System.out);
        double best = 0;
        String saturatesAt = "not within the ladder";
        for (final SimSaturation.Step s : steps)
        {
            best = Math.max(best, s.answeredPps());
        }
        for (final SimSaturation.Step s : steps)
        {
            if (!s.keepsUp())
            {
                saturatesAt = String.format(Locale.ROOT, "%.0f req/s offered (%s)", s.offeredPps(), s.rateLabel());
                break;
            }
        }
        System.out.printf(Locale.ROOT, "most answered: %.0f replies/s; first step that did not keep up: %s%n", best,
            saturatesAt);
        return 0;
    }
}
