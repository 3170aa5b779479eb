package org.timestudy.bench.e2e;

import java.util.List;

/**
 * The figures of one run of one contender at one rate, all counted outside the tool except {@link #recorded}.
 *
 * @param repetition            which pass over the ladder (1-based).
 * @param contender             the contender's key.
 * @param label                 the contender's label.
 * @param rateLabel             requested rate as the ladder names it.
 * @param requestedPps          requested rate, or infinity for the maximum.
 * @param probesPerTarget       probes each target was sent.
 * @param plannedProbes         probes the run was to send.
 * @param wire                  the nftables counts over the run.
 * @param windowS               seconds during which probes arrived on the internet side.
 * @param responderReplies      NTP replies the simulated Internet says it sent.
 * @param responderKernelDrops  requests the kernel dropped before the responder read them.
 * @param recorded              what the tool recorded.
 * @param toolCpuS              CPU seconds of the tool's processes.
 * @param responderCpuS         CPU seconds of the simulated Internet over the run.
 * @param otherCpuS             CPU seconds the rest of the machine used over the run (other work on the box).
 * @param load1m                1-minute load average when the run started.
 * @param exitCode              the tool's exit code.
 * @param wallS                 seconds from start to exit.
 * @param command               the command line run in the scanner namespace.
 */
public record RunResult(
    int repetition,
    String contender,
    String label,
    String rateLabel,
    double requestedPps,
    int probesPerTarget,
    long plannedProbes,
    WireCounters.Snapshot wire,
    double windowS,
    long responderReplies,
    long responderKernelDrops,
    Recorded recorded,
    double toolCpuS,
    double responderCpuS,
    double otherCpuS,
    double load1m,
    int exitCode,
    double wallS,
    List<String> command)
{
    /**
     * @return probes per second that arrived on the internet side while the tool was sending.
     */
    public double sentPps()
    {
        return windowS > 0 ? wire.requestsIn() / windowS : 0;
    }

    /**
     * @return share of the responder's replies the tool recorded with a timestamp.
     */
    public double recordedShare()
    {
        return responderReplies > 0 ? (double)recorded.withTimestamp() / responderReplies : 0;
    }

    /**
     * @return share of the responder's replies the tool recorded with every NTP field correct.
     */
    public double correctShare()
    {
        return responderReplies > 0 ? (double)recorded.fieldsCorrect() / responderReplies : 0;
    }
}
