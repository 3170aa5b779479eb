package org.timestudy.targets.dns;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.TargetInputException;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What needs no DNS traffic: server parsing and address literals. Queries are tested against the lab's dnsmasq in
 * testbed (org.timestudy.testbed.targets).
 */
class DnsResolverTest
{
    @Test
    void shouldParseServerAddressesWithoutLookingAnythingUp()
    {
        assertThat(DnsResolver.parseServer("198.19.0.53")).isEqualTo(new InetSocketAddress("198.19.0.53", 53));
        assertThat(DnsResolver.parseServer("198.19.0.53:5353").getPort()).isEqualTo(5353);
        final InetSocketAddress v6 = DnsResolver.parseServer("[2001:db8::53]:54");
        assertThat(v6.getPort()).isEqualTo(54);
        assertThat(v6.getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:53");
        assertThat(DnsResolver.parseServer("2001:db8::53").getPort()).isEqualTo(53);
        for (final String bad : List.of("dns.example.org", "198.19.0.53:0", "198.19.0.53:x", "[::1", "[::1]x",
            "2001:db8::/64"))
        {
            assertThatThrownBy(() -> DnsResolver.parseServer(bad)).as(bad).isInstanceOf(TargetInputException.class);
        }
    }

    @Test
    void shouldResolveAddressLiteralsToThemselvesWithoutAQuery()
    {
        try (DnsResolver r = DnsResolver.using("192.0.2.53", 100, 1))
        {
            final Resolution v4 = r.resolve("192.0.2.7");
            assertThat(v4.status()).isEqualTo(ResolutionStatus.LITERAL);
            assertThat(v4.addresses()).containsExactly(new ResolvedAddress("192.0.2.7", 4, "192.0.2.7", List.of(), 0));
            final Resolution v6 = r.resolve("2001:DB8::7");
            assertThat(v6.addresses().get(0).address()).isEqualTo("2001:db8::7");
            assertThat(v6.addresses().get(0).family()).isEqualTo(6);
        }
    }

    @Test
    void shouldSummariseTheMoreTellingFailure()
    {
        final Resolution r = new Resolution("x", ResolutionStatus.NODATA, ResolutionStatus.TIMEOUT, List.of(),
            List.of(), "");
        assertThat(r.status()).isEqualTo(ResolutionStatus.TIMEOUT);
        assertThat(new Resolution("x", ResolutionStatus.NODATA, ResolutionStatus.NODATA, List.of(), List.of(), "")
            .status()).isEqualTo(ResolutionStatus.NODATA);
        assertThat(new Resolution("x", ResolutionStatus.NXDOMAIN, ResolutionStatus.SERVFAIL, List.of(), List.of(),
            "").status()).isEqualTo(ResolutionStatus.NXDOMAIN);
    }
}
