package org.timestudy.journal;

import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Start or end of a scan: a time and a JSON document (parameters at start, final counters at end). Variable length;
 * not on any hot path.
 *
 * <pre>
 *   0..15  header (type SCAN_START or SCAN_END)
 *   16  time, ns since 1970 (i64)
 *   24  JSON length in bytes (i32)
 *   28  JSON, UTF-8
 * </pre>
 */
public final class ScanEventFlyweight extends RecordFlyweight
{
    /** Offset of the event's time. */
    public static final int TIME_EPOCH_NS_OFFSET = 16;
    /** Offset of the JSON length. */
    public static final int JSON_LENGTH_OFFSET = 24;
    /** Offset of the JSON text. */
    public static final int JSON_OFFSET = 28;

    /** {@inheritDoc} */
    @Override
    public ScanEventFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);
        return this;
    }

    /**
     * Writes a whole event.
     *
     * @param type        {@link RecordType#SCAN_START} or {@link RecordType#SCAN_END}.
     * @param scanId      id of the scan.
     * @param timeEpochNs when, ns since 1970.
     * @param json        parameters or counters.
     * @return total length written.
     */
    public int encode(final int type, final long scanId, final long timeEpochNs, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        final int length = JSON_OFFSET + bytes.length;
        header(type, length, scanId);
        buffer.putLong(offset + TIME_EPOCH_NS_OFFSET, timeEpochNs, ORDER);
        buffer.putInt(offset + JSON_LENGTH_OFFSET, bytes.length, ORDER);
        buffer.putBytes(offset + JSON_OFFSET, bytes);
        return length;
    }

    /**
     * @return when, ns since 1970.
     */
    public long timeEpochNs()
    {
        return buffer.getLong(offset + TIME_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @return the JSON document.
     */
    public String json()
    {
        final int n = buffer.getInt(offset + JSON_LENGTH_OFFSET, ORDER);
        final byte[] bytes = new byte[n];
        buffer.getBytes(offset + JSON_OFFSET, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
