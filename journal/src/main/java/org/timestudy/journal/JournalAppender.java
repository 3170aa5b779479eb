package org.timestudy.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Appends records to the journal from one thread. Encode a record into {@link #buffer()} with a flyweight, then
 * call {@link #append(int)}: one short copy into the queue, no allocation.
 */
public final class JournalAppender implements AutoCloseable
{
    /** Largest record this appender takes, in bytes. */
    public static final int MAX_RECORD_LENGTH = 64 * 1024;

    private final ExcerptAppender appender;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(MAX_RECORD_LENGTH);
    private final UnsafeBuffer buffer = new UnsafeBuffer(direct);
    private final Bytes<ByteBuffer> bytes = Bytes.wrapForRead(direct);
    private long appended;

    /**
     * @param queue an open journal (see {@link Journal#openForWrite}).
     */
    public JournalAppender(final ChronicleQueue queue)
    {
        this.appender = queue.createAppender();
    }

    /**
     * @return the buffer to encode the next record into, at offset 0.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Appends the record encoded at offset 0 of {@link #buffer()}.
     *
     * @param length its length in bytes.
     */
    public void append(final int length)
    {
        bytes.readPositionRemaining(0, length);
        appender.writeBytes(bytes);
        appended++;
    }

    /**
     * @return records appended by this appender.
     */
    public long appended()
    {
        return appended;
    }

    /**
     * @return the index of the last record appended.
     */
    public long lastIndex()
    {
        return appender.lastIndexAppended();
    }

    @Override
    public void close()
    {
        appender.close();
        bytes.releaseLast();
    }
}
