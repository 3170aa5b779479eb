package org.timestudy.cli;

import org.timestudy.engine.cli.ExitCodes;
import org.timestudy.testbed.lab.FakeClock;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabClients;
import org.timestudy.testbed.lab.LabLayout;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.ServerKind;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code ./timestudy demo}: the main job, end to end, on the built-in lab. Until the engine lands it brings the lab
 * up, reads every server's clock with real clients against the lab's ground truth, and takes the lab down.
 */
@Command(
    name = "demo",
    header = "Run the study end to end on the built-in lab (needs root).",
    description = "Brings the lab up, measures every server, compares with the ground truth, takes the lab down.",
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        out.println("[1/3] bringing the lab up");
        try (Lab lab = Lab.up("demo", false, LabLayout.defaultServers(), LabLayout.defaultCnames(), null,
            System.err))
        {
            out.printf("      %d servers in %s; scanner side %s%n", lab.manifest().servers().size(),
                lab.layout().internetNamespace(), lab.layout().scannerNamespace());
            out.println("[2/3] reading each clock from the scanner side with real clients (ntpdig, curl)");
            final LabClients clients = new LabClients(lab);
            int agree = 0;
            int total = 0;
            out.printf("      %-26s %-14s %-16s %-16s %s%n", "SERVER", "ADDRESS", "MEASURED", "TRUTH", "AGREE");
            for (final LabManifest.Server s : lab.manifest().servers())
            {
                final double measured;
                final double truth;
                final double tolerance;
                if (s.kind() == ServerKind.CHRONY || s.kind() == ServerKind.NTPSEC)
                {
                    final LabClients.NtpReading r = clients.ntpdig(s.address());
                    measured = r.offsetSeconds();
                    truth = s.offsetSecondsAt(r.midEpochNs());
                    tolerance = s.clock().model() == FakeClock.Model.NEAR_FROZEN ? 0.5 : 0.001;
                }
                else if (s.kind() == ServerKind.NGINX)
                {
                    final LabClients.HttpReading r = clients.curlDate(s.address(), false);
                    // Naive point estimate from a 1-second Date: D + 0.5 - (t1 + t4) / 2.
                    final double mid = (r.t1EpochNs() + r.t4EpochNs()) / 2e9;
                    measured = r.dateEpochSeconds() + 0.5 - mid;
                    truth = s.offsetSecondsAt((r.t1EpochNs() + r.t4EpochNs()) / 2);
                    tolerance = 0.5 + (r.t4EpochNs() - r.t1EpochNs()) / 2e9;
                }
                else
                {
                    continue;
                }
                final boolean ok = Math.abs(measured - truth) <= tolerance;
                total++;
                agree += ok ? 1 : 0;
                out.printf("      %-26s %-14s %-16s %-16s %s%n", s.name(), s.address(), Offsets.format(measured),
                    Offsets.format(truth), ok ? "yes" : "NO");
            }
            out.println("[3/3] taking the lab down");
            out.printf("measured %d servers at %s; agreement with ground truth: %.1f%%%n", total, Instant.now(),
                100.0 * agree / Math.max(1, total));
            return agree == total ? ExitCodes.OK : ExitCodes.SOFTWARE;
        }
    }
}
