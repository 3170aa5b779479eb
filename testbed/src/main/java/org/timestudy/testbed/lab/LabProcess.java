package org.timestudy.testbed.lab;

import org.timestudy.testbed.JvmOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A timestudy JVM run inside one of a lab's namespaces (the engine in the scanner namespace, the simulated
 * Internet in the internet one), with the project's JVM flags. Its output goes to a log file.
 */
public final class LabProcess implements AutoCloseable
{
    private final Process process;
    private final Path log;

    private LabProcess(final Process process, final Path log)
    {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a main class in a namespace with this JVM's class path.
     *
     * @param namespace network namespace.
     * @param mainClass class to run.
     * @param args      its arguments.
     * @return the running process.
     */
    public static LabProcess start(final String namespace, final String mainClass, final List<String> args)
    {
        final List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(JvmOptions.javaCommand(mainClass, args));
        try
        {
            final Path log = Files.createTempFile("timestudy-lab-process", ".log");
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null")).start();
            return new LabProcess(p, log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Runs the engine's {@code scan} command in a lab's scanner namespace and waits for it.
     *
     * @param lab       the lab.
     * @param args      scan arguments.
     * @param timeoutMs how long it may take.
     * @return the finished process.
     */
    public static LabProcess scan(final Lab lab, final List<String> args, final long timeoutMs)
    {
        final LabProcess p = start(lab.layout().scannerNamespace(), "org.timestudy.engine.cli.ScanCommand", args);
        p.await(timeoutMs);
        return p;
    }

    /**
     * @return the process.
     */
    public Process process()
    {
        return process;
    }

    /**
     * Waits for the process to exit.
     *
     * @param timeoutMs how long.
     * @return its exit code.
     * @throws IllegalStateException if it did not exit in time (it is then killed).
     */
    public int await(final long timeoutMs)
    {
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("lab process did not finish in " + timeoutMs + " ms:\n" + output());
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @return everything it printed so far.
     */
    public String output()
    {
        try
        {
            return Files.readString(log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends a signal by name (e.g. {@code KILL}, {@code INT}, {@code USR1}). The JVM is a child of
     * {@code ip netns exec}, which execs it, so the pid is the JVM's.
     *
     * @param signal signal name.
     */
    public void signal(final String signal)
    {
        Exec.run("kill", "-" + signal, Long.toString(process.pid()));
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
        }
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
