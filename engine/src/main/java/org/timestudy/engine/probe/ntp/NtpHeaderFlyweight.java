package org.timestudy.engine.probe.ntp;

/**
 * Byte offsets of the NTP packet header (RFC 5905 section 7.3, figure 8), network byte order. Timestamps are
 * 64-bit 32.32 fixed point, read and written as raw longs ({@link org.timestudy.ntp.NtpTime} does the arithmetic).
 *
 * <pre>
 *   0 LI|VN|Mode  1 Stratum  2 Poll  3 Precision
 *   4 Root Delay (32)        8 Root Dispersion (32)     12 Reference ID (32)
 *  16 Reference Timestamp (64)
 *  24 Origin Timestamp (64)     = our cookie, echoed
 *  32 Receive Timestamp (64)    = T2
 *  40 Transmit Timestamp (64)   = T3 in replies; our cookie in requests
 *  48 extension fields, MAC (optional)
 * </pre>
 */
public final class NtpHeaderFlyweight
{
    /** Offset of the LI/VN/Mode byte. */
    public static final int FIRST_BYTE_OFFSET = 0;
    /** Offset of the stratum. */
    public static final int STRATUM_OFFSET = 1;
    /** Offset of the poll exponent. */
    public static final int POLL_OFFSET = 2;
    /** Offset of the precision exponent. */
    public static final int PRECISION_OFFSET = 3;
    /** Offset of the root delay. */
    public static final int ROOT_DELAY_OFFSET = 4;
    /** Offset of the root dispersion. */
    public static final int ROOT_DISPERSION_OFFSET = 8;
    /** Offset of the reference id. */
    public static final int REFERENCE_ID_OFFSET = 12;
    /** Offset of the reference timestamp. */
    public static final int REFERENCE_TIMESTAMP_OFFSET = 16;
    /** Offset of the origin timestamp. */
    public static final int ORIGIN_TIMESTAMP_OFFSET = 24;
    /** Offset of the receive timestamp. */
    public static final int RECEIVE_TIMESTAMP_OFFSET = 32;
    /** Offset of the transmit timestamp. */
    public static final int TRANSMIT_TIMESTAMP_OFFSET = 40;
    /** Length of the header in bytes. */
    public static final int HEADER_LENGTH = 48;
    /** Longest reply accepted: the header plus up to 1024 bytes of extension fields and MAC. */
    public static final int MAX_LENGTH = HEADER_LENGTH + 1024;

    private NtpHeaderFlyweight()
    {
    }
}
