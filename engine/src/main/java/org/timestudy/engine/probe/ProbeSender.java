package org.timestudy.engine.probe;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Builds a probe's frames on one send thread. {@link #prepare} writes the constant bytes of a frame slot once;
 * {@link #make} then writes only the per-target fields and the checksums into the same slot for every packet.
 */
public interface ProbeSender
{
    /**
     * Writes the bytes that never change into a frame slot. Called once per slot.
     *
     * @param frame the slot, Ethernet header at 0.
     */
    void prepare(MutableDirectBuffer frame);

    /**
     * Writes the per-target fields into a prepared slot.
     *
     * @param frame         a slot prepared earlier (it may hold the previous target's fields).
     * @param remoteAddress target address.
     * @param remotePort    target port.
     * @param localPort     our source port.
     * @param cookie        the engine's validation cookie, to place where the protocol echoes it.
     * @return the frame's length in bytes.
     */
    int make(MutableDirectBuffer frame, int remoteAddress, int remotePort, int localPort, long cookie);

    /**
     * Describes a built frame for {@code --dryrun}.
     *
     * @param frame  a frame built by {@link #make}.
     * @param length its length.
     * @param out    where to append one line.
     */
    void describe(DirectBuffer frame, int length, StringBuilder out);
}
