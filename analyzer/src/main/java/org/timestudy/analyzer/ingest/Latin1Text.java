package org.timestudy.analyzer.ingest;

import org.agrona.DirectBuffer;

/**
 * Turns raw header octets (ISO-8859-1, as HTTP/1.1 carries them) into UTF-8 for Parquet's STRING type, in a reused
 * array: ASCII bytes are copied, each byte above 0x7F becomes two bytes. Control characters are kept.
 */
final class Latin1Text
{
    private byte[] utf8 = new byte[256];

    /**
     * @param source holding the octets.
     * @param offset first octet.
     * @param length octets.
     * @return UTF-8 bytes written to {@link #bytes()}.
     */
    int transcode(final DirectBuffer source, final int offset, final int length)
    {
        if (utf8.length < 2 * length)
        {
            utf8 = new byte[Math.max(2 * length, 2 * utf8.length)];
        }
        int p = 0;
        for (int i = 0; i < length; i++)
        {
            final int b = source.getByte(offset + i) & 0xFF;
            if (b < 0x80)
            {
                utf8[p++] = (byte)b;
            }
            else
            {
                utf8[p++] = (byte)(0xC0 | (b >>> 6));
                utf8[p++] = (byte)(0x80 | (b & 0x3F));
            }
        }
        return p;
    }

    /**
     * @return the array the last {@link #transcode} wrote into (valid until the next call).
     */
    byte[] bytes()
    {
        return utf8;
    }
}
