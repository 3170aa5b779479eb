package org.timestudy.targets.blocklist;

import org.junit.jupiter.api.Test;
import org.timestudy.targets.address.AddressList;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.address.Ipv4;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultBlocklistTest
{
    @Test
    void shouldLeaveZmapsCountOfTheIpv4Space()
    {
        final AddressSet blocked = DefaultBlocklist.list().ipv4();
        assertThat(blocked.size()).isEqualTo(592_708_864L);
        assertThat(AddressSet.of(AddressRange.ALL).minus(blocked).size())
            .isEqualTo(DefaultBlocklist.ALLOWED_IPV4).isEqualTo(3_702_258_432L);
    }

    @Test
    void shouldBlockReservedSpaceAndNotPublicSpace()
    {
        final AddressList list = DefaultBlocklist.list();
        for (final String blocked : new String[] {"0.0.0.0", "10.1.2.3", "100.64.0.1", "127.0.0.1", "169.254.1.1",
            "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.0.53",
            "198.51.100.1", "203.0.113.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"})
        {
            assertThat(list.ipv4().contains(Ipv4.parse(blocked))).as(blocked).isTrue();
        }
        for (final String open : new String[] {"1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.0",
            "172.32.0.0", "192.0.1.255", "198.17.255.255", "198.20.0.0", "223.255.255.255"})
        {
            assertThat(list.ipv4().contains(Ipv4.parse(open))).as(open).isFalse();
        }
    }

    @Test
    void shouldCarryIpv6SpecialPurposePrefixesForHostnameMode()
    {
        final AddressList list = DefaultBlocklist.list();
        assertThat(list.containsAddress("::1")).isTrue();
        assertThat(list.containsAddress("fe80::1")).isTrue();
        assertThat(list.containsAddress("fd00::53")).isTrue();
        assertThat(list.containsAddress("2001:db8::123")).isTrue();
        assertThat(list.containsAddress("ff02::101")).isTrue();
        assertThat(list.containsAddress("2a00:1450:4001::1")).isFalse();
        assertThat(list.containsAddress("2620:fe::fe")).isFalse();
    }
}
