package org.timestudy.testbed.lab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent witness of what crossed the lab's veth: tcpdump on the internet side, writing a pcap file. Tests
 * and benchmarks count packets per destination from it, not from the engine's own counters.
 */
public final class WireCapture implements AutoCloseable
{
    private final Process process;
    private final Path file;
    private final Path log;

    private WireCapture(final Process process, final Path file, final Path log)
    {
        this.process = process;
        this.file = file;
        this.log = log;
    }

    /**
     * Starts capturing on the internet side of a lab.
     *
     * @param lab    the lab.
     * @param filter pcap filter, e.g. {@code udp dst port 123}.
     * @param file   pcap file to write.
     * @return the running capture (ready when this returns).
     */
    public static WireCapture start(final Lab lab, final String filter, final Path file)
    {
        final List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", lab.layout().internetNamespace(),
            // Immediate mode: no TPACKET_V3 blocks, so nothing waits in a half-filled block when tcpdump stops.
            "tcpdump", "-i", lab.layout().internetInterface(), "-n", "-U", "--immediate-mode", "-B", "131072",
            "-s", "128",
            "--time-stamp-precision=nano", "-w", file.toString()));
        cmd.addAll(List.of(filter.split(" ")));
        try
        {
            final Path log = Files.createTempFile("timestudy-tcpdump", ".log");
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null")).start();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(log).contains("listening on"))
            {
                if (!p.isAlive() || System.nanoTime() - deadline > 0)
                {
                    p.destroyForcibly();
                    throw new IllegalStateException("tcpdump did not start: " + Files.readString(log));
                }
                Thread.sleep(20);
            }
            return new WireCapture(p, file, log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @return the pcap file.
     */
    public Path file()
    {
        return file;
    }

    /**
     * Stops capturing (tcpdump flushes the file and prints its counts).
     *
     * @return frames tcpdump says the kernel dropped before it could read them: a witness that dropped frames
     *         cannot prove what did not arrive.
     */
    public long stop()
    {
        return stopAndCount()[1];
    }

    /**
     * Stops capturing.
     *
     * @return {frames tcpdump captured, frames it says the kernel dropped}.
     */
    public long[] stopAndCount()
    {
        if (process.isAlive())
        {
            process.destroy();
            try
            {
                if (!process.waitFor(10, TimeUnit.SECONDS))
                {
                    process.destroyForcibly().waitFor();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        try
        {
            final String text = Files.readString(log);
            final java.util.regex.Matcher dropped = java.util.regex.Pattern
                .compile("(\\d+) packets dropped by kernel").matcher(text);
            final java.util.regex.Matcher captured = java.util.regex.Pattern.compile("(\\d+) packets captured")
                .matcher(text);
            if (!dropped.find() || !captured.find())
            {
                throw new IllegalStateException("tcpdump printed no counts: " + text);
            }
            return new long[] {Long.parseLong(captured.group(1)), Long.parseLong(dropped.group(1))};
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Stops capturing if still running, and removes the log. */
    @Override
    public void close()
    {
        stop();
        try
        {
            Files.deleteIfExists(log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
