package org.timestudy.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads journal records in order, one at a time, handing each to a handler as a buffer wrapped over the queue's own
 * memory (no copy, no allocation per record). Checks every record's header; a record of another layout version or
 * with an inconsistent length stops the read with a {@link JournalException}.
 */
public final class JournalReader implements AutoCloseable
{
    /** Receives records. The buffer is valid only during the call. */
    @FunctionalInterface
    public interface Handler
    {
        /**
         * @param type   record type.
         * @param buffer holding the record at offset 0.
         * @param length record length in bytes.
         * @param index  the record's Chronicle index (a position to resume from).
         */
        void onRecord(int type, UnsafeBuffer buffer, int length, long index);
    }

    private final ExcerptTailer tailer;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private final RecordFlyweight header = new RecordFlyweight();

    /**
     * @param queue an open journal.
     */
    public JournalReader(final ChronicleQueue queue)
    {
        this.tailer = queue.createTailer();
    }

    /**
     * Moves to just after a record read before.
     *
     * @param index a record's index, as given to {@link Handler#onRecord}.
     * @return this.
     */
    public JournalReader afterIndex(final long index)
    {
        if (!tailer.moveToIndex(index))
        {
            throw new JournalException("journal has no record at index " + Long.toHexString(index) +
                " to resume after");
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                throw new JournalException("journal has no record at index " + Long.toHexString(index));
            }
        }
        return this;
    }

    /**
     * Reads up to {@code limit} records.
     *
     * @param handler receives each record.
     * @param limit   most records to read.
     * @return records read; 0 when none is available yet.
     */
    public int read(final Handler handler, final int limit)
    {
        int n = 0;
        while (n < limit)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    break;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final int length = (int)bytes.readRemaining();
                if (length < RecordFlyweight.HEADER_LENGTH)
                {
                    throw new JournalException("journal record at index " + Long.toHexString(dc.index()) +
                        " is " + length + " bytes, shorter than a header");
                }
                buffer.wrap(bytes.addressForRead(bytes.readPosition()), length);
                header.wrap(buffer, 0);
                if (header.version() != RecordType.LAYOUT_VERSION || header.length() != length)
                {
                    throw new JournalException("journal record at index " + Long.toHexString(dc.index()) +
                        " has layout version " + header.version() + " and length " + header.length() + " (of " +
                        length + "); this version reads layout " + RecordType.LAYOUT_VERSION);
                }
                handler.onRecord(header.type(), buffer, length, dc.index());
                n++;
            }
        }
        return n;
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
