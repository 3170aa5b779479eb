package org.timestudy.journal;

/**
 * Record types of the journal and the layout version they are written with.
 */
public final class RecordType
{
    /** Layout version written by this code. A reader refuses records of another version with a clear error. */
    public static final int LAYOUT_VERSION = 1;
    /** A validated NTP reply: {@link NtpReplyFlyweight}. */
    public static final int NTP_REPLY = 1;
    /** An ICMP destination-unreachable quoting one of our probes: {@link IcmpUnreachableFlyweight}. */
    public static final int ICMP_UNREACHABLE = 2;
    /** Start of a scan, with its parameters: {@link ScanEventFlyweight}. */
    public static final int SCAN_START = 3;
    /** End of a scan, with its final counters: {@link ScanEventFlyweight}. */
    public static final int SCAN_END = 4;
    /** An HTTP probe's response or failure: {@link HttpResponseFlyweight}. */
    public static final int HTTP_RESPONSE = 5;

    private RecordType()
    {
    }

    /**
     * @param type a record type.
     * @return its name, or {@code UNKNOWN(n)}.
     */
    public static String name(final int type)
    {
        return switch (type)
        {
            case NTP_REPLY -> "NTP_REPLY";
            case ICMP_UNREACHABLE -> "ICMP_UNREACHABLE";
            case SCAN_START -> "SCAN_START";
            case SCAN_END -> "SCAN_END";
            case HTTP_RESPONSE -> "HTTP_RESPONSE";
            default -> "UNKNOWN(" + type + ")";
        };
    }
}
