package org.timestudy.bench.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.testbed.junit.LabExtension;
import org.timestudy.testbed.lab.Lab;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head-to-head at one small rate, so that it cannot rot: every contender runs in a real lab, is counted on the
 * wire, and its output is read and checked. Needs root (skips without it, as every lab test does) and installs zmap
 * and masscan with apt-get when they are missing.
 */
@Tag("lab")
class HeadToHeadSmokeTest
{
    @TempDir
    Path dir;

    @BeforeAll
    static void needsRoot()
    {
        if (!Lab.isRoot())
        {
            System.err.println("HeadToHeadSmokeTest: " + LabExtension.SKIP_REASON);
            Assumptions.abort(LabExtension.SKIP_REASON);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldRunEveryContenderCountItOnTheWireAndCheckWhatItRecorded()
    {
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        final HeadToHead.Context ctx = new HeadToHead.Context()
            .rates(RateLadder.parse("20k"))
            .repeats(1)
            .secondsPerRun(0.5)
            .cooldownS(1)
            .targets("198.18.0.0/19")
            .loadGate(Double.NaN, 0)
            .labId(Lab.randomId())
            .workDir(dir)
            .output(new PrintStream(lines, true, StandardCharsets.UTF_8), System.err);
        final List<RunResult> runs = HeadToHead.run(ctx);
        final Map<String, RunResult> byTool = runs.stream().collect(Collectors.toMap(RunResult::contender, r -> r));
        assertThat(byTool.keySet()).containsExactlyInAnyOrder("timestudy", "timestudy-t1send", "zmap-ntp",
            "zmap-udp", "masscan");
        for (final RunResult r : runs)
        {
            assertThat(r.exitCode()).as("%s exit code", r.contender()).isZero();
            assertThat(r.wire().requestsIn()).as("%s probes on the wire", r.contender()).isEqualTo(8192);
            assertThat(r.wire().probesOut()).as("%s probes that left the scanner", r.contender()).isEqualTo(8192);
            assertThat(r.responderReplies()).as("%s replies (bench preset: every request answered)", r.contender())
                .isEqualTo(8192);
            assertThat(r.wire().repliesIn()).as("%s replies that reached the scanner", r.contender()).isEqualTo(8192);
            assertThat(r.sentPps()).as("%s sent pps", r.contender()).isPositive();
            assertThat(r.toolCpuS()).as("%s CPU", r.contender()).isPositive();
            assertThat(r.recorded().withTimestamp()).as("%s recorded", r.contender()).isPositive();
        }
        final RunResult ts = byTool.get("timestudy");
        assertThat(ts.recorded().withTimestamp()).as("timestudy journaled").isEqualTo(8192);
        assertThat(ts.recorded().fieldsCorrect()).as("timestudy fields correct").isEqualTo(8192);
        assertThat(ts.recorded().distinctHosts()).isEqualTo(8192);
        final RunResult sendClock = byTool.get("timestudy-t1send");
        assertThat(sendClock.recorded().withTimestamp()).as("timestudy --t1 send-clock journaled").isEqualTo(8192);
        assertThat(sendClock.recorded().fieldsCorrect()).as("timestudy --t1 send-clock fields correct").isEqualTo(8192);
        assertThat(byTool.get("zmap-udp").recorded().fieldsCorrect()).as("zmap -M udp payloads decoded and correct")
            .isPositive();

        final ResultsReport report = new ResultsReport(runs, ctx, "smoke");
        final String md = report.markdown();
        assertThat(md).contains("| 20k | timestudy |").contains("## Goals").contains("## Every run");
        assertThat(md.strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("max-pps ratio timestudy/zmap");
        assertThat(lines.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(5);
    }
}
