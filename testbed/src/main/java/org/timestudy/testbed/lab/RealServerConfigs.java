package org.timestudy.testbed.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the configuration of each real server and says how to start it. Every daemon runs in the foreground inside
 * the internet namespace, never touches the system clock, and keeps all its files in the lab's state directory.
 */
final class RealServerConfigs
{
    /**
     * A tiny LD_PRELOAD shim that refuses SO_TIMESTAMP, SO_TIMESTAMPNS and SO_TIMESTAMPING. libfaketime fakes the
     * clock calls but not the kernel's receive timestamps; chronyd mixes both, which halves a faked sub-second offset
     * and makes its delay negative. Without kernel timestamps it reads only the faked clock.
     */
    static final String NO_TIMESTAMP_SHIM_C = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <errno.h>
        #include <sys/socket.h>
        /* SO_TIMESTAMP(NS|ING) in both their old (29, 35, 37) and y2038 (63, 64, 65) numbers. */
        static int refused(int level, int name) {
          return level == SOL_SOCKET && (name == 29 || name == 35 || name == 37 || name == 63 || name == 64
              || name == 65);
        }
        int setsockopt(int fd, int level, int name, const void *val, socklen_t len) {
          static int (*real)(int, int, int, const void *, socklen_t);
          if (refused(level, name)) { errno = ENOPROTOOPT; return -1; }
          if (!real) real = (int (*)(int, int, int, const void *, socklen_t)) dlsym(RTLD_NEXT, "setsockopt");
          return real(fd, level, name, val, len);
        }
        """;

    private final LabTools tools;
    private final Path dir;
    private final Path shim;
    private final Path cert;
    private final Path key;
    private List<String> extraHosts = List.of();

    RealServerConfigs(final LabTools tools, final Path dir)
    {
        this.tools = tools;
        this.dir = dir;
        this.shim = dir.resolve("notimestamp.so");
        this.cert = dir.resolve("cert.pem");
        this.key = dir.resolve("key.pem");
    }

    /** Builds the shim and the lab's self-signed certificate. */
    void prepare()
    {
        final Path src = write("notimestamp.c", NO_TIMESTAMP_SHIM_C);
        Exec.check(tools.gcc(), "-shared", "-fPIC", "-O2", "-o", shim.toString(), src.toString(), "-ldl");
        Exec.check(tools.openssl(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
            "-out", cert.toString(), "-days", "3650", "-subj", "/CN=*." + LabLayout.ZONE);
    }

    /**
     * @param lines more "address name" lines for dnsmasq (the simulated Internet's names).
     */
    void extraHosts(final List<String> lines)
    {
        this.extraHosts = List.copyOf(lines);
    }

    ServerLaunch launch(final ServerSpec s, final List<ServerSpec> all, final List<String[]> cnames)
    {
        return switch (s.kind())
        {
            case CHRONY -> chrony(s);
            case NTPSEC -> ntpsec(s);
            case NGINX -> nginx(s);
            case DNSMASQ -> dnsmasq(s, all, cnames);
        };
    }

    private ServerLaunch chrony(final ServerSpec s)
    {
        final Path conf = write(s.name() + ".conf", String.join("\n",
            "# timestudy lab: " + s.name(),
            "bindaddress " + s.address(),
            "port 123",
            "cmdport 0",
            "bindcmdaddress /",
            "allow all",
            "local stratum " + s.stratum(),
            "pidfile " + dir.resolve(s.name() + ".pid"),
            ""));
        final Map<String, String> env = fakeEnv(s.clock(), tools.libfaketime() + ":" + shim);
        return new ServerLaunch(List.of(tools.chronyd(), "-x", "-d", "-u", "root", "-f", conf.toString()), env,
            List.of("udp:" + s.address() + ":123"));
    }

    private ServerLaunch ntpsec(final ServerSpec s)
    {
        final Path conf = write(s.name() + ".conf", String.join("\n",
            "# timestudy lab: " + s.name() + " (orphan mode: serves without upstream sources)",
            "interface ignore wildcard",
            "interface listen " + s.address(),
            "tos orphan " + s.stratum(),
            "tos orphanwait 0",
            "driftfile " + dir.resolve(s.name() + ".drift"),
            ""));
        return new ServerLaunch(List.of(tools.ntpd(), "-n", "-c", conf.toString(), "-p",
            dir.resolve(s.name() + ".pid").toString()), Map.of(), List.of("udp:" + s.address() + ":123"));
    }

    private ServerLaunch nginx(final ServerSpec s)
    {
        final Path root = dir.resolve(s.name());
        mkdirs(root);
        final Path conf = write(s.name() + ".nginx.conf", String.join("\n",
            "# timestudy lab: " + s.name(),
            "daemon off;",
            "master_process on;",
            "worker_processes 1;",
            "pid " + root.resolve("nginx.pid") + ";",
            "error_log " + root.resolve("error.log") + " warn;",
            // nginx clears its workers' environment: without these the faked clock reverts after ~10 s.
            "env LD_PRELOAD; env FAKETIME; env FAKETIME_DONT_FAKE_MONOTONIC; env TZ;",
            "events { worker_connections 1024; }",
            "http {",
            "  access_log off;",
            "  server_tokens on;",
            "  client_body_temp_path " + root.resolve("body") + ";",
            "  proxy_temp_path " + root.resolve("proxy") + ";",
            "  fastcgi_temp_path " + root.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + root.resolve("uwsgi") + ";",
            "  scgi_temp_path " + root.resolve("scgi") + ";",
            "  server {",
            // reuseport: the simulated Internet's wildcard listener on 80/443 may share the ports (more specific
            // bindings, these, still win for their addresses).
            "    listen " + s.address() + ":80 reuseport;",
            "    listen " + s.address() + ":443 ssl reuseport;",
            "    ssl_certificate " + cert + ";",
            "    ssl_certificate_key " + key + ";",
            "    location / { return 200 \"timestudy lab server " + s.name() + "\\n\"; }",
            "  }",
            "}",
            ""));
        final Map<String, String> env = fakeEnv(s.clock(), tools.libfaketime());
        return new ServerLaunch(List.of(tools.nginx(), "-c", conf.toString(), "-p", root.toString()), env,
            List.of("tcp:" + s.address() + ":80", "tcp:" + s.address() + ":443"));
    }

    private ServerLaunch dnsmasq(final ServerSpec s, final List<ServerSpec> all, final List<String[]> cnames)
    {
        final String hosts = java.util.stream.Stream.concat(all.stream()
            .flatMap(x -> x.names().stream().map(n -> x.address() + " " + n)), extraHosts.stream())
            .collect(Collectors.joining("\n", "", "\n"));
        final Path hostsFile = write("zone.hosts", hosts);
        final List<String> cmd = new java.util.ArrayList<>(List.of(tools.dnsmasq(),
            "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll", "--bind-interfaces",
            "--listen-address=" + s.address(), "--port=53", "--user=root", "--group=root",
            "--pid-file=" + dir.resolve(s.name() + ".pid"),
            "--addn-hosts=" + hostsFile, "--local=/" + LabLayout.ZONE + "/", "--domain-needed",
            "--log-facility=" + dir.resolve(s.name() + ".queries.log"), "--log-queries"));
        for (final String[] c : cnames)
        {
            cmd.add("--cname=" + c[0] + "," + c[1]);
        }
        return new ServerLaunch(cmd, Map.of(), List.of("udp:" + s.address() + ":53"));
    }

    private static Map<String, String> fakeEnv(final FakeClock clock, final String preload)
    {
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("TZ", "UTC");
        if (clock.faketime() != null)
        {
            env.put("LD_PRELOAD", preload);
            env.put("FAKETIME", clock.faketime());
            env.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        }
        return env;
    }

    private Path write(final String name, final String text)
    {
        try
        {
            return Files.writeString(dir.resolve(name), text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void mkdirs(final Path p)
    {
        try
        {
            Files.createDirectories(p);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
