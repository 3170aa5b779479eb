package org.timestudy.bench.e2e;

import org.timestudy.nativeio.EnvironmentNotReadyException;
import org.timestudy.testbed.lab.Exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The peer scanners, installed with apt-get by the benchmark alone when missing: timestudy itself never depends on
 * them. Their versions go into the results.
 */
public final class Peers
{
    private static final long INSTALL_TIMEOUT_MS = 600_000;

    private Peers()
    {
    }

    /**
     * Installs the Debian packages that are missing.
     *
     * @param packages e.g. {@code zmap}, {@code masscan}.
     * @throws EnvironmentNotReadyException when they cannot be installed.
     */
    public static void ensureInstalled(final List<String> packages)
    {
        final List<String> missing = new ArrayList<>();
        for (final String p : packages)
        {
            final Exec.Result r = Exec.run("dpkg-query", "-W", "-f=${Status}", p);
            if (!r.ok() || !r.stdout().contains("install ok installed"))
            {
                missing.add(p);
            }
        }
        if (missing.isEmpty())
        {
            return;
        }
        System.err.println("bench: installing the peers with apt-get: " + String.join(" ", missing));
        if (!aptGet(missing).ok())
        {
            Exec.run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "update", "-q"), INSTALL_TIMEOUT_MS);
            final Exec.Result r = aptGet(missing);
            if (!r.ok())
            {
                throw new EnvironmentNotReadyException("cannot install " + missing + " with apt-get: " + r.stderr());
            }
        }
    }

    private static Exec.Result aptGet(final List<String> packages)
    {
        final List<String> cmd = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get",
            "install", "-y", "-q", "--no-install-recommends"));
        cmd.addAll(packages);
        return Exec.run(cmd, INSTALL_TIMEOUT_MS);
    }

    /**
     * @return the installed versions of zmap and masscan, as their own {@code --version} prints them.
     */
    public static Map<String, String> versions()
    {
        return Map.of("zmap", firstLine(Exec.run("zmap", "--version")),
            "masscan", firstLine(Exec.run("masscan", "--version")));
    }

    private static String firstLine(final Exec.Result r)
    {
        final String text = (r.stdout() + "\n" + r.stderr()).trim();
        for (final String line : text.split("\n"))
        {
            if (!line.isBlank())
            {
                return line.trim();
            }
        }
        return "unknown";
    }
}
