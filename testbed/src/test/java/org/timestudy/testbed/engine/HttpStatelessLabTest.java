package org.timestudy.testbed.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.RecordFlags;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.clock.ClockTruth;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabProcess;
import org.timestudy.testbed.lab.WireCapture;
import org.timestudy.testbed.sim.HttpAnswers;
import org.timestudy.testbed.sim.SimNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stateless IPv4 HTTP mode in the lab ({@code scan -M http CIDR}, raw frames from the scanner namespace) against
 * the simulated Internet: every target ends as exactly one record of the kind its ground truth says (a response
 * whose Date brackets the clock, no Date, an invalid Date kept raw, silence and slow-loris as timeouts, resets,
 * capped headers, garbage), at least 99% of the responders that send a Date have it captured, and a blocklisted /24
 * receives no packet at all (tcpdump on the internet side is the witness).
 */
@LabTest(simulation = true, simulationSeed = 13)
class HttpStatelessLabTest
{
    private static final double TIMEOUT_S = 2.5;
    private static Population population;
    private static AddressRange space;
    private static HttpAnswers answers;

    @TempDir
    Path dir;

    @BeforeAll
    static void truth(final Lab lab)
    {
        population = lab.manifest().simulation().spec().population();
        space = AddressRange.parse(lab.manifest().simulation().spec().space());
        answers = new HttpAnswers(population, space.first(), space.size(), SimNames.COUNT);
    }

    @Test
    void shouldJournalEveryTargetOnceAsItsTruthSaysAndCaptureTheDateOfEveryResponder(final Lab lab) throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (LabProcess scan = LabProcess.scan(lab, List.of("-M", "http", "--no-default-blocklist",
            "198.18.32.0/22", "--journal", journal.toString(), "-r", "2000", "-c", "4", "--seed", "5", "-q",
            "--response-timeout-ms", Long.toString((long)(TIMEOUT_S * 1000))), 120_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
        }
        final Map<String, List<HttpRecords>> byAddress = new HashMap<>();
        for (final HttpRecords r : HttpRecords.read(journal))
        {
            byAddress.computeIfAbsent(r.address(), k -> new ArrayList<>()).add(r);
        }
        int dateSenders = 0;
        int datesCaptured = 0;
        final List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 1024; i++)
        {
            final int a = Ipv4.parse("198.18.32.0") + i;
            final List<HttpRecords> mine = byAddress.getOrDefault(Ipv4.format(a), List.of());
            if (mine.size() != 1)
            {
                wrong.add(Ipv4.format(a) + ": " + mine.size() + " records " + mine);
                continue;
            }
            final HttpRecords r = mine.get(0);
            assertThat(r.mode()).isEqualTo(HttpProbeMode.STATELESS);
            final String problem = check(a, r);
            if (problem != null)
            {
                wrong.add(Ipv4.format(a) + " " + population.truth(a).toJson() + ": " + problem + " in " + r);
            }
            if (sendsValidDate(a))
            {
                dateSenders++;
                if (r.form().valid())
                {
                    datesCaptured++;
                }
            }
        }
        assertThat(wrong).as("targets whose record does not match the truth").isEmpty();
        assertThat(dateSenders).isGreaterThan(900);
        assertThat((double)datesCaptured / dateSenders).as("share of Date-sending responders captured")
            .isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldSendNothingAtAllToABlocklistedSlash24(final Lab lab) throws Exception
    {
        final Path blocklist = Files.writeString(dir.resolve("block.txt"), "198.18.5.0/24\n");
        final Path pcap = dir.resolve("wire.pcap");
        try (WireCapture capture = WireCapture.start(lab, "tcp", pcap);
            LabProcess scan = LabProcess.scan(lab, List.of("-M", "http", "--no-default-blocklist", "198.18.0.0/20",
                "-b", blocklist.toString(), "--journal", dir.resolve("journal").toString(), "-r", "3000", "-c",
                "3", "--seed", "9", "-q", "--response-timeout-ms", "2000"), 120_000))
        {
            assertThat(scan.await(1)).as(scan.output()).isZero();
            Thread.sleep(500);
            assertThat(capture.stop()).as("frames the witness dropped").isZero();
        }
        final PcapFile wire = PcapFile.read(pcap);
        int blocked = 0;
        int reached = 0;
        for (int i = 0; i < 4096; i++)
        {
            final int a = Ipv4.parse("198.18.0.0") + i;
            if (((a >> 8) & 0xFF) == 5)
            {
                blocked += wire.to(a);
            }
            else
            {
                reached += wire.to(a) > 0 ? 1 : 0;
            }
        }
        assertThat(blocked).as("packets (SYNs and follow-ups) to the blocklisted /24").isZero();
        assertThat(reached).as("other targets probed").isEqualTo(4096 - 256);
    }

    /** What the truth says this address's record must be; null when it is. */
    private static String check(final int a, final HttpRecords r)
    {
        final Response response = population.httpResponse(a);
        final int hostility = answers.hostility(a);
        switch (response)
        {
            case SILENT:
                return r.outcome() == HttpOutcome.RESPONSE_TIMEOUT ? null : "silent: expected a timeout";
            case UNREACHABLE:
                return r.outcome() == HttpOutcome.RESET ? null : "reset expected";
            case MALFORMED:
                return switch (hostility)
                {
                    case HttpAnswers.SLOW_LORIS -> r.outcome() == HttpOutcome.RESPONSE_TIMEOUT ? null :
                        "slow-loris: expected a timeout";
                    case HttpAnswers.GARBAGE -> r.outcome() == HttpOutcome.MALFORMED ? null : "garbage: malformed";
                    case HttpAnswers.OVERSIZED_DATE_LAST -> r.outcome() == HttpOutcome.RESPONSE &&
                        (r.flags() & RecordFlags.HTTP_HEADERS_TRUNCATED) != 0 && r.form() == HttpDateForm.MISSING ?
                        null : "oversized, Date beyond the cap";
                    default -> r.outcome() == HttpOutcome.RESPONSE &&
                        (r.flags() & RecordFlags.HTTP_HEADERS_TRUNCATED) != 0 && r.form() != HttpDateForm.MISSING ?
                        null : "oversized, Date first";
                };
            case SLOW:
                final double delayS = population.slowDelayNs(a) / 1e9;
                if (delayS > TIMEOUT_S - 0.2 && delayS < TIMEOUT_S + 0.2)
                {
                    return null;
                }
                if (delayS >= TIMEOUT_S)
                {
                    return r.outcome() == HttpOutcome.RESPONSE_TIMEOUT ? null : "too slow: expected a timeout";
                }
                return dateRecord(a, r);
            default:
                return dateRecord(a, r);
        }
    }

    private static String dateRecord(final int a, final HttpRecords r)
    {
        if (r.outcome() != HttpOutcome.RESPONSE || r.timing() != HttpTiming.CAPTURE)
        {
            return "expected a capture-timed response";
        }
        final Response response = population.httpResponse(a);
        if (response == Response.NO_DATE || (response == Response.REDIRECT && !answers.redirectHasDate(a)))
        {
            return r.form() == HttpDateForm.MISSING ? null : "no Date expected";
        }
        final DateForm form = population.dateForm(a);
        if (form == DateForm.INVALID)
        {
            return r.form() == HttpDateForm.INVALID && !r.dateRaw().isEmpty() ? null : "an invalid Date, kept raw";
        }
        if (r.form() != HttpDateForm.valueOf(form.name()))
        {
            return "Date form " + form;
        }
        if (response == Response.CACHED)
        {
            return (r.flags() & RecordFlags.HTTP_CACHED) != 0 && r.ageSeconds() >= 0 ? null : "cached";
        }
        if (steady(a))
        {
            final long mid = (r.t1EpochNs() + r.t4EpochNs()) / 2;
            final double truth = population.expectedOffsetNs(a, mid) / 1e9;
            return r.brackets(truth, 0.001) ? null : "the bracket misses the truth " + truth;
        }
        return null;
    }

    private static boolean sendsValidDate(final int a)
    {
        return answers.sendsValidDate(a, (long)(TIMEOUT_S * 1e9));
    }

    private static boolean steady(final int address)
    {
        final ClockTruth t = population.truth(address);
        return !t.changes() && (t.clockClass() == ClockClass.SYNCED || t.clockClass() == ClockClass.OFFSET);
    }
}
