package org.timestudy.engine.probe;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Recognises a probe's traffic in captured IPv4 packets on the capture thread. {@link #classify} changes nothing
 * and says what a packet is; for our own outgoing probes, replies and quoting ICMP errors it also fills the
 * {@link Echo} with the addresses, ports and echoed cookie the engine validates. {@link #encode} writes a validated
 * reply into a journal record; it never opens files.
 */
public interface ProbeReceiver
{
    /** Not this probe's traffic. */
    int IGNORE = 0;
    /** One of our own probes, seen leaving: the echo holds its cookie (for T1). */
    int OUTGOING = 1;
    /** A reply to be validated. */
    int REPLY = 2;
    /** An ICMP destination-unreachable quoting one of our probes. */
    int ICMP_UNREACHABLE = 3;
    /** A reply too short to hold the protocol's header. */
    int TRUNCATED = 4;
    /** A reply longer than the protocol allows. */
    int OVERSIZED = 5;
    /** A reply of the wrong mode or kind. */
    int WRONG_MODE = 6;
    /** A reply of a protocol version that does not exist. */
    int WRONG_VERSION = 7;

    /**
     * @param frame    captured bytes, Ethernet header at 0.
     * @param ipOffset offset of the IPv4 header.
     * @param captured bytes captured from the frame's start.
     * @param outgoing true when the frame left this host (source MAC is ours).
     * @param echo     filled for OUTGOING, REPLY and ICMP_UNREACHABLE.
     * @return one of the constants above.
     */
    int classify(DirectBuffer frame, int ipOffset, int captured, boolean outgoing, Echo echo);

    /**
     * Encodes a validated reply as a journal record.
     *
     * @param frame    captured bytes.
     * @param ipOffset offset of the IPv4 header.
     * @param captured bytes captured.
     * @param record   what the engine knows: scan, times, flags, probe index.
     * @param out      buffer to encode into, at offset 0.
     * @return record length in bytes.
     */
    int encode(DirectBuffer frame, int ipOffset, int captured, ReplyContext record, MutableDirectBuffer out);

    /**
     * Extra journal flags this reply earns (e.g. Kiss-o'-Death, unsynchronised), read from a reply classified
     * {@link #REPLY}.
     *
     * @param frame    captured bytes.
     * @param ipOffset offset of the IPv4 header.
     * @return flag bits of {@link org.timestudy.journal.RecordFlags}.
     */
    int replyFlags(DirectBuffer frame, int ipOffset);

    /**
     * The Kiss-o'-Death code of a reply flagged as one, or 0.
     *
     * @param frame    captured bytes.
     * @param ipOffset offset of the IPv4 header.
     * @return the kiss code as a big-endian 32-bit value.
     */
    int kissCode(DirectBuffer frame, int ipOffset);
}
