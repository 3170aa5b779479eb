/**
 * Ethernet, IPv4, IPv6, UDP, TCP and ICMP header flyweights and the Internet checksum, each defined once, network
 * byte order.
 */
package org.timestudy.engine.wire;
