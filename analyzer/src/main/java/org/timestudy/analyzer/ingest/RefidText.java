package org.timestudy.analyzer.ingest;

import org.agrona.collections.Long2ObjectHashMap;
import org.apache.parquet.io.api.Binary;
import org.timestudy.ntp.NtpFields;

import java.nio.charset.StandardCharsets;

/**
 * The decoded text of reference ids ({@link NtpFields#refid}), cached: few distinct refids (upstream servers, GPS,
 * kiss codes) cover most replies, so the text is built once per distinct (kind, refid). The cache is cleared when it
 * reaches {@link #MAX_ENTRIES}, which bounds its memory.
 */
final class RefidText
{
    /** Most cached refids. */
    static final int MAX_ENTRIES = 1 << 16;

    private final Long2ObjectHashMap<Binary> cache = new Long2ObjectHashMap<>();

    Binary of(final int stratum, final int refid)
    {
        final boolean text = stratum <= 1;
        final long key = (text ? 1L << 32 : 0L) | (refid & 0xFFFF_FFFFL);
        Binary value = cache.get(key);
        if (value == null)
        {
            if (cache.size() >= MAX_ENTRIES)
            {
                cache.clear();
            }
            value = Binary.fromConstantByteArray(NtpFields.refid(stratum, refid).getBytes(StandardCharsets.UTF_8));
            cache.put(key, value);
        }
        return value;
    }
}
