package org.timestudy.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * When probes were arriving on the internet side: samples the packets the internet end of the veth has received
 * ({@code /proc/<pid>/net/dev} of a process in the internet namespace, the simulated Internet's) every
 * {@link #INTERVAL_NS}, on its own thread, and finds the first and last interval in which the count moved. Dividing
 * the wire count by that window gives the rate a scanner really sent at, start-up and tail included.
 */
public final class SendWindow implements AutoCloseable
{
    /** Sampling interval, ns. */
    public static final long INTERVAL_NS = 5_000_000L;

    private final Path netDev;
    private final String interfaceName;
    private final Thread thread;
    private long[] timesNs = new long[4096];
    private long[] packets = new long[4096];
    private int samples;
    private volatile boolean running = true;

    private SendWindow(final long pid, final String interfaceName)
    {
        this.netDev = Path.of("/proc", Long.toString(pid), "net", "dev");
        this.interfaceName = interfaceName;
        this.thread = new Thread(this::run, "send-window");
        this.thread.setDaemon(true);
    }

    /**
     * Starts sampling.
     *
     * @param pid           a process in the namespace of the interface.
     * @param interfaceName the interface.
     * @return the running sampler.
     */
    public static SendWindow start(final long pid, final String interfaceName)
    {
        final SendWindow w = new SendWindow(pid, interfaceName);
        w.sample();
        w.thread.start();
        return w;
    }

    private void run()
    {
        long next = System.nanoTime();
        while (running)
        {
            next += INTERVAL_NS;
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            sample();
        }
    }

    private void sample()
    {
        final long t = System.nanoTime();
        final long rx = receivedPackets();
        synchronized (this)
        {
            if (samples == timesNs.length)
            {
                timesNs = Arrays.copyOf(timesNs, samples * 2);
                packets = Arrays.copyOf(packets, samples * 2);
            }
            timesNs[samples] = t;
            packets[samples] = rx;
            samples++;
        }
    }

    /**
     * @return packets received on the interface so far.
     */
    long receivedPackets()
    {
        try
        {
            return parseReceivedPackets(Files.readString(netDev), interfaceName);
        }
        catch (final IOException ex)
        {
            return samples == 0 ? 0 : packets[samples - 1];
        }
    }

    /**
     * Reads an interface's received-packets column from {@code /proc/net/dev} text.
     *
     * @param text          the file's content.
     * @param interfaceName the interface.
     * @return its received packets.
     * @throws IllegalArgumentException when the interface is not listed.
     */
    static long parseReceivedPackets(final String text, final String interfaceName)
    {
        for (final String line : text.split("\n"))
        {
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(interfaceName))
            {
                final String[] f = line.substring(colon + 1).trim().split("\\s+");
                return Long.parseLong(f[1]);
            }
        }
        throw new IllegalArgumentException("interface " + interfaceName + " not in /proc/net/dev");
    }

    /**
     * Stops sampling.
     */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(1000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    /**
     * The window in which the count moved: from the middle of the interval before the first rise to the middle of
     * the interval of the last rise, so that a window measured at sampling interval {@code i} is off by at most
     * {@code i} on either side.
     *
     * @param ignoreBelow rises of fewer packets per interval than this are not sending (stray frames).
     * @return the window, ns, or 0 if nothing arrived.
     */
    public synchronized long windowNs(final long ignoreBelow)
    {
        int first = -1;
        int last = -1;
        for (int i = 1; i < samples; i++)
        {
            if (packets[i] - packets[i - 1] >= ignoreBelow)
            {
                if (first < 0)
                {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0)
        {
            return 0;
        }
        final long start = first >= 1 ? (timesNs[first - 1] + timesNs[first]) / 2 : timesNs[first];
        final long end = last >= 1 ? (timesNs[last - 1] + timesNs[last]) / 2 : timesNs[last];
        return Math.max(end - start, INTERVAL_NS);
    }
}
