package org.timestudy.engine.probe;

import org.agrona.MutableDirectBuffer;

/**
 * Where a stateful probe's receiver journals records as its connections end: encode into {@link #buffer()} at
 * offset 0, then {@link #commit}. The engine appends to the journal and counts.
 */
public interface RecordSink
{
    /**
     * @return the buffer to encode the next record into, at offset 0.
     */
    MutableDirectBuffer buffer();

    /**
     * Appends the record encoded in {@link #buffer()}.
     *
     * @param length its length in bytes.
     */
    void commit(int length);
}
