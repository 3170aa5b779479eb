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
     * Stateful probes: a frame of a connection the probe tracks (its data, FIN, RST; our own frames of it), handed
     * to {@link #process} without cookie validation: the probe checks it against its own table.
     */
    int SEGMENT = 8;

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
     * A validated reply: by default encoded as one record. Stateful probes (HTTP over raw TCP) override it to open
     * a connection in their own table and ask for follow-up frames instead.
     *
     * @param frame     captured bytes.
     * @param ipOffset  offset of the IPv4 header.
     * @param captured  bytes captured.
     * @param reply     what the engine knows: scan, times, flags.
     * @param followUps where to send follow-up frames.
     * @param records   where to journal.
     */
    default void onReply(
        final DirectBuffer frame, final int ipOffset, final int captured, final ReplyContext reply,
        final FollowUpSink followUps, final RecordSink records)
    {
        records.commit(encode(frame, ipOffset, captured, reply, records.buffer()));
    }

    /**
     * Stateful probes: a frame classified {@link #SEGMENT}.
     *
     * @param frame     captured bytes.
     * @param ipOffset  offset of the IPv4 header.
     * @param captured  bytes captured.
     * @param timeNs    its capture timestamp, ns since 1970.
     * @param outgoing  true when it left this host.
     * @param reply     scan id and a scratch reply context.
     * @param followUps where to send follow-up frames.
     * @param records   where to journal.
     */
    default void process(
        final DirectBuffer frame, final int ipOffset, final int captured, final long timeNs, final boolean outgoing,
        final ReplyContext reply, final FollowUpSink followUps, final RecordSink records)
    {
    }

    /**
     * Stateful probes: timers (connections that timed out), once per capture duty cycle.
     *
     * @param nowNs     monotonic clock, ns.
     * @param reply     scan id and a scratch reply context.
     * @param followUps where to send follow-up frames.
     * @param records   where to journal.
     * @return work done.
     */
    default int poll(final long nowNs, final ReplyContext reply, final FollowUpSink followUps,
        final RecordSink records)
    {
        return 0;
    }

    /**
     * The Kiss-o'-Death code of a reply flagged as one, or 0.
     *
     * @param frame    captured bytes.
     * @param ipOffset offset of the IPv4 header.
     * @return the kiss code as a big-endian 32-bit value.
     */
    int kissCode(DirectBuffer frame, int ipOffset);
}
