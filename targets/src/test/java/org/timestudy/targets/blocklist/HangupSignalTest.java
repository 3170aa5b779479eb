package org.timestudy.targets.blocklist;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.ChildJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process started with SIGHUP ignored (nohup) cannot be told to reload by SIGHUP: the JVM keeps the signal
 * ignored. The opt-out list must say so, not claim SIGHUP works.
 */
class HangupSignalTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void shouldReportThatSighupCannotReloadWhenTheProcessStartedWithItIgnored() throws Exception
    {
        assertThat(probe(true)).contains("SIGHUP is ignored in this process");
    }

    @Test
    @Timeout(60)
    void shouldReportNothingWhenSighupReachesTheProcess() throws Exception
    {
        Assumptions.assumeFalse(sighupIgnoredHere(),
            "this JVM was started with SIGHUP ignored (nohup?), and a child inherits that");
        assertThat(probe(false)).isEqualTo("null");
    }

    /** Runs {@link HangupProbe} in a child JVM, under a shell that ignores SIGHUP first when asked. */
    private String probe(final boolean ignoreHangup) throws IOException, InterruptedException
    {
        final Path file = Files.writeString(dir.resolve("optout.txt"), "192.0.2.1\n");
        final List<String> cmd = new ArrayList<>(List.of("sh", "-c",
            (ignoreHangup ? "trap '' HUP; " : "") + "exec \"$@\"", "sh"));
        cmd.addAll(ChildJvm.command(HangupProbe.class, file.toString()));
        final Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    /** Bit 0 of SigIgn in /proc/self/status is SIGHUP (signal 1). */
    private static boolean sighupIgnoredHere() throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
        {
            if (line.startsWith("SigIgn:"))
            {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 1) != 0;
            }
        }
        return false;
    }
}
