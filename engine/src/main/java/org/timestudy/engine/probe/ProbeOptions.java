package org.timestudy.engine.probe;

/**
 * Settings only some probe types use (the stateful ones): how long a connection may wait for its response, how much
 * of a response is read, what the request says, how many connections are tracked at once.
 *
 * @param responseTimeoutNs from the connection's start (SYN-ACK) to a complete response, ns.
 * @param maxResponseBytes  cap on the part of a response read (HTTP: the header block), bytes.
 * @param userAgent         HTTP User-Agent ("SCANNER" becomes our address).
 * @param maxConnections    connections tracked at once; more are dropped and counted.
 */
public record ProbeOptions(long responseTimeoutNs, int maxResponseBytes, String userAgent, int maxConnections)
{
    /** The defaults: 10 s, 16 KiB, timestudy's User-Agent, 65,536 connections. */
    public static final ProbeOptions DEFAULTS = new ProbeOptions(10_000_000_000L, 16_384,
        "timestudy/0.1 (research on server clock accuracy: one HEAD request reads the Date header; see " +
        "http://SCANNER/ to learn more or opt out)", 1 << 16);
}
