package org.timestudy.analyzer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a test main class in a child JVM (the command line of the targets tests' {@link
 * org.timestudy.targets.ChildJvm}: this JVM's class path and flags), output to a log, so a test can kill it with
 * SIGKILL.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    static Process start(final Class<?> mainClass, final Path log, final String... args)
    {
        final List<String> cmd = org.timestudy.targets.ChildJvm.command(mainClass, args);
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
