package org.timestudy.targets.blocklist;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.address.AddressList;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The opt-out list: addresses whose owners asked not to be probed, re-read while a scan runs. A reload happens on
 * SIGHUP or when the file changes (checked every {@value #DEFAULT_POLL_INTERVAL_MS} ms), well within one second.
 *
 * <p>Readers on the send path call {@link #isBlocked(int)}: one volatile read of an immutable {@link AddressList}
 * and a binary search, no lock, no allocation. The reloader parses the new file off the send path and swaps the
 * reference. A file that does not parse leaves the previous list in force; the failure is counted and kept in
 * {@link #lastError()}. A file that disappears empties nothing: the previous list stays.
 */
public final class OptOutList implements AutoCloseable
{
    /** How often the file's attributes are checked, in ms. */
    public static final long DEFAULT_POLL_INTERVAL_MS = 200;
    /** A file modified this recently is re-read on every poll (same-size rewrites within one timestamp tick). */
    static final long RACY_WINDOW_MS = 2_000;

    private final Path file;
    private final long pollIntervalMs;
    private final Runnable onHangup = this::requestReload;
    private final String hangupError;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failedReloads = new AtomicLong();

    private volatile AddressList current;
    private volatile boolean reloadRequested;
    private volatile String lastError;
    private AgentRunner runner;

    private long seenModifiedNs = Long.MIN_VALUE;
    private long seenSize = -1;
    private Object seenKey;
    private byte[] seenDigest = new byte[0];

    private OptOutList(final Path file, final long pollIntervalMs)
    {
        this.file = file;
        this.pollIntervalMs = pollIntervalMs;
        final String problem = check(true);
        if (problem != null)
        {
            throw new TargetInputException(problem);
        }
        this.hangupError = HangupSignal.register(onHangup);
    }

    /**
     * Reads the list and starts re-reading it on SIGHUP and on change, on a daemon thread of its own.
     *
     * @param file the opt-out list, in the address list format.
     * @return the running list.
     * @throws TargetInputException if the file is missing or malformed at start.
     */
    public static OptOutList watch(final Path file)
    {
        return watch(file, DEFAULT_POLL_INTERVAL_MS).start();
    }

    /**
     * Reads the list; nothing re-reads it until {@link #start()} or {@link #agent()} runs.
     *
     * @param file           the opt-out list.
     * @param pollIntervalMs how often to check the file for changes, in ms.
     * @return the list, not yet watched.
     */
    public static OptOutList watch(final Path file, final long pollIntervalMs)
    {
        if (pollIntervalMs < 1)
        {
            throw new IllegalArgumentException("poll interval must be at least 1 ms: " + pollIntervalMs);
        }
        return new OptOutList(file, pollIntervalMs);
    }

    /**
     * Runs {@link #agent()} on a daemon thread named {@code opt-out-reloader}.
     *
     * @return this.
     */
    public synchronized OptOutList start()
    {
        if (runner == null)
        {
            runner = new AgentRunner(new SleepingMillisIdleStrategy(10), Throwable::printStackTrace, null, agent());
            final Thread t = new Thread(runner, "opt-out-reloader");
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /**
     * The reloader as an agent, for a caller that runs it on its own thread (e.g. the engine's conductor).
     *
     * @return an agent that checks for SIGHUP each duty cycle and polls the file every poll interval.
     */
    public Agent agent()
    {
        return new Agent()
        {
            private long nextPollMs;

            @Override
            public int doWork()
            {
                final long nowMs = System.currentTimeMillis();
                if (reloadRequested || nowMs - nextPollMs >= 0)
                {
                    final boolean forced = reloadRequested;
                    reloadRequested = false;
                    nextPollMs = nowMs + pollIntervalMs;
                    check(forced);
                    return 1;
                }
                return 0;
            }

            @Override
            public String roleName()
            {
                return "opt-out-reloader";
            }
        };
    }

    /**
     * Asks the reloader to re-read the file now, as SIGHUP does.
     */
    public void requestReload()
    {
        reloadRequested = true;
    }

    /**
     * @param address an IPv4 address.
     * @return true if the current list holds it; lock-free and allocation-free.
     */
    public boolean isBlocked(final int address)
    {
        return current.ipv4().contains(address);
    }

    /**
     * @param address a 16-byte IPv6 address.
     * @return true if an IPv6 entry of the current list covers it.
     */
    public boolean isBlockedIpv6(final byte[] address)
    {
        return current.containsIpv6(address);
    }

    /**
     * @return the list in force.
     */
    public AddressList current()
    {
        return current;
    }

    /**
     * @return the file.
     */
    public Path file()
    {
        return file;
    }

    /**
     * @return successful loads after the first.
     */
    public long reloads()
    {
        return reloads.get();
    }

    /**
     * @return reloads that failed (the previous list stayed in force).
     */
    public long failedReloads()
    {
        return failedReloads.get();
    }

    /**
     * @return why the last failed reload failed, or null.
     */
    public String lastError()
    {
        return lastError;
    }

    /**
     * @return null if SIGHUP triggers reloads in this JVM, else why not (file changes still do).
     */
    public String hangupError()
    {
        return hangupError;
    }

    /** Stops the reloader thread (if {@link #start()} ran it) and stops listening for SIGHUP. */
    @Override
    public synchronized void close()
    {
        HangupSignal.unregister(onHangup);
        if (runner != null)
        {
            runner.close();
            runner = null;
        }
    }

    /**
     * Re-reads the file if it changed (or if forced), and swaps the list in when it parses.
     *
     * @return null, or what went wrong.
     */
    private String check(final boolean forced)
    {
        try
        {
            final BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            final long modifiedNs = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            final boolean racy = System.currentTimeMillis() - modifiedNs / 1_000_000 < RACY_WINDOW_MS;
            final boolean changed = modifiedNs != seenModifiedNs || attrs.size() != seenSize ||
                !Objects.equals(attrs.fileKey(), seenKey);
            if (!forced && !changed && !racy)
            {
                return null;
            }
            final byte[] bytes = Files.readAllBytes(file);
            seenModifiedNs = modifiedNs;
            seenSize = attrs.size();
            seenKey = attrs.fileKey();
            final byte[] digest = sha256(bytes);
            if (Arrays.equals(digest, seenDigest) && current != null)
            {
                return null;
            }
            final AddressList parsed = AddressList.parse(
                new StringReader(new String(bytes, StandardCharsets.UTF_8)), file.toString());
            seenDigest = digest;
            // Count before publishing: whoever sees the new list also sees it counted.
            if (current != null)
            {
                reloads.incrementAndGet();
            }
            current = parsed;
            return null;
        }
        catch (final NoSuchFileException ex)
        {
            return failed("opt-out list file is missing: " + file + " (the previous list stays in force)");
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            return failed(ex.getMessage() + " (opt-out list " + file + " not reloaded; the previous list stays in force)");
        }
    }

    private String failed(final String why)
    {
        if (current != null)
        {
            failedReloads.incrementAndGet();
        }
        lastError = why;
        return why;
    }

    private static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is in every JDK", ex);
        }
    }
}
