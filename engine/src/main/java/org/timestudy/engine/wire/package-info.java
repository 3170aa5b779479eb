/**
 * Ethernet, IPv4, UDP and ICMP header flyweights and the Internet checksum, each defined once, network byte order.
 */
package org.timestudy.engine.wire;
