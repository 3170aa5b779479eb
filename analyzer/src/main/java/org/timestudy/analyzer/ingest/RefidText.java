package org.timestudy.analyzer.ingest;

import org.agrona.collections.Int2ObjectHashMap;
import org.timestudy.ntp.NtpFields;

import java.nio.charset.StandardCharsets;

/**
 * Writes the decoded text of reference ids ({@link NtpFields#refid}) into a row: above stratum 1 the dotted quad,
 * formatted in place; at stratum 0 and 1 the ASCII text, cached per refid (kiss codes and source names are few). The
 * cache is cleared when it reaches {@link #MAX_ENTRIES}, which bounds its memory.
 */
final class RefidText
{
    /** Most cached refids. */
    static final int MAX_ENTRIES = 1 << 16;

    private final Int2ObjectHashMap<byte[]> cache = new Int2ObjectHashMap<>();

    private final byte[] dottedQuad = new byte[Ipv4Text.MAX_LENGTH];

    void write(final RowConsumer row, final Column column, final int stratum, final int refid)
    {
        if (stratum > 1)
        {
            row.address(column, refid, dottedQuad);
        }
        else
        {
            final byte[] text = text(stratum, refid);
            row.bytes(column, text, 0, text.length);
        }
    }

    private byte[] text(final int stratum, final int refid)
    {
        byte[] value = cache.get(refid);
        if (value == null)
        {
            if (cache.size() >= MAX_ENTRIES)
            {
                cache.clear();
            }
            value = NtpFields.refid(stratum, refid).getBytes(StandardCharsets.UTF_8);
            cache.put(refid, value);
        }
        return value;
    }
}
