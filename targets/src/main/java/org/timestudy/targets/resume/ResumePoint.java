package org.timestudy.targets.resume;

/**
 * Where one sender thread's walk stood after its last fully sent batch.
 *
 * @param position steps taken ({@link org.timestudy.targets.permute.Walk#position()}).
 * @param produced targets produced ({@link org.timestudy.targets.permute.Walk#produced()}).
 */
public record ResumePoint(long position, long produced)
{
    /** The start of a walk. */
    public static final ResumePoint START = new ResumePoint(0, 0);
}
