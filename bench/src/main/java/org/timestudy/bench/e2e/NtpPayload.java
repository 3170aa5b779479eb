package org.timestudy.bench.e2e;

import org.timestudy.ntp.NtpFields;

import java.nio.ByteBuffer;

/**
 * The standard NTP request the peers are given (RFC 5905 client mode, version 4, every other field zero, as
 * timestudy sends it but without its cookie), and the reading of a 48-byte NTP header by its RFC 5905 offsets for the
 * tools that record only the raw payload.
 */
public final class NtpPayload
{
    /** Bytes of an NTP header without extensions. */
    public static final int LENGTH = 48;
    private static final int STRATUM_OFFSET = 1;
    private static final int RECEIVE_TIMESTAMP_OFFSET = 32;
    private static final int TRANSMIT_TIMESTAMP_OFFSET = 40;

    private NtpPayload()
    {
    }

    /**
     * @return a fresh 48-byte mode-3 (client) version-4 request.
     */
    public static byte[] modeThreeRequest()
    {
        final byte[] p = new byte[LENGTH];
        p[0] = (byte)NtpFields.firstByte(0, NtpFields.VERSION_4, NtpFields.MODE_CLIENT);
        return p;
    }

    /**
     * @param header at least 48 bytes of an NTP message.
     * @return {first byte, stratum, receive timestamp T2, transmit timestamp T3}.
     */
    public static long[] fields(final byte[] header)
    {
        final ByteBuffer b = ByteBuffer.wrap(header);
        return new long[] {header[0] & 0xFF, header[STRATUM_OFFSET] & 0xFF, b.getLong(RECEIVE_TIMESTAMP_OFFSET),
            b.getLong(TRANSMIT_TIMESTAMP_OFFSET)};
    }
}
