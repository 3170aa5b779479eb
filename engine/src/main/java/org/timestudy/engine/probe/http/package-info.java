/**
 * HTTP Date probes: the response reader and record encoder every mode shares, hostname and precision modes over
 * kernel sockets (non-blocking NIO, TLS with SNI), and the stateless IPv4 mode as a probe type over raw TCP.
 */
package org.timestudy.engine.probe.http;
