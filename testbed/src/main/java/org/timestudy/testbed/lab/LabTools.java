package org.timestudy.testbed.lab;

import org.timestudy.nativeio.EnvironmentNotReadyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the programs the lab runs are, found once. {@link #locate()} fails with the list of what is missing and the
 * command that installs it.
 *
 * @param ip           iproute2's ip.
 * @param nft          nftables.
 * @param setpriv      util-linux setpriv (drops CAP_SYS_TIME from every daemon).
 * @param chronyd      chrony's daemon.
 * @param ntpd         ntpsec's daemon, unpacked privately.
 * @param ntpdig       ntpsec's client.
 * @param ntpsecPython ntpsec's Python library directory (for ntpdig).
 * @param nginx        nginx.
 * @param dnsmasq      dnsmasq.
 * @param libfaketime  libfaketime's shared library.
 * @param gcc          C compiler for the timestamping shim.
 * @param openssl      for the HTTPS servers' self-signed certificate.
 */
public record LabTools(
    String ip,
    String nft,
    String setpriv,
    String chronyd,
    String ntpd,
    String ntpdig,
    String ntpsecPython,
    String nginx,
    String dnsmasq,
    String libfaketime,
    String gcc,
    String openssl)
{
    /** System property naming where ntpsec was unpacked; the launcher sets it. */
    public static final String NTPSEC_PROP_NAME = "timestudy.ntpsec";
    /** Default place of the unpacked ntpsec. */
    public static final String NTPSEC_DEFAULT = "/opt/timestudy/ntpsec";

    /**
     * @return the tools.
     * @throws EnvironmentNotReadyException listing what is missing.
     */
    public static LabTools locate()
    {
        final List<String> missing = new ArrayList<>();
        final String ntpsec = System.getProperty(NTPSEC_PROP_NAME, NTPSEC_DEFAULT);
        final LabTools tools = new LabTools(
            find("ip", missing),
            find("nft", missing),
            find("setpriv", missing),
            find("chronyd", missing),
            file(ntpsec + "/usr/sbin/ntpd", missing),
            file(ntpsec + "/usr/bin/ntpdig", missing),
            file(ntpsec + "/usr/lib/python3/dist-packages", missing),
            find("nginx", missing),
            find("dnsmasq", missing),
            libfaketime(missing),
            find("gcc", missing),
            find("openssl", missing));
        if (!missing.isEmpty())
        {
            throw new EnvironmentNotReadyException("the lab needs " + String.join(", ", missing) +
                ". Run `sudo ./timestudy setup` (Debian/Ubuntu) to install them.");
        }
        return tools;
    }

    /**
     * @return the command prefix that runs ntpsec's ntpdig client.
     */
    public List<String> ntpdigCommand()
    {
        return List.of("env", "PYTHONPATH=" + ntpsecPython, "python3", ntpdig);
    }

    private static String find(final String program, final List<String> missing)
    {
        for (final String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"))
        {
            final Path p = Path.of(dir, program);
            if (Files.isExecutable(p))
            {
                return p.toString();
            }
        }
        missing.add(program);
        return null;
    }

    private static String file(final String path, final List<String> missing)
    {
        if (Files.exists(Path.of(path)))
        {
            return path;
        }
        missing.add(path);
        return null;
    }

    private static String libfaketime(final List<String> missing)
    {
        for (final String dir : List.of("/usr/lib", "/usr/lib64", "/usr/local/lib"))
        {
            final Path root = Path.of(dir);
            if (!Files.isDirectory(root))
            {
                continue;
            }
            try (Stream<Path> s = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("libfaketime.so.1")))
            {
                final var found = s.findFirst();
                if (found.isPresent())
                {
                    return found.get().toString();
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        missing.add("libfaketime.so.1 (package libfaketime)");
        return null;
    }
}
