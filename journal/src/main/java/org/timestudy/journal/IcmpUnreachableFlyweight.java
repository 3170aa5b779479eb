package org.timestudy.journal;

import org.agrona.MutableDirectBuffer;

/**
 * An ICMP destination-unreachable that quotes one of our probes (validated by the quoted cookie).
 *
 * <pre>
 *   0..15  header (type ICMP_UNREACHABLE)     40  address that sent the ICMP (i32)
 *   16  target address probed (i32)           44  ICMP type (u8)
 *   20  target port (u16)                     45  ICMP code (u8)
 *   22  source port (u16)                     46  probe index (u8)
 *   24  T1, probe sent, ns since 1970         47  IP TTL of the ICMP (u8)
 *   32  T4, ICMP received, ns since 1970
 * </pre>
 */
public final class IcmpUnreachableFlyweight extends RecordFlyweight
{
    /** Offset of the IPv4 address probed. */
    public static final int TARGET_ADDRESS_OFFSET = 16;
    /** Offset of the port probed. */
    public static final int TARGET_PORT_OFFSET = 20;
    /** Offset of our source port. */
    public static final int SOURCE_PORT_OFFSET = 22;
    /** Offset of T1, when the probe left, ns since 1970 (0 if unknown). */
    public static final int T1_EPOCH_NS_OFFSET = 24;
    /** Offset of T4, when the ICMP arrived, ns since 1970. */
    public static final int T4_EPOCH_NS_OFFSET = 32;
    /** Offset of the address that sent the ICMP. */
    public static final int REPORTER_ADDRESS_OFFSET = 40;
    /** Offset of the ICMP type. */
    public static final int ICMP_TYPE_OFFSET = 44;
    /** Offset of the ICMP code. */
    public static final int ICMP_CODE_OFFSET = 45;
    /** Offset of which probe of the target it quotes. */
    public static final int PROBE_INDEX_OFFSET = 46;
    /** Offset of the IP TTL of the ICMP packet. */
    public static final int TTL_OFFSET = 47;
    /** Total length of the record in bytes. */
    public static final int LENGTH = 48;

    /** {@inheritDoc} */
    @Override
    public IcmpUnreachableFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
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
    public IcmpUnreachableFlyweight header(final long scanId)
    {
        header(RecordType.ICMP_UNREACHABLE, LENGTH, scanId);
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
    public IcmpUnreachableFlyweight targetAddress(final int targetAddress)
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
    public IcmpUnreachableFlyweight targetPort(final int targetPort)
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
    public IcmpUnreachableFlyweight sourcePort(final int sourcePort)
    {
        buffer.putShort(offset + SOURCE_PORT_OFFSET, (short)sourcePort, ORDER);
        return this;
    }
    /**
     * @return T1, when the probe left, ns since 1970 (0 if unknown).
     */
    public long t1EpochNs()
    {
        return buffer.getLong(offset + T1_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @param t1EpochNs T1, when the probe left, ns since 1970 (0 if unknown).
     * @return this.
     */
    public IcmpUnreachableFlyweight t1EpochNs(final long t1EpochNs)
    {
        buffer.putLong(offset + T1_EPOCH_NS_OFFSET, t1EpochNs, ORDER);
        return this;
    }
    /**
     * @return T4, when the ICMP arrived, ns since 1970.
     */
    public long t4EpochNs()
    {
        return buffer.getLong(offset + T4_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @param t4EpochNs T4, when the ICMP arrived, ns since 1970.
     * @return this.
     */
    public IcmpUnreachableFlyweight t4EpochNs(final long t4EpochNs)
    {
        buffer.putLong(offset + T4_EPOCH_NS_OFFSET, t4EpochNs, ORDER);
        return this;
    }
    /**
     * @return the address that sent the ICMP.
     */
    public int reporterAddress()
    {
        return buffer.getInt(offset + REPORTER_ADDRESS_OFFSET, ORDER);
    }

    /**
     * @param reporterAddress the address that sent the ICMP.
     * @return this.
     */
    public IcmpUnreachableFlyweight reporterAddress(final int reporterAddress)
    {
        buffer.putInt(offset + REPORTER_ADDRESS_OFFSET, reporterAddress, ORDER);
        return this;
    }
    /**
     * @return the ICMP type.
     */
    public int icmpType()
    {
        return buffer.getByte(offset + ICMP_TYPE_OFFSET) & 0xFF;
    }

    /**
     * @param icmpType the ICMP type.
     * @return this.
     */
    public IcmpUnreachableFlyweight icmpType(final int icmpType)
    {
        buffer.putByte(offset + ICMP_TYPE_OFFSET, (byte)icmpType);
        return this;
    }
    /**
     * @return the ICMP code.
     */
    public int icmpCode()
    {
        return buffer.getByte(offset + ICMP_CODE_OFFSET) & 0xFF;
    }

    /**
     * @param icmpCode the ICMP code.
     * @return this.
     */
    public IcmpUnreachableFlyweight icmpCode(final int icmpCode)
    {
        buffer.putByte(offset + ICMP_CODE_OFFSET, (byte)icmpCode);
        return this;
    }
    /**
     * @return which probe of the target it quotes.
     */
    public int probeIndex()
    {
        return buffer.getByte(offset + PROBE_INDEX_OFFSET) & 0xFF;
    }

    /**
     * @param probeIndex which probe of the target it quotes.
     * @return this.
     */
    public IcmpUnreachableFlyweight probeIndex(final int probeIndex)
    {
        buffer.putByte(offset + PROBE_INDEX_OFFSET, (byte)probeIndex);
        return this;
    }
    /**
     * @return the IP TTL of the ICMP packet.
     */
    public int ttl()
    {
        return buffer.getByte(offset + TTL_OFFSET) & 0xFF;
    }

    /**
     * @param ttl the IP TTL of the ICMP packet.
     * @return this.
     */
    public IcmpUnreachableFlyweight ttl(final int ttl)
    {
        buffer.putByte(offset + TTL_OFFSET, (byte)ttl);
        return this;
    }

}
