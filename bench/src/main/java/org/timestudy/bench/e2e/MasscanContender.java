package org.timestudy.bench.e2e;

import org.agrona.collections.IntHashSet;
import org.timestudy.targets.address.Ipv4;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * masscan 1.3.2 (the Debian package) with a mode-3 payload for UDP/123 (its built-in one is a mode-7 monlist
 * request) given as an nmap-payloads file. Its {@code --rate} counts packets. It probes each target once: its
 * {@code --retries} cannot repeat targets here (asked for 9 retries over 4,096 targets at 20 kpps, it sent 785,066
 * probes, 191 per target, until stopped), and it merges repeated ranges. Its maximum is asked for as 100 M pps, as
 * its manual says.
 * It sometimes never leaves its wait after a UDP scan (the countdown goes negative), so it runs under
 * {@code timeout -s INT -k 5}. Its list output holds the address and the receive time in whole seconds, and no NTP
 * field.
 */
public final class MasscanContender implements Contender
{
    /** masscan's rate for "as fast as it can". */
    public static final long MAX_RATE = 100_000_000L;
    private static final double SLOWEST_EXPECTED_PPS = 20_000;

    @Override
    public String key()
    {
        return "masscan";
    }

    @Override
    public String label()
    {
        return "masscan -pU:123 (mode-3 payload)";
    }

    @Override
    public boolean repeatsTargets()
    {
        return false;
    }

    @Override
    public List<String> command(final RunPlan plan) throws IOException
    {
        final StringBuilder escaped = new StringBuilder();
        for (final byte b : NtpPayload.modeThreeRequest())
        {
            escaped.append(String.format("\\x%02x", b & 0xFF));
        }
        final Path payloads = Files.writeString(plan.dir().resolve("masscan.payloads"),
            "udp 123 \"" + escaped + "\"\n");
        final double expectedS = plan.probes() / (plan.max() ? SLOWEST_EXPECTED_PPS : plan.ratePps());
        final long limitS = (long)Math.ceil(expectedS * 3 + plan.cooldownS() + 30);
        return List.of("timeout", "-s", "INT", "-k", "5", Long.toString(limitS),
            "masscan", plan.targets(), "-pU:123",
            "--rate", plan.max() ? Long.toString(MAX_RATE) : Long.toString(Math.round(plan.ratePps())),
            "--adapter", plan.lab().scannerInterface(), "--adapter-ip", plan.lab().scannerAddress(),
            "--router-mac", plan.lab().gatewayMac(),
            "--nmap-payloads", payloads.toString(),
            "--wait", Integer.toString(plan.cooldownS()),
            "--seed", Long.toString(plan.seed()),
            "-oL", output(plan).toString());
    }

    @Override
    public Recorded read(final RunPlan plan, final ReplyCheck check) throws IOException
    {
        long rows = 0;
        final IntHashSet hosts = new IntHashSet();
        if (Files.exists(output(plan)))
        {
            try (BufferedReader in = Files.newBufferedReader(output(plan)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    // open udp 123 198.18.3.179 1795792892
                    final String[] f = line.trim().split("\\s+");
                    if (f.length >= 5 && f[0].equals("open") && f[1].equals("udp"))
                    {
                        rows++;
                        hosts.add(Ipv4.parse(f[3]));
                    }
                }
            }
        }
        return new Recorded(rows, 0, hosts.size(), "address and receive second only (no NTP field)", Map.of());
    }

    private static Path output(final RunPlan plan)
    {
        return plan.dir().resolve("masscan.txt");
    }
}
