package org.timestudy.bench.e2e;

import org.agrona.collections.IntHashSet;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * zmap 2.1.1 (the Debian package) with its {@code ntp} module, or its {@code udp} module sending a standard NTP
 * mode-3 request ({@link NtpPayload}). zmap gets its own configuration file: the stock one blocklists 10/8 and more,
 * and a list of targets given besides an allowlist file is added to it, so the plan's range is its allowlist and the
 * command line names no target. zmap's {@code -r} counts targets per second: with {@code -P k} it sends
 * {@code k x r} packets per second, so it is given the rate divided by k. Every response row is written (repeats
 * too), with its receive time in microseconds; the {@code udp} module's payload is decoded here.
 */
public final class ZmapContender implements Contender
{
    private static final String FIELDS_NTP = "saddr,sport,timestamp-ts,timestamp-us,success,classification,repeat," +
        "LI_VN_MODE,stratum,receive_timestamp,transmit_timestamp";
    private static final String FIELDS_UDP = "saddr,sport,timestamp-ts,timestamp-us,success,classification,repeat," +
        "udp_pkt_size,data";

    private final String module;

    /**
     * @param module {@code ntp} or {@code udp}.
     */
    public ZmapContender(final String module)
    {
        if (!module.equals("ntp") && !module.equals("udp"))
        {
            throw new IllegalArgumentException("zmap module must be ntp or udp: " + module);
        }
        this.module = module;
    }

    @Override
    public String key()
    {
        return "zmap-" + module;
    }

    @Override
    public String label()
    {
        return module.equals("ntp") ? "zmap -M ntp" : "zmap -M udp (mode-3 payload)";
    }

    @Override
    public List<String> command(final RunPlan plan) throws IOException
    {
        final Path allow = Files.writeString(plan.dir().resolve("zmap-allow.txt"), plan.targets() + "\n");
        final Path block = Files.writeString(plan.dir().resolve("zmap-block.txt"), "# nothing: the allowlist is the " +
            "lab's simulated range\n");
        final Path conf = Files.writeString(plan.dir().resolve("zmap.conf"),
            "blacklist-file \"" + block + "\"\nwhitelist-file \"" + allow + "\"\n");
        final List<String> cmd = new ArrayList<>(List.of("zmap", "-C", conf.toString(), "-M", module, "-p", "123",
            "-i", plan.lab().scannerInterface(), "-S", plan.lab().scannerAddress(), "-G", plan.lab().gatewayMac(),
            "-r", plan.max() ? "0" : Long.toString(Math.max(1, Math.round(plan.ratePps() / plan.probesPerTarget()))),
            "-P", Integer.toString(plan.probesPerTarget()), "-c", Integer.toString(plan.cooldownS()),
            "-e", Long.toString(plan.seed() & 0x7FFF_FFFFL), "-T", "1", "-q",
            "-O", "csv", "-f", module.equals("ntp") ? FIELDS_NTP : FIELDS_UDP,
            "--output-filter", "success = 1 || success = 0",
            "-o", output(plan).toString()));
        if (module.equals("udp"))
        {
            cmd.add("--probe-args=hex:" + HexFormat.of().formatHex(NtpPayload.modeThreeRequest()));
        }
        return cmd;
    }

    @Override
    public Recorded read(final RunPlan plan, final ReplyCheck check) throws IOException
    {
        long rows = 0;
        long correct = 0;
        long withFields = 0;
        long strays = 0;
        final IntHashSet hosts = new IntHashSet();
        try (BufferedReader in = Files.newBufferedReader(output(plan)))
        {
            final String header = in.readLine();
            if (header == null)
            {
                return new Recorded(0, 0, 0, fieldsNote(0, 0), Map.of());
            }
            final List<String> names = Arrays.asList(header.split(","));
            final int saddr = names.indexOf("saddr");
            final int sport = names.indexOf("sport");
            final AddressRange range = AddressRange.parse(plan.targets());
            final int ts = names.indexOf("timestamp-ts");
            final int us = names.indexOf("timestamp-us");
            final int classification = names.indexOf("classification");
            String line;
            while ((line = in.readLine()) != null)
            {
                final String[] f = line.split(",", -1);
                if (f.length < names.size() || f[ts].isEmpty() || f[classification].startsWith("icmp"))
                {
                    continue;
                }
                final int address = Ipv4.parse(f[saddr]);
                if (!range.contains(address) || !f[sport].equals("123"))
                {
                    strays++;
                    continue;
                }
                rows++;
                hosts.add(address);
                final long rxNs = Long.parseLong(f[ts]) * 1_000_000_000L + Long.parseLong(f[us]) * 1000L;
                final long[] ntp = module.equals("ntp") ? ntpModuleFields(names, f) : udpPayloadFields(names, f);
                if (ntp != null)
                {
                    withFields++;
                    if (check.correct(address, rxNs - ReplyCheck.DEFAULT_WINDOW_NS, rxNs + 1000, (int)ntp[0],
                        (int)ntp[1], ntp[2], ntp[3]))
                    {
                        correct++;
                    }
                }
            }
        }
        final Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rowsWithNtpFields", withFields);
        extra.put("rowsNotFromATarget", strays);
        return new Recorded(rows, correct, hosts.size(), fieldsNote(rows, withFields), extra);
    }

    private String fieldsNote(final long rows, final long withFields)
    {
        if (module.equals("udp"))
        {
            return "raw UDP payload (hex), decoded by the bench";
        }
        return withFields == 0 && rows > 0 ? "NTP fields empty in every row" :
            "NTP fields in " + withFields + " of " + rows + " rows";
    }

    /** {firstByte, stratum, T2, T3} from the ntp module's columns, or null when they are empty. */
    private static long[] ntpModuleFields(final List<String> names, final String[] f)
    {
        final String first = f[names.indexOf("LI_VN_MODE")];
        final String stratum = f[names.indexOf("stratum")];
        final String t2 = f[names.indexOf("receive_timestamp")];
        final String t3 = f[names.indexOf("transmit_timestamp")];
        if (first.isEmpty() || stratum.isEmpty() || t2.isEmpty() || t3.isEmpty())
        {
            return null;
        }
        return new long[] {Long.parseLong(first), Long.parseLong(stratum), new BigInteger(t2).longValue(),
            new BigInteger(t3).longValue()};
    }

    /** {firstByte, stratum, T2, T3} decoded from the udp module's payload, or null when it is not 48 bytes. */
    private static long[] udpPayloadFields(final List<String> names, final String[] f)
    {
        final String hex = f[names.indexOf("data")];
        if (hex.length() < NtpPayload.LENGTH * 2)
        {
            return null;
        }
        final byte[] p = HexFormat.of().parseHex(hex, 0, NtpPayload.LENGTH * 2);
        return NtpPayload.fields(p);
    }

    private static Path output(final RunPlan plan)
    {
        return plan.dir().resolve("zmap.csv");
    }
}
