package org.timestudy.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.engine.cli.ExitCodes;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze} through the top command: the summary, the views {@code query} then has, and exit code 2 with one
 * line for a missing dataset, a dataset without observations, and a query of the verdicts before any analysis.
 */
class AnalyzeCommandTest
{
    private static final long T0 = 1_795_780_800_000_000_000L;
    private static final long MINUTE_NS = 60_000_000_000L;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldAnalyzeACompactedScanAndLetQueryReadTheVerdicts()
    {
        final Path dataset = dir.resolve("dataset");
        assertThat(run("compact", "--journal", journal().toString(), "--out", dataset.toString())).isZero();
        assertThat(run("query", "-d", dataset.toString(), "SELECT * FROM verdicts")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("timestudy: query failed: no analysis in").doesNotContain("\tat ");

        // Two hosts over 20 minutes of rounds: under a survey's 24 h, so INSUFFICIENT without the lab preset.
        assertThat(run("analyze", dataset.toString())).isZero();
        assertThat(out.toString()).contains("2 series from 40 observation rows")
            .containsPattern("INSUFFICIENT +2 +100.0");
        assertThat(run("analyze", "--lab", dataset.toString())).isZero();
        assertThat(out.toString()).contains(">= 10 points over >= 60.0 s, burst window 1.0 s, DRIFT from 100 ppm, OFFSET within +-500 ppm (lab",
            "wrote verdicts 2, changes 0").containsPattern("SYNCED +1 +50.0").containsPattern("OFFSET +1 +50.0")
            .containsPattern("> 1 h +1 +50.0").containsPattern("192.0.2.2 +ntp +OFFSET +2.00 h");
        assertThat(run("query", "-d", dataset.toString(), "--csv",
            "SELECT address, class, sub_tags, points FROM verdicts ORDER BY address")).isZero();
        assertThat(out.toString()).isEqualTo("address,class,sub_tags,points\r\n192.0.2.1,SYNCED,,20\r\n" +
            "192.0.2.2,OFFSET,TZ,20\r\n");
    }

    @Test
    void shouldExitWithUsageForAMissingDatasetOrOneWithoutObservations()
    {
        assertThat(run("analyze", dir.resolve("nothing").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("timestudy: no dataset at").contains("run ./timestudy compact");
        assertThat(run("analyze", "--min-span-s", "-1", dir.resolve("nothing").toString()))
            .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--min-span-s must be between 0 and 1e9 seconds");
        assertThat(run("analyze", "--memory-limit", "lots", dir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("memory limit must look like 512MB or 2GB");
    }

    private int run(final String... args)
    {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        final CommandLine cl = Timestudy.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** 20 rounds a minute apart: a synced host and one two hours ahead. */
    private Path journal()
    {
        final Path journal = dir.resolve("journal");
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            for (int r = 0; r < 20; r++)
            {
                for (int h = 0; h < 2; h++)
                {
                    final long t1 = T0 + r * MINUTE_NS + h * 1_000_000L;
                    final long remote = t1 + 5_000_000L + h * 7_200_000_000_000L + (r % 3) * 100_000L;
                    new NtpReplyFlyweight().wrap(a.buffer(), 0).header(1).targetAddress(0xC000_0201 + h)
                        .targetPort(123).sourcePort(40000).t1EpochNs(t1).t4EpochNs(t1 + 10_000_000L)
                        .flags(RecordFlags.T1_FROM_CAPTURE).firstByte(NtpFields.firstByte(0, 4, 4)).stratum(2)
                        .poll(6).precision(-20).refid(0x0A000001).receiveTimestamp(NtpTime.fromEpochNs(remote))
                        .transmitTimestamp(NtpTime.fromEpochNs(remote + 10_000)).originTimestamp(1 + r)
                        .payloadLength(48);
                    a.append(NtpReplyFlyweight.LENGTH);
                }
            }
        }
        return journal;
    }
}
