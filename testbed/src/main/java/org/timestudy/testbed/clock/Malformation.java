package org.timestudy.testbed.clock;

/**
 * What a {@link Response#MALFORMED} NTP server gets wrong, drawn per request.
 */
public enum Malformation
{
    /** Fewer than 48 bytes. */
    TRUNCATED,
    /** Mode other than 4 (server). */
    WRONG_MODE,
    /** Version 0 or 7. */
    WRONG_VERSION,
    /** Random bytes. */
    GARBAGE;

    private static final Malformation[] VALUES = values();

    static Malformation of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
