package org.timestudy.analyzer.ingest;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The journal record being compacted: its bytes (valid only during the journal reader's callback) and its index.
 * One instance is reused for every record.
 */
public final class JournalRecord
{
    private UnsafeBuffer buffer;
    private int length;
    private long index;

    /**
     * Points at a record.
     *
     * @param buffer holding the record at offset 0.
     * @param length its length in bytes.
     * @param index  its Chronicle index.
     * @return this.
     */
    public JournalRecord wrap(final UnsafeBuffer buffer, final int length, final long index)
    {
        this.buffer = buffer;
        this.length = length;
        this.index = index;
        return this;
    }

    /**
     * @return the buffer holding the record at offset 0.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the record's length in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the record's Chronicle index.
     */
    public long index()
    {
        return index;
    }
}
