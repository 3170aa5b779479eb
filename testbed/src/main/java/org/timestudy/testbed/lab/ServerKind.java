package org.timestudy.testbed.lab;

/**
 * The kinds of server a lab runs.
 */
public enum ServerKind
{
    /** chronyd serving NTP with {@code local stratum N}, under libfaketime. */
    CHRONY,
    /** ntpsec's ntpd serving NTP on the real clock (libfaketime cannot fake it; see testbed/README.md). */
    NTPSEC,
    /** nginx serving HTTP and HTTPS, its Date header on a libfaketime clock. */
    NGINX,
    /** dnsmasq serving the lab zone. */
    DNSMASQ
}
