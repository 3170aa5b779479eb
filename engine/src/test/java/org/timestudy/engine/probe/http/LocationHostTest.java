package org.timestudy.engine.probe.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationHostTest
{
    @Test
    void shouldFindTheHostOfAbsoluteAndSchemeRelativeLocationsOnly()
    {
        assertThat(HttpClientAgent.locationHost("https://WWW.Example.org./a?b#c")).isEqualTo("www.example.org");
        assertThat(HttpClientAgent.locationHost("http://user:pw@host.test:8080/x")).isEqualTo("host.test");
        assertThat(HttpClientAgent.locationHost("//cdn.test/path")).isEqualTo("cdn.test");
        assertThat(HttpClientAgent.locationHost("http://[2001:DB8::1]:80/")).isEqualTo("2001:db8::1");
        assertThat(HttpClientAgent.locationHost("http://198.18.0.5/moved")).isEqualTo("198.18.0.5");
        assertThat(HttpClientAgent.locationHost("/relative/path")).isNull();
        assertThat(HttpClientAgent.locationHost("relative.html")).isNull();
        assertThat(HttpClientAgent.locationHost("http:///nohost")).isNull();
        assertThat(HttpClientAgent.locationHost("javascript:alert(1)")).isNull();
    }
}
