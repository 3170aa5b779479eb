package org.timestudy.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.query.ExampleQueries;
import org.timestudy.engine.cli.ExitCodes;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compact} and {@code query} through the top command: output, and exit code 2 with a one-line message for bad
 * input.
 */
class CompactQueryCommandsTest
{
    @TempDir
    Path dir;

    private final TopCommand cli = new TopCommand();

    @Test
    void shouldExitWithUsageWhenTheJournalIsMissingEmptyOrOfAnotherVersion() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertThat(cli.run("compact", "--journal", journal.toString(), "--out", dir.resolve("ds").toString()))
            .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("timestudy: no journal at").contains("does not exist");

        Journal.openForWrite(journal).close();
        assertThat(cli.run("compact", "--journal", journal.toString(), "--out", dir.resolve("ds").toString()))
            .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("is empty: it has no records yet");

        Files.writeString(journal.resolve(Journal.MARKER_FILE), "format=timestudy-journal/0\n");
        assertThat(cli.run("compact", "--journal", journal.toString(), "--out", dir.resolve("ds").toString()))
            .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("has format 'timestudy-journal/0', this version reads");
        assertThat(cli.err()).doesNotContain("\tat ");
    }

    @Test
    void shouldCompactThenQueryAsTableCsvAndJson() throws Exception
    {
        final Path journal = journalOfThreeReplies();
        final Path dataset = dir.resolve("dataset");

        assertThat(cli.run("compact", "--journal", journal.toString(), "--out", dataset.toString())).isZero();
        assertThat(cli.out()).contains("compacted journal", "3 NTP replies, 0 HTTP records, 0 ICMP unreachables");
        assertThat(cli.run("compact", "--journal", journal.toString(), "--out", dataset.toString())).isZero();
        assertThat(cli.out()).contains("is up to date with journal");

        assertThat(cli.run("query", "-d", dataset.toString(), "--csv", "SELECT count(*) AS n FROM observations"))
            .isZero();
        assertThat(cli.out()).isEqualTo("n\r\n3\r\n");
        assertThat(cli.run("query", "-d", dataset.toString(), "--json",
            "SELECT address, stratum FROM latest ORDER BY address")).isZero();
        assertThat(cli.out()).isEqualTo(
            "[\n{\"address\":\"192.0.2.1\",\"stratum\":2},\n{\"address\":\"192.0.2.2\",\"stratum\":2}\n]\n");
        assertThat(cli.run("query", "-d", dataset.toString(),
            "SELECT probe, count(*) AS n FROM observations GROUP BY 1")).isZero();
        assertThat(cli.out()).isEqualTo("probe  n\n-----  -\nntp    3\n(1 row)\n");
        for (final ExampleQueries.Example e : ExampleQueries.ALL)
        {
            assertThat(cli.run("query", "-d", dataset.toString(), e.sql())).as(e.name()).isZero();
        }
    }

    @Test
    void shouldExitWithUsageForBadSqlOrAMissingDataset() throws Exception
    {
        final Path dataset = dir.resolve("dataset");
        assertThat(cli.run("query", "-d", dataset.toString(), "SELECT 1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("no dataset at");

        assertThat(cli.run("compact", "--journal", journalOfThreeReplies().toString(), "--out", dataset.toString()))
            .isZero();
        assertThat(cli.run("query", "-d", dataset.toString(), "SELECT nope FROM observations"))
            .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("timestudy: query failed:").contains("nope");
        assertThat(cli.run("query", "--examples")).isZero();
        assertThat(cli.out()).contains("-- offset-bands:", "FROM latest");
    }

    private Path journalOfThreeReplies()
    {
        final Path journal = dir.resolve("journal");
        final long t4 = 1_795_780_800_000_000_000L;
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            for (int i = 0; i < 3; i++)
            {
                new NtpReplyFlyweight().wrap(a.buffer(), 0).header(1).targetAddress(0xC000_0201 + (i % 2))
                    .targetPort(123).sourcePort(40000).t1EpochNs(t4 + i - 10_000_000).t4EpochNs(t4 + i)
                    .firstByte(NtpFields.firstByte(0, 4, 4)).stratum(2).poll(6).precision(-20).refid(0x0A000001)
                    .receiveTimestamp(NtpTime.fromEpochNs(t4 + i - 5_000_000))
                    .transmitTimestamp(NtpTime.fromEpochNs(t4 + i - 5_000_000)).originTimestamp(1).payloadLength(48);
                a.append(NtpReplyFlyweight.LENGTH);
            }
        }
        return journal;
    }
}
