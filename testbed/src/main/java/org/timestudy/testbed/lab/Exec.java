package org.timestudy.testbed.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion and returns what it printed. The lab's only way to run {@code ip},
 * {@code nft} and the clients that check the servers.
 */
public final class Exec
{
    /** Default time a command may take. */
    public static final long DEFAULT_TIMEOUT_MS = 30_000;

    private Exec()
    {
    }

    /**
     * Outcome of a command.
     *
     * @param command what ran.
     * @param exitCode its exit code, or -1 when it timed out.
     * @param stdout   standard output.
     * @param stderr   standard error.
     */
    public record Result(List<String> command, int exitCode, String stdout, String stderr)
    {
        /**
         * @return true when the command exited with 0.
         */
        public boolean ok()
        {
            return exitCode == 0;
        }

        /**
         * @return this, or an exception that quotes the command and its error output.
         */
        public Result check()
        {
            if (!ok())
            {
                throw new IllegalStateException(
                    "command failed (" + exitCode + "): " + String.join(" ", command) + "\n" + stderr + stdout);
            }
            return this;
        }
    }

    /**
     * Runs a command with the default timeout.
     *
     * @param command program and arguments.
     * @return its result, whatever the exit code.
     */
    public static Result run(final String... command)
    {
        return run(Arrays.asList(command), DEFAULT_TIMEOUT_MS);
    }

    /**
     * Runs a command; fails if it does not exit with 0.
     *
     * @param command program and arguments.
     * @return its result.
     */
    public static Result check(final String... command)
    {
        return run(command).check();
    }

    /**
     * Runs a command.
     *
     * @param command   program and arguments.
     * @param timeoutMs after which it is killed.
     * @return its result, whatever the exit code.
     */
    public static Result run(final List<String> command, final long timeoutMs)
    {
        Path out = null;
        Path err = null;
        try
        {
            out = Files.createTempFile("timestudy-exec", ".out");
            err = Files.createTempFile("timestudy-exec", ".err");
            final Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            int code = -1;
            if (p.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                code = p.exitValue();
            }
            else
            {
                p.destroyForcibly().waitFor();
            }
            return new Result(List.copyOf(command), code,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            return new Result(List.copyOf(command), 127, "", ex.getMessage());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, ex);
        }
        finally
        {
            delete(out);
            delete(err);
        }
    }

    /**
     * @param program name of a program.
     * @return true when it is on the PATH (or an executable path).
     */
    public static boolean available(final String program)
    {
        if (program.contains("/"))
        {
            return Files.isExecutable(Path.of(program));
        }
        for (final String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
        {
            if (Files.isExecutable(Path.of(dir, program)))
            {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program)) || Files.isExecutable(Path.of("/sbin", program));
    }

    static List<String> concat(final List<String> a, final List<String> b)
    {
        final List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void delete(final Path p)
    {
        if (p != null)
        {
            try
            {
                Files.deleteIfExists(p);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
