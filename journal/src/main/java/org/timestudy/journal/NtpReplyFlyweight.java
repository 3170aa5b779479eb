package org.timestudy.journal;

import org.agrona.MutableDirectBuffer;

/**
 * One validated NTP reply: who was asked, our two timestamps, and every field of the reply, raw. Offsets and delays
 * are derived later with {@link org.timestudy.ntp.NtpTime}; the journal keeps only what was measured.
 *
 * <pre>
 *   0..15  header (type NTP_REPLY)            52  refid (i32, big-endian value)
 *   16  target address (i32)                  56  reference timestamp (raw NTP, i64)
 *   20  target port (u16)                     64  origin timestamp (raw NTP)  = our cookie
 *   22  source port (u16)                     72  receive timestamp (raw NTP) = T2
 *   24  T1, request sent, ns since 1970       80  transmit timestamp (raw NTP) = T3
 *   32  T4, reply received, ns since 1970     88  flags (u16, {@link RecordFlags})
 *   40  LI/VN/Mode byte (u8)                  90  probe index (u8)
 *   41  stratum (u8)                          91  IP TTL of the reply (u8)
 *   42  poll, log2 s (i8)                     92  UDP payload length (u16)
 *   43  precision, log2 s (i8)                94  reserved (u16)
 *   44  root delay (NTP short 16.16, i32)
 *   48  root dispersion (NTP short 16.16, i32)
 * </pre>
 */
public final class NtpReplyFlyweight extends RecordFlyweight
{
    /** Offset of the IPv4 address probed. */
    public static final int TARGET_ADDRESS_OFFSET = 16;
    /** Offset of the port probed. */
    public static final int TARGET_PORT_OFFSET = 20;
    /** Offset of our source port. */
    public static final int SOURCE_PORT_OFFSET = 22;
    /** Offset of T1, when the request left, ns since 1970. */
    public static final int T1_EPOCH_NS_OFFSET = 24;
    /** Offset of T4, when the reply arrived (kernel capture timestamp), ns since 1970. */
    public static final int T4_EPOCH_NS_OFFSET = 32;
    /** Offset of the reply's LI/VN/Mode byte. */
    public static final int FIRST_BYTE_OFFSET = 40;
    /** Offset of the reply's stratum. */
    public static final int STRATUM_OFFSET = 41;
    /** Offset of the reply's poll exponent, log2 seconds. */
    public static final int POLL_OFFSET = 42;
    /** Offset of the reply's precision exponent, log2 seconds. */
    public static final int PRECISION_OFFSET = 43;
    /** Offset of the reply's root delay, NTP short format. */
    public static final int ROOT_DELAY_OFFSET = 44;
    /** Offset of the reply's root dispersion, NTP short format. */
    public static final int ROOT_DISPERSION_OFFSET = 48;
    /** Offset of the reply's reference id, as a big-endian value. */
    public static final int REFID_OFFSET = 52;
    /** Offset of the reply's reference timestamp, raw NTP. */
    public static final int REFERENCE_TIMESTAMP_OFFSET = 56;
    /** Offset of the reply's origin timestamp (our cookie echoed), raw NTP. */
    public static final int ORIGIN_TIMESTAMP_OFFSET = 64;
    /** Offset of the reply's receive timestamp T2, raw NTP. */
    public static final int RECEIVE_TIMESTAMP_OFFSET = 72;
    /** Offset of the reply's transmit timestamp T3, raw NTP. */
    public static final int TRANSMIT_TIMESTAMP_OFFSET = 80;
    /** Offset of flags, see RecordFlags. */
    public static final int FLAGS_OFFSET = 88;
    /** Offset of which probe of the target this answers. */
    public static final int PROBE_INDEX_OFFSET = 90;
    /** Offset of the IP TTL of the reply. */
    public static final int TTL_OFFSET = 91;
    /** Offset of the UDP payload length of the reply in bytes. */
    public static final int PAYLOAD_LENGTH_OFFSET = 92;
    /** Offset of reserved, zero. */
    public static final int RESERVED_OFFSET = 94;
    /** Total length of the record in bytes. */
    public static final int LENGTH = 96;

    /** {@inheritDoc} */
    @Override
    public NtpReplyFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);
        return this;
    }

    /**
     * Writes the header of a new record of this type.
     *
     * @param scanId id of the scan.
     * @return this.
     */
    public NtpReplyFlyweight header(final long scanId)
    {
        header(RecordType.NTP_REPLY, LENGTH, scanId);
        return this;
    }

    /**
     * @return the IPv4 address probed.
     */
    public int targetAddress()
    {
        return buffer.getInt(offset + TARGET_ADDRESS_OFFSET, ORDER);
    }

    /**
     * @param targetAddress the IPv4 address probed.
     * @return this.
     */
    public NtpReplyFlyweight targetAddress(final int targetAddress)
    {
        buffer.putInt(offset + TARGET_ADDRESS_OFFSET, targetAddress, ORDER);
        return this;
    }
    /**
     * @return the port probed.
     */
    public int targetPort()
    {
        return buffer.getShort(offset + TARGET_PORT_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param targetPort the port probed.
     * @return this.
     */
    public NtpReplyFlyweight targetPort(final int targetPort)
    {
        buffer.putShort(offset + TARGET_PORT_OFFSET, (short)targetPort, ORDER);
        return this;
    }
    /**
     * @return our source port.
     */
    public int sourcePort()
    {
        return buffer.getShort(offset + SOURCE_PORT_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param sourcePort our source port.
     * @return this.
     */
    public NtpReplyFlyweight sourcePort(final int sourcePort)
    {
        buffer.putShort(offset + SOURCE_PORT_OFFSET, (short)sourcePort, ORDER);
        return this;
    }
    /**
     * @return T1, when the request left, ns since 1970.
     */
    public long t1EpochNs()
    {
        return buffer.getLong(offset + T1_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @param t1EpochNs T1, when the request left, ns since 1970.
     * @return this.
     */
    public NtpReplyFlyweight t1EpochNs(final long t1EpochNs)
    {
        buffer.putLong(offset + T1_EPOCH_NS_OFFSET, t1EpochNs, ORDER);
        return this;
    }
    /**
     * @return T4, when the reply arrived (kernel capture timestamp), ns since 1970.
     */
    public long t4EpochNs()
    {
        return buffer.getLong(offset + T4_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @param t4EpochNs T4, when the reply arrived (kernel capture timestamp), ns since 1970.
     * @return this.
     */
    public NtpReplyFlyweight t4EpochNs(final long t4EpochNs)
    {
        buffer.putLong(offset + T4_EPOCH_NS_OFFSET, t4EpochNs, ORDER);
        return this;
    }
    /**
     * @return the reply's LI/VN/Mode byte.
     */
    public int firstByte()
    {
        return buffer.getByte(offset + FIRST_BYTE_OFFSET) & 0xFF;
    }

    /**
     * @param firstByte the reply's LI/VN/Mode byte.
     * @return this.
     */
    public NtpReplyFlyweight firstByte(final int firstByte)
    {
        buffer.putByte(offset + FIRST_BYTE_OFFSET, (byte)firstByte);
        return this;
    }
    /**
     * @return the reply's stratum.
     */
    public int stratum()
    {
        return buffer.getByte(offset + STRATUM_OFFSET) & 0xFF;
    }

    /**
     * @param stratum the reply's stratum.
     * @return this.
     */
    public NtpReplyFlyweight stratum(final int stratum)
    {
        buffer.putByte(offset + STRATUM_OFFSET, (byte)stratum);
        return this;
    }
    /**
     * @return the reply's poll exponent, log2 seconds.
     */
    public int poll()
    {
        return buffer.getByte(offset + POLL_OFFSET);
    }

    /**
     * @param poll the reply's poll exponent, log2 seconds.
     * @return this.
     */
    public NtpReplyFlyweight poll(final int poll)
    {
        buffer.putByte(offset + POLL_OFFSET, (byte)poll);
        return this;
    }
    /**
     * @return the reply's precision exponent, log2 seconds.
     */
    public int precision()
    {
        return buffer.getByte(offset + PRECISION_OFFSET);
    }

    /**
     * @param precision the reply's precision exponent, log2 seconds.
     * @return this.
     */
    public NtpReplyFlyweight precision(final int precision)
    {
        buffer.putByte(offset + PRECISION_OFFSET, (byte)precision);
        return this;
    }
    /**
     * @return the reply's root delay, NTP short format.
     */
    public int rootDelay()
    {
        return buffer.getInt(offset + ROOT_DELAY_OFFSET, ORDER);
    }

    /**
     * @param rootDelay the reply's root delay, NTP short format.
     * @return this.
     */
    public NtpReplyFlyweight rootDelay(final int rootDelay)
    {
        buffer.putInt(offset + ROOT_DELAY_OFFSET, rootDelay, ORDER);
        return this;
    }
    /**
     * @return the reply's root dispersion, NTP short format.
     */
    public int rootDispersion()
    {
        return buffer.getInt(offset + ROOT_DISPERSION_OFFSET, ORDER);
    }

    /**
     * @param rootDispersion the reply's root dispersion, NTP short format.
     * @return this.
     */
    public NtpReplyFlyweight rootDispersion(final int rootDispersion)
    {
        buffer.putInt(offset + ROOT_DISPERSION_OFFSET, rootDispersion, ORDER);
        return this;
    }
    /**
     * @return the reply's reference id, as a big-endian value.
     */
    public int refid()
    {
        return buffer.getInt(offset + REFID_OFFSET, ORDER);
    }

    /**
     * @param refid the reply's reference id, as a big-endian value.
     * @return this.
     */
    public NtpReplyFlyweight refid(final int refid)
    {
        buffer.putInt(offset + REFID_OFFSET, refid, ORDER);
        return this;
    }
    /**
     * @return the reply's reference timestamp, raw NTP.
     */
    public long referenceTimestamp()
    {
        return buffer.getLong(offset + REFERENCE_TIMESTAMP_OFFSET, ORDER);
    }

    /**
     * @param referenceTimestamp the reply's reference timestamp, raw NTP.
     * @return this.
     */
    public NtpReplyFlyweight referenceTimestamp(final long referenceTimestamp)
    {
        buffer.putLong(offset + REFERENCE_TIMESTAMP_OFFSET, referenceTimestamp, ORDER);
        return this;
    }
    /**
     * @return the reply's origin timestamp (our cookie echoed), raw NTP.
     */
    public long originTimestamp()
    {
        return buffer.getLong(offset + ORIGIN_TIMESTAMP_OFFSET, ORDER);
    }

    /**
     * @param originTimestamp the reply's origin timestamp (our cookie echoed), raw NTP.
     * @return this.
     */
    public NtpReplyFlyweight originTimestamp(final long originTimestamp)
    {
        buffer.putLong(offset + ORIGIN_TIMESTAMP_OFFSET, originTimestamp, ORDER);
        return this;
    }
    /**
     * @return the reply's receive timestamp T2, raw NTP.
     */
    public long receiveTimestamp()
    {
        return buffer.getLong(offset + RECEIVE_TIMESTAMP_OFFSET, ORDER);
    }

    /**
     * @param receiveTimestamp the reply's receive timestamp T2, raw NTP.
     * @return this.
     */
    public NtpReplyFlyweight receiveTimestamp(final long receiveTimestamp)
    {
        buffer.putLong(offset + RECEIVE_TIMESTAMP_OFFSET, receiveTimestamp, ORDER);
        return this;
    }
    /**
     * @return the reply's transmit timestamp T3, raw NTP.
     */
    public long transmitTimestamp()
    {
        return buffer.getLong(offset + TRANSMIT_TIMESTAMP_OFFSET, ORDER);
    }

    /**
     * @param transmitTimestamp the reply's transmit timestamp T3, raw NTP.
     * @return this.
     */
    public NtpReplyFlyweight transmitTimestamp(final long transmitTimestamp)
    {
        buffer.putLong(offset + TRANSMIT_TIMESTAMP_OFFSET, transmitTimestamp, ORDER);
        return this;
    }
    /**
     * @return flags, see RecordFlags.
     */
    public int flags()
    {
        return buffer.getShort(offset + FLAGS_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param flags flags, see RecordFlags.
     * @return this.
     */
    public NtpReplyFlyweight flags(final int flags)
    {
        buffer.putShort(offset + FLAGS_OFFSET, (short)flags, ORDER);
        return this;
    }
    /**
     * @return which probe of the target this answers.
     */
    public int probeIndex()
    {
        return buffer.getByte(offset + PROBE_INDEX_OFFSET) & 0xFF;
    }

    /**
     * @param probeIndex which probe of the target this answers.
     * @return this.
     */
    public NtpReplyFlyweight probeIndex(final int probeIndex)
    {
        buffer.putByte(offset + PROBE_INDEX_OFFSET, (byte)probeIndex);
        return this;
    }
    /**
     * @return the IP TTL of the reply.
     */
    public int ttl()
    {
        return buffer.getByte(offset + TTL_OFFSET) & 0xFF;
    }

    /**
     * @param ttl the IP TTL of the reply.
     * @return this.
     */
    public NtpReplyFlyweight ttl(final int ttl)
    {
        buffer.putByte(offset + TTL_OFFSET, (byte)ttl);
        return this;
    }
    /**
     * @return the UDP payload length of the reply in bytes.
     */
    public int payloadLength()
    {
        return buffer.getShort(offset + PAYLOAD_LENGTH_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param payloadLength the UDP payload length of the reply in bytes.
     * @return this.
     */
    public NtpReplyFlyweight payloadLength(final int payloadLength)
    {
        buffer.putShort(offset + PAYLOAD_LENGTH_OFFSET, (short)payloadLength, ORDER);
        return this;
    }
    /**
     * @return reserved, zero.
     */
    public int reserved()
    {
        return buffer.getShort(offset + RESERVED_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param reserved reserved, zero.
     * @return this.
     */
    public NtpReplyFlyweight reserved(final int reserved)
    {
        buffer.putShort(offset + RESERVED_OFFSET, (short)reserved, ORDER);
        return this;
    }

}
