package org.timestudy.engine.probe;

/**
 * One kind of probe, zmap's probe_module_t in Java: immutable, one per package, registered by one line in
 * {@code META-INF/services/org.timestudy.engine.probe.ProbeType}. Adding a protocol touches nothing else.
 *
 * <p>Validation belongs to the engine: the probe only puts the engine's cookie where the protocol echoes it back,
 * and finds it again in replies. Senders and receivers are per thread and may keep state; they allocate nothing per
 * packet.
 */
public interface ProbeType
{
    /**
     * @return the CLI value, e.g. {@code ntp}.
     */
    String name();

    /**
     * @return one line for {@code --help}.
     */
    String description();

    /**
     * @return port probed when none is given.
     */
    int defaultPort();

    /**
     * @return a stable 64-bit id, mixed into the cookie so probe types never accept each other's replies.
     */
    long cookieDomain();

    /**
     * @param ctx the scan's probe context.
     * @return the pcap filter (libpcap syntax) that captures this probe's outgoing frames, its replies, and ICMP
     *         errors about it.
     */
    String captureFilter(ProbeContext ctx);

    /**
     * @return bytes of each captured frame needed to validate and decode a reply (or a quoting ICMP error).
     */
    int snapLength();

    /**
     * @return the longest frame the sender builds, Ethernet header included.
     */
    int maxFrameLength();

    /**
     * @param ctx the scan's probe context.
     * @return a sender for one send thread.
     */
    ProbeSender newSender(ProbeContext ctx);

    /**
     * @param ctx the scan's probe context.
     * @return a receiver for the capture thread.
     */
    ProbeReceiver newReceiver(ProbeContext ctx);
}
