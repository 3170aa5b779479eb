package org.timestudy.targets;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a test main class in a child JVM with this JVM's class path and flags (Surefire's
 * argLine, the parent pom's timestudy.jvm.flags), for tests that kill it or start it in another environment.
 */
public final class ChildJvm
{
    private ChildJvm()
    {
    }

    /**
     * @param mainClass the class whose main to run.
     * @param args      its arguments.
     * @return java, the flags, the class path, the class and its arguments.
     */
    public static List<String> command(final Class<?> mainClass, final String... args)
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
        return cmd;
    }
}
