package org.timestudy.testbed.sim;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.ntp.NtpTime;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.ClockTruth;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabClients;
import org.timestudy.testbed.lab.LabProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated Internet checked from the scanner side against its own ground truth: a sample of every clock model
 * read by a real client (ntpsec's ntpdig), and the whole space scanned by the engine, every reply's offset compared
 * with the model, and every reply the responder sent accounted for (journaled, or dropped by a named check).
 */
@LabTest(simulation = true, simulationSeed = 42)
class SimulatedInternetLabTest
{
    private static final int SPACE_FIRST = Ipv4.parse("198.18.0.0");
    private static final int SPACE_SIZE = 1 << 16;
    private static final double SYNCED_JITTER_S = 0.0005;

    @TempDir
    Path dir;

    @Test
    void shouldShowEachClockModelToARealClient(final Lab lab)
    {
        final Population population = lab.manifest().simulation().spec().population();
        final LabClients clients = new LabClients(lab);
        final Map<ClockClass, Integer> checked = new EnumMap<>(ClockClass.class);
        for (int i = 0; i < SPACE_SIZE && checked.size() < 5; i++)
        {
            final int address = SPACE_FIRST + i;
            final ClockTruth truth = population.truth(address);
            final ClockClass c = truth.clockClass();
            if (population.ntpResponse(address) != Response.NORMAL || truth.changes() ||
                !(c == ClockClass.SYNCED || c == ClockClass.OFFSET || c == ClockClass.DRIFT || c == ClockClass.STUCK ||
                c == ClockClass.RESET_DRIFT) || checked.getOrDefault(c, 0) >= 2)
            {
                continue;
            }
            final LabClients.NtpReading r = clients.ntpdig(Ipv4.format(address));
            final double expected = population.expectedOffsetNs(address, r.midEpochNs()) / 1e9;
            // ntpdig's own error bound plus the model's per-request jitter; a drifting clock also moves while
            // ntpdig starts up (its midpoint is ours, not the exchange's): allow its rate times 0.5 s.
            final double rate = Math.abs(population.ratePpm(address, r.midEpochNs())) * 1e-6;
            assertThat(Math.abs(r.offsetSeconds() - expected))
                .as("%s %s: ntpdig %.6f s, model %.6f s", Ipv4.format(address), c, r.offsetSeconds(), expected)
                .isLessThanOrEqualTo(r.errorSeconds() + SYNCED_JITTER_S + 0.001 + rate * 0.5);
            checked.merge(c, 1, Integer::sum);
        }
        assertThat(checked).containsKeys(ClockClass.SYNCED, ClockClass.OFFSET, ClockClass.DRIFT, ClockClass.STUCK);
    }

    @Test
    void shouldAccountForEveryReplyAndMatchTheModelsWhenTheEngineScansTheWholeSpace(final Lab lab) throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path metadata = dir.resolve("scan.json");
        final Path status = Path.of(lab.manifest().simulation().statusFile());
        // The responder rewrites its status file once a second: let it catch up with earlier tests' queries.
        Thread.sleep(1500);
        final Map<String, Long> before = SimInternet.counters(status);
        try (LabProcess scan = LabProcess.scan(lab, List.of("--no-default-blocklist", "198.18.0.0/16",
            "--journal", journal.toString(), "-r", "20000", "-c", "8", "--seed", "9", "-q",
            "--metadata-file", metadata.toString()), 120_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
        }
        // The cooldown (8 s) outlasts the slowest simulated server (3 s), so every reply the responder sent before
        // the scan stopped listening was seen; the responder's status file is rewritten once a second.
        Thread.sleep(1500);
        final Map<String, Long> after = SimInternet.counters(status);
        final String meta = Files.readString(metadata);
        final Population population = lab.manifest().simulation().spec().population();

        final List<String> wrong = new ArrayList<>();
        final long[] checkedReplies = {0};
        final long[] kisses = {0};
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            while (reader.read((type, b, length, index) ->
            {
                if (type != RecordType.NTP_REPLY)
                {
                    return;
                }
                final NtpReplyFlyweight r = new NtpReplyFlyweight().wrap(b, 0);
                if ((r.flags() & RecordFlags.KISS_OF_DEATH) != 0)
                {
                    kisses[0]++;
                    return;
                }
                final int address = r.targetAddress();
                final ClockTruth truth = population.truth(address);
                if (truth.clockClass() == ClockClass.ERRATIC || (r.flags() & RecordFlags.T1_FROM_CAPTURE) == 0)
                {
                    return;
                }
                final double offset = NtpTime.offsetSecondsFromEpochNs(r.t1EpochNs(), r.receiveTimestamp(),
                    r.transmitTimestamp(), r.t4EpochNs());
                final double delay = NtpTime.delaySecondsFromEpochNs(r.t1EpochNs(), r.receiveTimestamp(),
                    r.transmitTimestamp(), r.t4EpochNs());
                final long mid = r.t1EpochNs() + (r.t4EpochNs() - r.t1EpochNs()) / 2;
                // Half the delay (the NTP error bound), the model's jitter, and for a fast- or slow-running clock
                // what its rate makes of the delay and of a slow server's hold time (T3 - T2): the model is read
                // at T2, the truth here at the exchange's midpoint. Plus 1 ms for a loaded 2-core machine.
                final double rate = Math.abs(population.ratePpm(address, mid)) * 1e-6;
                final double hold = NtpTime.diffSeconds(r.transmitTimestamp(), r.receiveTimestamp());
                final double tolerance = Math.abs(delay) / 2 + SYNCED_JITTER_S + 0.001 +
                    rate * (Math.abs(delay) + Math.abs(hold));
                boolean ok;
                if (truth.clockClass() == ClockClass.MULTI_CLOCK && !truth.changes())
                {
                    ok = truth.components().stream().anyMatch(m ->
                        Math.abs(offset - m.offsetS()) <= tolerance);
                }
                else
                {
                    ok = Math.abs(offset - population.expectedOffsetNs(address, mid) / 1e9) <= tolerance;
                }
                if (!ok && wrong.size() < 20)
                {
                    wrong.add(Ipv4.format(address) + " " + truth.clockClass() + " offset " + offset + " model " +
                        population.expectedOffsetNs(address, mid) / 1e9 + " delay " + delay + " T2-T1 " +
                        (NtpTime.toEpochNs(r.receiveTimestamp()) - r.t1EpochNs()) + " ns, T3-T2 " +
                        (NtpTime.toEpochNs(r.transmitTimestamp()) - NtpTime.toEpochNs(r.receiveTimestamp())) +
                        " ns, T4-T3 " + (r.t4EpochNs() - NtpTime.toEpochNs(r.transmitTimestamp())) + " ns, flags " +
                        r.flags() + ", probe " + r.probeIndex());
                }
                checkedReplies[0]++;
            }, 10_000) > 0)
            {
                // read everything
            }
        }
        assertThat(wrong).as("replies whose offset disagrees with the model").isEmpty();
        assertThat(checkedReplies[0]).isGreaterThan(40_000);

        // Completeness: every reply the responder sent is journaled or dropped by a named check.
        final long replies = delta(before, after, "ntp_replies");
        final long kod = delta(before, after, "ntp_kod");
        final long malformed = delta(before, after, "ntp_malformed");
        final long spoofed = delta(before, after, "ntp_spoofed");
        final long icmp = delta(before, after, "ntp_icmp");
        assertThat(delta(before, after, "kernel_drops")).isZero();
        assertThat(counter(meta, "pcap_drops")).isZero();
        assertThat(counter(meta, "replies_valid")).as("valid = normal replies + kisses").isEqualTo(replies + kod);
        assertThat(kisses[0]).isEqualTo(kod);
        assertThat(counter(meta, "drop_wrong_cookie") + counter(meta, "drop_wrong_mode") +
            counter(meta, "drop_wrong_version") + counter(meta, "drop_truncated"))
            .as("every malformed and spoofed reply dropped by a named check").isEqualTo(malformed + spoofed);
        assertThat(counter(meta, "icmp_unreachable")).isEqualTo(icmp);
        assertThat(counter(meta, "drop_duplicate")).isZero();
    }

    private static long delta(final Map<String, Long> before, final Map<String, Long> after, final String key)
    {
        return after.get(key) - before.get(key);
    }

    private static long counter(final String json, final String name)
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\" : (\\d+)").matcher(json);
        assertThat(m.find()).as("counter %s in the metadata", name).isTrue();
        return Long.parseLong(m.group(1));
    }
}
