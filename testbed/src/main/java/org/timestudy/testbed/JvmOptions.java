package org.timestudy.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The project's JVM flags (the parent pom's {@code timestudy.jvm.flags}, filtered into a resource), and the one way
 * to build the command line of a child JVM: the lab's simulated Internet, engines run by tests, JMH forks.
 */
public final class JvmOptions
{
    /** The flag that stops Chronicle Queue from reaching its analytics host. Every JVM must carry it. */
    public static final String CHRONICLE_ANALYTICS_OFF = "-Dchronicle.analytics.disable=true";

    private JvmOptions()
    {
    }

    /**
     * @return the flags every timestudy JVM starts with.
     */
    public static List<String> flags()
    {
        try (InputStream in = JvmOptions.class.getResourceAsStream("jvm.options"))
        {
            final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            final List<String> flags = new ArrayList<>(Arrays.asList(text.split("\\s+")));
            if (!flags.contains(CHRONICLE_ANALYTICS_OFF))
            {
                throw new IllegalStateException("jvm.options lost " + CHRONICLE_ANALYTICS_OFF);
            }
            return flags;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A command line that runs {@code mainClass} in a new JVM with this JVM's class path and the project's flags.
     *
     * @param mainClass to run.
     * @param args      its arguments.
     * @return the command line.
     */
    public static List<String> javaCommand(final String mainClass, final List<String> args)
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
