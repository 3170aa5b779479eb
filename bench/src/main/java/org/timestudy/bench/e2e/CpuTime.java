package org.timestudy.bench.e2e;

import org.timestudy.testbed.lab.Exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time from {@code /proc}, in seconds: a process's own, a finished tool's through the shell that waited for it,
 * and the whole machine's busy time. One {@code parse} per {@code /proc} format.
 */
public final class CpuTime
{
    /** Marker of the line the {@link #wrap wrapping shell} prints to standard error with its own stat line. */
    public static final String MARKER = "timestudy-bench-cpu ";

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private CpuTime()
    {
    }

    /**
     * Wraps a command in a shell that runs it, waits for it, and prints its own {@code /proc/self/stat} line, whose
     * cutime and cstime then hold the CPU time of the command and every descendant it waited for.
     *
     * @param command the tool's command line.
     * @return the wrapped command line.
     */
    public static List<String> wrap(final List<String> command)
    {
        final List<String> all = new ArrayList<>(List.of("sh", "-c",
            "\"$@\"; rc=$?; read -r s < /proc/$$/stat; echo \"" + MARKER + "$s\" >&2; exit $rc", "sh"));
        all.addAll(command);
        return all;
    }

    /**
     * Finds the wrapping shell's stat line in a tool's output.
     *
     * @param output what the wrapped command printed.
     * @return CPU seconds of the waited-for children (user plus system), or NaN when the line is missing.
     */
    public static double childrenSecondsIn(final String output)
    {
        final int at = output.lastIndexOf(MARKER);
        if (at < 0)
        {
            return Double.NaN;
        }
        final int end = output.indexOf('\n', at);
        final String stat = output.substring(at + MARKER.length(), end < 0 ? output.length() : end);
        final String[] f = fieldsAfterComm(stat);
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
    }

    /**
     * @param pid a live process.
     * @return its CPU seconds so far (user plus system), or NaN when it is gone.
     */
    public static double processSeconds(final long pid)
    {
        try
        {
            final String[] f = fieldsAfterComm(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        }
        catch (final IOException ex)
        {
            return Double.NaN;
        }
    }

    /**
     * @return busy CPU seconds of the whole machine since boot (every CPU's time but idle and iowait).
     */
    public static double machineBusySeconds()
    {
        try
        {
            final String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            final String[] f = first.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++)
            {
                if (i != 4 && i != 5)
                {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the 1-minute load average.
     */
    public static double loadAverage1m()
    {
        try
        {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The fields of a stat line after {@code (comm)}, which may itself hold spaces and parentheses. */
    static String[] fieldsAfterComm(final String stat)
    {
        final int close = stat.lastIndexOf(')');
        return stat.substring(close + 1).trim().split("\\s+");
    }

    private static double ticksPerSecond()
    {
        final Exec.Result r = Exec.run("getconf", "CLK_TCK");
        try
        {
            return r.ok() ? Double.parseDouble(r.stdout().trim()) : 100;
        }
        catch (final NumberFormatException ex)
        {
            return 100;
        }
    }
}
