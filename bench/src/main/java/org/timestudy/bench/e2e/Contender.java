package org.timestudy.bench.e2e;

import java.io.IOException;
import java.util.List;

/**
 * A scanner in the head-to-head: how to run it for a {@link RunPlan} inside the lab's scanner namespace, and how to
 * read what it recorded. Implementations write their configuration files into the plan's directory and never aim
 * at anything but the plan's targets, which lie inside the lab's simulated space.
 */
public interface Contender
{
    /**
     * @return stable short name, e.g. {@code zmap-udp}.
     */
    String key();

    /**
     * @return what it is, for tables, e.g. {@code zmap 2.1.1 -M udp (mode-3 payload)}.
     */
    String label();

    /**
     * @return false when the tool cannot be made to probe each target several times in one run; its runs then
     *         probe each target once and are as short as the target count allows at the rate.
     */
    default boolean repeatsTargets()
    {
        return true;
    }

    /**
     * Prepares a run (configuration files) and returns the command line to run in the scanner namespace.
     *
     * @param plan the run.
     * @return program and arguments.
     * @throws IOException when a file cannot be written.
     */
    List<String> command(RunPlan plan) throws IOException;

    /**
     * Reads what the tool recorded in a finished run.
     *
     * @param plan  the run.
     * @param check the truth to judge NTP fields by.
     * @return its recorded replies.
     * @throws IOException when its output cannot be read.
     */
    Recorded read(RunPlan plan, ReplyCheck check) throws IOException;
}
