package org.timestudy.testbed.engine;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.collections.Int2IntHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.ntp.NtpTime;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.LabProcess;
import org.timestudy.testbed.lab.ServerKind;
import org.timestudy.testbed.lab.WireCapture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine in the lab, as a user runs it: {@code scan} in the scanner namespace against the real chronyd and ntpsec
 * servers, watched by tcpdump on the internet side.
 */
@LabTest
class EngineScanLabTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "--t1 {0}")
    @ValueSource(strings = {"capture", "send-clock"})
    void shouldJournalEveryRealNtpServerWithOffsetsWithinOneMillisecondOfTheTruth(final String t1, final Lab lab)
        throws Exception
    {
        final Path journal = dir.resolve("journal-" + t1);
        final Path metadata = dir.resolve("scan-" + t1 + ".json");
        try (LabProcess scan = LabProcess.scan(lab, List.of("--no-default-blocklist", LabManifestSpace.SERVERS,
            "--journal", journal.toString(), "-r", "2000", "-P", "2", "--rounds", "5", "--round-interval", "0.2", "-c", "1",
            "--seed", "7", "-q", "--t1", t1, "--metadata-file", metadata.toString()), 60_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
        }
        final boolean fromCapture = t1.equals("capture");
        // With --t1 send-clock our own frames are left out of the capture; T1 is the send thread's clock.
        assertThat(Files.readString(metadata)).containsPattern(fromCapture ? "\"outgoing_seen\"\\s*:\\s*[1-9]" :
            "\"outgoing_seen\"\\s*:\\s*0\\b");
        // Minimum-delay selection among the ten probes of each server, spread over five rounds (SCIENCE.md 1).
        final Map<Integer, double[]> best = new HashMap<>();
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            reader.read((type, b, length, index) ->
            {
                if (type != RecordType.NTP_REPLY)
                {
                    return;
                }
                final NtpReplyFlyweight r = new NtpReplyFlyweight().wrap(b, 0);
                assertThat(r.flags() & RecordFlags.T1_FROM_CAPTURE).isEqualTo(fromCapture ? RecordFlags.T1_FROM_CAPTURE :
                    0);
                assertThat(r.flags() & RecordFlags.T1_MISSING).isZero();
                assertThat(r.t1EpochNs()).isPositive();
                final double delay = NtpTime.delaySecondsFromEpochNs(r.t1EpochNs(), r.receiveTimestamp(),
                    r.transmitTimestamp(), r.t4EpochNs());
                final double offset = NtpTime.offsetSecondsFromEpochNs(r.t1EpochNs(), r.receiveTimestamp(),
                    r.transmitTimestamp(), r.t4EpochNs());
                final double[] seen = best.get(r.targetAddress());
                if (seen == null || delay < seen[0])
                {
                    best.put(r.targetAddress(), new double[] {delay, offset, (r.t1EpochNs() + r.t4EpochNs()) / 2.0,
                        r.stratum()});
                }
            }, 100_000);
        }
        final List<LabManifest.Server> ntp = lab.manifest().servers().stream()
            .filter(s -> s.kind() == ServerKind.CHRONY || s.kind() == ServerKind.NTPSEC).toList();
        assertThat(best.keySet()).containsExactlyInAnyOrderElementsOf(
            ntp.stream().map(s -> Ipv4.parse(s.address())).toList());
        for (final LabManifest.Server s : ntp)
        {
            final double[] b = best.get(Ipv4.parse(s.address()));
            assertThat(b[1]).as("offset of %s (%s), delay %.6f s", s.name(), s.faketime(), b[0])
                .isCloseTo(s.offsetSecondsAt((long)b[2]), within(0.001));
            assertThat((int)b[3]).as("stratum of %s", s.name()).isEqualTo(s.stratum());
        }
    }

    @Test
    void shouldSendNothingToBlockedOrOptedOutRangesAndExactlyOneProbeToEveryOtherTarget(final Lab lab)
        throws Exception
    {
        final Path blocklist = Files.writeString(dir.resolve("block.txt"), "# a /24 inside the lab space\n" +
            "198.18.5.0/24\n");
        final Path optOut = Files.writeString(dir.resolve("optout.txt"), "198.18.9.0/24\n");
        final Path pcap = dir.resolve("wire.pcap");
        final Path metadata = dir.resolve("scan.json");
        try (WireCapture capture = WireCapture.start(lab, "udp dst port 123", pcap);
            LabProcess scan = LabProcess.scan(lab, List.of("--no-default-blocklist", "198.18.0.0/17",
                "-b", blocklist.toString(), "--opt-out", optOut.toString(), "--journal",
                dir.resolve("journal").toString(), "-r", "5000", "-c", "0", "--seed", "11", "-q",
                "--metadata-file", metadata.toString()), 120_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
            Thread.sleep(500);
            assertThat(capture.stop()).as("frames the witness (tcpdump) dropped").isZero();
        }
        final String counters = Files.readString(metadata);
        assertThat(counters).contains("\"probes_sent\" : " + (32768 - 512)).contains("\"send_failures\" : 0")
            .contains("\"blocked_at_send\" : 256");
        final PcapFile wire = PcapFile.read(pcap);
        int probed = 0;
        int blocked = 0;
        int twice = 0;
        for (int a = 0; a < 65536; a++)
        {
            // The whole /16 is checked: the half outside the scan must see nothing either.
            final int address = Ipv4.parse("198.18.0.0") + a;
            final int n = wire.to(address);
            final int third = (a >> 8) & 0xFF;
            if (third == 5 || third == 9 || third >= 128)
            {
                blocked += n;
            }
            else
            {
                probed += n > 0 ? 1 : 0;
                twice += n > 1 ? 1 : 0;
            }
        }
        assertThat(blocked).as("packets that reached the blocklisted and opted-out /24s, or outside the scan")
            .isZero();
        assertThat(probed).as("other addresses probed (the veth may drop under heavy load: see softnet_stat)")
            .isEqualTo(32768 - 512);
        assertThat(twice).as("addresses probed twice").isZero();
    }

    @Test
    void shouldProbeEveryTargetExactlyOnceWithSeveralSenderThreadsAndProbesPerTarget(final Lab lab) throws Exception
    {
        final Path pcap = dir.resolve("threads.pcap");
        try (WireCapture capture = WireCapture.start(lab, "udp dst port 123", pcap);
            LabProcess scan = LabProcess.scan(lab, List.of("--no-default-blocklist", "198.18.64.0/18",
                "--journal", dir.resolve("journal-threads").toString(), "-T", "2", "-P", "2", "-r", "10000",
                "-c", "0", "--seed", "13", "-q"), 60_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
            Thread.sleep(500);
            assertThat(capture.stop()).as("frames the witness dropped").isZero();
        }
        final Int2IntHashMap seen = PcapFile.read(pcap).perDestination();
        final int first = Ipv4.parse("198.18.64.0");
        int notTwice = 0;
        for (int a = 0; a < 16384; a++)
        {
            notTwice += seen.get(first + a) == 2 ? 0 : 1;
        }
        assertThat(notTwice).as("addresses that did not get exactly their two probes").isZero();
        assertThat(seen.size()).as("addresses probed, all inside the /18").isEqualTo(16384);
    }

    @Test
    void shouldSendWithinOnePercentOfTheRequestedRateOverTenSeconds(final Lab lab) throws Exception
    {
        for (final int rate : new int[] {1_000, 20_000})
        {
            final Path pcap = dir.resolve("rate-" + rate + ".pcap");
            try (WireCapture capture = WireCapture.start(lab, "udp dst port 123", pcap);
                LabProcess scan = LabProcess.scan(lab, List.of("--no-default-blocklist", "198.18.0.0/16",
                    "--journal", dir.resolve("journal-" + rate).toString(), "-r", Integer.toString(rate), "-c", "0",
                    "--rounds", "4", "-t", "11", "--seed", "3", "-q"), 60_000))
            {
                assertThat(scan.await(1)).as(scan.output()).isZero();
                Thread.sleep(300);
            }
            final List<Long> times = PcapFile.read(pcap).timesNs();
            final long start = times.get(0);
            final long count = times.stream().filter(t -> t - start < 10_000_000_000L).count();
            // Never faster than asked, whatever the load: no unthrottled state.
            assertThat((double)count).as("probes in the first 10 s at %d pps", rate)
                .isLessThanOrEqualTo(rate * 10 * 1.01);
            if (loadAverage() < Runtime.getRuntime().availableProcessors())
            {
                assertThat((double)count).as("probes in the first 10 s at %d pps", rate)
                    .isGreaterThanOrEqualTo(rate * 10 * 0.99);
            }
            else
            {
                System.err.printf("EngineScanLabTest: lower rate bound not checked at %d pps: load average %.1f " +
                    "exceeds the cores; %d probes sent in 10 s%n", rate, loadAverage(), count);
            }
        }
    }

    @Test
    void shouldResumeAScanKilledWithSigkillSkippingNothingAndRepeatingAtMostOneBatch(final Lab lab)
        throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path pcap = dir.resolve("wire.pcap");
        final Path status = dir.resolve("status.csv");
        final List<String> args = List.of("--no-default-blocklist", "198.18.0.0/17", "--journal", journal.toString(),
            "-r", "8000", "-c", "1", "--seed", "5", "-q", "--status-file", status.toString());
        try (WireCapture capture = WireCapture.start(lab, "udp dst port 123", pcap))
        {
            try (LabProcess first = LabProcess.start(lab.layout().scannerNamespace(),
                "org.timestudy.engine.cli.ScanCommand", args))
            {
                // Kill it mid-scan: once its status file says a few thousand probes have gone out.
                final long deadline = System.nanoTime() + 60_000_000_000L;
                while (sentSoFar(status) < 5_000)
                {
                    assertThat(System.nanoTime() - deadline).as(first.output()).isNegative();
                    Thread.sleep(50);
                }
                first.signal("KILL");
                assertThat(first.await(10_000)).isEqualTo(137);
            }
            final List<String> resumed = new java.util.ArrayList<>(args);
            resumed.add("--resume");
            try (LabProcess second = LabProcess.scan(lab, resumed, 60_000))
            {
                assertThat(second.await(1)).as(second.output()).isZero();
            }
            Thread.sleep(300);
        }
        final Int2IntHashMap seen = PcapFile.read(pcap).perDestination();
        int missing = 0;
        int repeated = 0;
        for (int a = 0; a < 32768; a++)
        {
            final int n = seen.get(Ipv4.parse("198.18.0.0") + a);
            missing += n == 0 ? 1 : 0;
            repeated += Math.max(0, n - 1);
        }
        assertThat(missing).as("targets never probed").isZero();
        assertThat(repeated).as("probes sent twice (at most one batch of 64)").isBetween(0, 64);
        // The journal the killed scan left is readable to its end: no torn record.
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            final int[] n = {0};
            while (reader.read((type, b, length, index) -> n[0]++, 1000) > 0)
            {
                // read to the end
            }
            assertThat(n[0]).isGreaterThanOrEqualTo(2);
        }
    }

    private static double loadAverage() throws java.io.IOException
    {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static long sentSoFar(final Path statusCsv) throws java.io.IOException
    {
        if (!Files.exists(statusCsv))
        {
            return 0;
        }
        final List<String> lines = Files.readAllLines(statusCsv);
        if (lines.size() < 2)
        {
            return 0;
        }
        final String[] last = lines.get(lines.size() - 1).split(",");
        return last.length > 3 ? Long.parseLong(last[3]) : 0;
    }

    /** Address spaces of the lab. */
    static final class LabManifestSpace
    {
        static final String SERVERS = "198.19.0.0/24";
    }
}
