package org.timestudy.testbed.lab;

import java.util.List;

/**
 * One real server of the lab, as configured: what runs, where, under which clock, and under which names.
 *
 * @param name    unique label, e.g. {@code chrony-ahead-37s}.
 * @param kind    which daemon.
 * @param address its IPv4 address inside the lab's server space.
 * @param names   DNS names of the lab zone that resolve to it (round-robin names list several servers).
 * @param stratum stratum it claims (NTP servers), 0 otherwise.
 * @param clock   its clock.
 */
public record ServerSpec(String name, ServerKind kind, String address, List<String> names, int stratum, FakeClock clock)
{
}
