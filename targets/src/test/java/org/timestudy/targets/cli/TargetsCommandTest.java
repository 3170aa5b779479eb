package org.timestudy.targets.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.names.NtpServerListPageTest;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldCountTheDefaultSpace()
    {
        assertThat(run("--count")).isZero();
        assertThat(out.toString()).isEqualTo(String.format("%,d%n", 3_702_258_432L));
        assertThat(err.toString()).contains("using 0.0.0.0/0").contains("592,708,864 blocked");
    }

    @Test
    void shouldCountTargetsTimesPortsWithoutTheDefaultBlocklistOnlyWhenToldLoudly()
    {
        assertThat(run("--count", "--no-default-blocklist", "-p", "123,80", "198.18.0.0/15")).isZero();
        assertThat(out.toString().trim()).isEqualTo("262,144");
        assertThat(err.toString()).contains("WARNING: --no-default-blocklist");
    }

    @Test
    void shouldListEachShardSoThatTheShardsTogetherListTheSpaceOnce()
    {
        final Set<String> all = new HashSet<>();
        int lines = 0;
        for (int shard = 0; shard < 3; shard++)
        {
            for (int thread = 0; thread < 2; thread++)
            {
                out.getBuffer().setLength(0);
                assertThat(run("--list", "--seed", "7", "--shards", "3", "--shard", "" + shard, "--threads", "2",
                    "--thread", "" + thread, "192.0.2.0/24", "198.51.100.0/26", "--no-default-blocklist")).isZero();
                for (final String line : out.toString().split("\n"))
                {
                    all.add(line);
                    lines++;
                }
            }
        }
        assertThat(lines).isEqualTo(320);
        assertThat(all).hasSize(320).contains("192.0.2.0", "198.51.100.63");
    }

    @Test
    void shouldListTheSameOrderForTheSameSeed()
    {
        run("--list", "--seed", "9", "--max-targets", "20", "10.0.0.0/8", "--no-default-blocklist");
        final String first = out.toString();
        out.getBuffer().setLength(0);
        run("--list", "--seed", "9", "--max-targets", "20", "10.0.0.0/8", "--no-default-blocklist");
        assertThat(out.toString()).isEqualTo(first);
        assertThat(first.split("\n")).hasSize(20);
    }

    @Test
    void shouldExitWithUsageAndNameTheLineOnBadInput() throws Exception
    {
        final Path bad = Files.writeString(dir.resolve("targets.txt"), "192.0.2.0/24\nnot-an-address\n");
        assertThat(run("--count", "-I", bad.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(bad + ":2: not an IPv4 address, CIDR or range: 'not-an-address'");
        assertThat(run("--count", "--list")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--resolve", bad.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--dns-server");
    }

    @Test
    void shouldPrintNtpServerListRows()
    {
        final Path page = NtpServerListPageTest.fixture("StratumOneTimeServers.html");
        assertThat(run("--ntp-list", page.toString())).isZero();
        final String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(325);
        assertThat(lines[1]).isEqualTo(String.join("\t", "1", "254", "nairobi", "", "nairobi", "OPEN", "yes",
            "2014-09-08T11:22:30Z", "http://support.ntp.org/bin/view/Servers/PublicTimeServer001123"));
    }

    private int run(final String... args)
    {
        final CommandLine cl = TargetsCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
