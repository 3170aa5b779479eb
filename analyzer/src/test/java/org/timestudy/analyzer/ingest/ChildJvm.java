package org.timestudy.analyzer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a test main class in a child JVM with this JVM's class path and flags (Surefire's argLine, which is the
 * parent pom's timestudy.jvm.flags), so a test can kill it with SIGKILL.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    static Process start(final Class<?> mainClass, final Path log, final String... args)
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!arg.startsWith("-javaagent") && !arg.startsWith("-agentlib"))
            {
                cmd.add(arg);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        try
        {
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Kills with SIGKILL (Process.destroyForcibly on Linux) and waits for the process to be gone. */
    static void kill9(final Process p) throws InterruptedException
    {
        p.destroyForcibly();
        p.waitFor();
    }
}
