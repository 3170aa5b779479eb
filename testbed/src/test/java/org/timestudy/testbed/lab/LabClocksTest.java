package org.timestudy.testbed.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.timestudy.testbed.junit.LabTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The faked clocks of the lab's real servers, read by real clients from the scanner side: ntpsec's ntpdig for NTP,
 * curl for HTTP Date, dig for the zone. The expectations come from the lab's manifest.
 */
@LabTest
class LabClocksTest
{
    private static final double NTP_TOLERANCE_S = 0.001;
    private static final double NGINX_LAG_S = 0.05;
    private static LabClients clients;

    @BeforeAll
    static void clients(final Lab lab)
    {
        clients = new LabClients(lab);
    }

    @Test
    void shouldReadEachFakedNtpClockWithinOneMillisecond(final Lab lab)
    {
        for (final LabManifest.Server s : lab.manifest().servers())
        {
            if ((s.kind() != ServerKind.CHRONY && s.kind() != ServerKind.NTPSEC) ||
                s.clock().model() == FakeClock.Model.NEAR_FROZEN)
            {
                continue;
            }
            final LabClients.NtpReading r = clients.ntpdig(s.address());
            assertThat(r.offsetSeconds())
                .as("offset of %s (%s)", s.name(), s.faketime())
                .isCloseTo(s.offsetSecondsAt(r.midEpochNs()), within(NTP_TOLERANCE_S));
            assertThat(r.stratum()).as("stratum of %s", s.name()).isEqualTo(s.stratum());
        }
    }

    @Test
    void shouldSeeTheConfiguredRateOfADriftingClock(final Lab lab) throws InterruptedException
    {
        final LabManifest.Server s = lab.manifest().server("chrony-drift-1000ppm");
        final LabClients.NtpReading a = clients.ntpdig(s.address());
        Thread.sleep(3000);
        final LabClients.NtpReading b = clients.ntpdig(s.address());
        final double spanS = (b.midEpochNs() - a.midEpochNs()) / 1e9;
        final double slope = (b.offsetSeconds() - a.offsetSeconds()) / spanS;
        // x1.001: the offset grows by 1 ms per second. Each reading is good to its error bound; our midpoint also
        // carries ntpdig's start-up time, during which the offset moves by 0.001 s per second.
        final double bound = (a.errorSeconds() + b.errorSeconds()) / spanS + 0.0001;
        assertThat(slope).isCloseTo(s.clock().rate() - 1, within(bound));
    }

    @Test
    void shouldReadTheSameTimeTwiceFromAStuckNtpClock(final Lab lab) throws InterruptedException
    {
        final LabManifest.Server s = lab.manifest().server("chrony-stuck");
        final LabClients.NtpReading a = clients.ntpdig(s.address());
        Thread.sleep(3000);
        final LabClients.NtpReading b = clients.ntpdig(s.address());
        assertThat(b.remoteEpochSeconds()).isCloseTo(a.remoteEpochSeconds(), within(0.001));
        assertThat(a.remoteEpochSeconds()).isCloseTo(s.clock().frozenAtEpochSeconds(), within(1.0));
        // And the offset seen moves by minus the time that passed.
        assertThat(b.offsetSeconds() - a.offsetSeconds())
            .isCloseTo(-(b.midEpochNs() - a.midEpochNs()) / 1e9, within(0.5));
    }

    @Test
    void shouldReadEachFakedHttpDateWithinOneSecond(final Lab lab)
    {
        for (final LabManifest.Server s : lab.manifest().servers(ServerKind.NGINX))
        {
            for (final boolean https : List.of(false, true))
            {
                final LabClients.HttpReading r = clients.curlDate(s.address(), https);
                // A Date of D means the server's clock read within [D, D + 1) while it answered, so
                // remote(t1) - 1 < D <= remote(t4); nginx's cached time may lag by a few ms.
                final double earliest = s.remoteEpochSecondsAt(r.t1EpochNs());
                final double latest = s.remoteEpochSecondsAt(r.t4EpochNs());
                assertThat((double)r.dateEpochSeconds())
                    .as("Date %s from %s (%s) over %s", r.rawDate(), s.name(), s.faketime(), https ? "https" : "http")
                    .isGreaterThan(earliest - 1 - NGINX_LAG_S)
                    .isLessThanOrEqualTo(latest + NGINX_LAG_S);
            }
        }
    }

    @Test
    void shouldReadTheSameDateTwiceFromAStuckHttpClock(final Lab lab) throws InterruptedException
    {
        final LabManifest.Server s = lab.manifest().server("nginx-stuck");
        final LabClients.HttpReading a = clients.curlDate(s.address(), false);
        Thread.sleep(2500);
        final LabClients.HttpReading b = clients.curlDate(s.address(), false);
        assertThat(b.rawDate()).isEqualTo(a.rawDate());
        assertThat(a.dateEpochSeconds()).isEqualTo(LabLayout.STUCK_AT.getEpochSecond());
    }

    @Test
    void shouldServeRoundRobinNamesAndCnameChains(final Lab lab)
    {
        final List<String> www = lab.manifest().servers().stream()
            .filter(s -> s.names().contains("www.lab.test")).map(LabManifest.Server::address).toList();
        assertThat(www).hasSizeGreaterThan(1);
        assertThat(clients.dig("www.lab.test", "A")).containsExactlyInAnyOrderElementsOf(www);
        // cdn -> edge -> www: dig +short prints the chain, then the addresses.
        assertThat(clients.dig("cdn.lab.test", "A"))
            .startsWith("edge.lab.test.", "www.lab.test.")
            .containsAll(www);
    }
}
