package org.timestudy.testbed.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.query.DatasetQuery;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.testbed.junit.LabTest;
import org.timestudy.testbed.lab.Lab;
import org.timestudy.testbed.lab.LabManifest;
import org.timestudy.testbed.lab.LabSurvey;
import org.timestudy.testbed.truth.LabTruth;
import org.timestudy.testbed.truth.VerdictAgreement;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole study in the lab: the engine scans the simulated Internet and the real NTP servers in 16 rounds, the
 * journal is compacted, {@code analyze} (lab preset) classifies every series, and the verdicts it wrote, read back
 * through DuckDB, are scored against the lab's truth.
 * <p>
 * Bounds, from the runs recorded in analyzer/README.md (quick lab run: agreement 99.2%, macro-F1 0.956): at least
 * 97% of scored series agree with the truth; a SYNCED clock is never called anything but SYNCED or INSUFFICIENT
 * (at most 0.1%, for a loaded machine); every real server on a faked clock gets its class; the name with three
 * differently wrong servers behind it disagrees; the listed stratum-1/2 servers on wrong clocks are WRONG.
 */
@LabTest(simulation = true, simulationSeed = 3)
class LabAnalysisTest
{
    private static final double MIN_AGREEMENT_PERCENT = 97;

    @TempDir
    Path dir;

    @Test
    void shouldClassifyTheLabsClocksAsTheTruthHasThem(final Lab lab) throws Exception
    {
        final LabSurvey.Result survey = LabSurvey.run(lab, LabSurvey.Settings.quick(), dir, System.err);
        final LabTruth truth = LabTruth.of(lab.manifest());
        final Map<Integer, String> names = new HashMap<>();
        truth.servers().forEach((a, s) -> names.put(a, s.name()));
        final VerdictAgreement agreement = VerdictAgreement.score(survey.dataset(), truth, 10, names);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        agreement.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        final String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);

        assertThat(agreement.scored()).as(report).isGreaterThan(55_000);
        assertThat(agreement.agreementPercent()).as(report).isGreaterThanOrEqualTo(MIN_AGREEMENT_PERCENT);
        final long synced = agreement.matrix().support(ClockClass.SYNCED);
        final long syncedWrong = synced - agreement.matrix().count(ClockClass.SYNCED, ClockClass.SYNCED) -
            agreement.matrix().count(ClockClass.SYNCED, ClockClass.INSUFFICIENT);
        assertThat(syncedWrong).as(report).isLessThanOrEqualTo(synced / 1000);

        try (DatasetQuery q = DatasetQuery.open(survey.dataset()))
        {
            final Map<String, String> servers = rows(q, "SELECT address, class || coalesce(' ' || sub_tags, '') " +
                "FROM verdicts WHERE address LIKE '198.19.0.%' ORDER BY address_int");
            for (final LabManifest.Server s : truth.servers().values())
            {
                final int a = Ipv4.parse(s.address());
                final String expected = truth.classOver(a, 0, 0).label() +
                    (s.name().equals("chrony-behind-3h") ? " TZ" : "");
                assertThat(servers.get(s.address())).as(s.name() + "\n" + report).isEqualTo(expected);
            }
            assertThat(rows(q, "SELECT name, agree || ' ' || members || ' ' || " +
                "array_to_string(list_sort(string_split(disagreeing, ' ')), ' ') FROM name_groups " +
                "WHERE name = 'ntp.lab.test'")).containsExactly(
                Map.entry("ntp.lab.test", "false 3 198.19.0.11 198.19.0.12"));
            assertThat(rows(q, "SELECT address, status FROM reference_servers ORDER BY address_int")).containsExactly(
                Map.entry("198.19.0.11", "WRONG"), Map.entry("198.19.0.12", "WRONG"),
                Map.entry("198.19.0.13", "WRONG"), Map.entry("198.19.0.15", "WRONG"),
                Map.entry("198.19.0.16", "WRONG"));
        }
    }

    private static Map<String, String> rows(final DatasetQuery q, final String sql) throws Exception
    {
        final Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = q.execute(sql))
        {
            while (rs.next())
            {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
