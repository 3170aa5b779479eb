package org.timestudy.cli;

import org.junit.jupiter.api.Test;
import org.timestudy.testbed.JvmOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chronicle Queue reaches an analytics host on the Internet unless told not to. Every way timestudy starts a JVM
 * must carry {@code -Dchronicle.analytics.disable=true}: this test checks each launch path, so losing the flag
 * anywhere fails the build.
 */
class JvmFlagsTest
{
    private static final String FLAG = JvmOptions.CHRONICLE_ANALYTICS_OFF;
    private static final Path REPO = Path.of(System.getProperty("timestudy.repo", "..")).toAbsolutePath();

    @Test
    void shouldRunTestsWithTheFlag()
    {
        // Surefire's argLine is ${timestudy.jvm.flags}.
        assertThat(System.getProperty("chronicle.analytics.disable")).isEqualTo("true");
    }

    @Test
    void shouldLaunchTheCliWithTheFlag() throws IOException
    {
        final String launcher = Files.readString(REPO.resolve("timestudy"));
        assertThat(launcher).contains("opts=\"$here/cli/target/classes/jvm.options\"");
        assertThat(launcher.lines().filter(l -> l.startsWith("exec java")).toList())
            .singleElement().asString().contains("$(cat \"$opts\")");
        final Path opts = REPO.resolve("cli/target/classes/jvm.options");
        assertThat(List.of(Files.readString(opts).trim().split("\\s+"))).contains(FLAG);
    }

    @Test
    void shouldStartChildJvmsWithTheFlag()
    {
        // The lab's simulated Internet and engines run by tests start through JvmOptions.javaCommand.
        assertThat(JvmOptions.javaCommand("x.Main", List.of())).contains(FLAG);
    }

    @Test
    void shouldForkJmhBenchmarksWithTheFlag() throws Exception
    {
        assertThat(org.timestudy.bench.JmhRunner.options().getJvmArgsAppend().get()).contains(FLAG);
    }

    @Test
    void shouldNotShipChronicleAnalytics()
    {
        assertThat(System.getProperty("java.class.path")).doesNotContain("chronicle-analytics");
    }
}
