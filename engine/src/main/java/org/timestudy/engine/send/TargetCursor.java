package org.timestudy.engine.send;

/**
 * One send thread's walk over its share of the targets.
 */
public interface TargetCursor
{
    /** Returned by {@link #next()} at the end. */
    long END = -1;

    /**
     * @return the next target as {@code (address & 0xFFFFFFFFL) << 16 | port}, or {@link #END}.
     */
    long next();

    /**
     * @return how many targets this cursor has handed out, a position {@link #seek} accepts.
     */
    long position();

    /**
     * Continues a walk from a saved position.
     *
     * @param position from {@link #position()}.
     */
    void seek(long position);
}
