package org.timestudy.engine.status;

/**
 * Every counter the engine keeps, each with a stable id and label. They live in a memory-mapped file beside the
 * journal ({@code counters.dat}), so another process can read them while a scan runs.
 */
public enum EngineCounter
{
    /** Probe frames handed to the kernel. */
    PROBES_SENT(0, "probes sent"),
    /** Probe frames the kernel refused (sendmmsg error). */
    SEND_FAILURES(1, "send failures"),
    /** Targets skipped at send time because the blocklist (last guard) matched. */
    BLOCKED_AT_SEND(2, "blocked at send time"),
    /** Targets skipped because they sent Kiss-o'-Death DENY/RSTR, or RATE while backing off. */
    KOD_SKIPPED(3, "skipped after kiss-o'-death"),
    /** Targets whose probes have all been sent. */
    TARGETS_DONE(4, "targets done"),
    /** Frames the capture handle delivered. */
    FRAMES_CAPTURED(5, "frames captured"),
    /** Our own probes seen leaving (T1 recorded). */
    OUTGOING_SEEN(6, "outgoing probes captured"),
    /** Replies that passed every check and were journaled. */
    REPLIES_VALID(7, "valid replies"),
    /** Replies whose echoed cookie did not validate (spoofed or stray). */
    DROP_WRONG_COOKIE(8, "dropped: wrong cookie"),
    /** Replies of the wrong mode. */
    DROP_WRONG_MODE(9, "dropped: wrong mode"),
    /** Replies too short. */
    DROP_TRUNCATED(10, "dropped: truncated"),
    /** Replies too long. */
    DROP_OVERSIZED(11, "dropped: oversized"),
    /** Second and later replies to one probe. */
    DROP_DUPLICATE(12, "dropped: duplicate"),
    /** Replies from an address that is not a target of this scan. */
    DROP_NOT_IN_SCAN(13, "dropped: not in scan"),
    /** ICMP destination-unreachables quoting our probes, journaled. */
    ICMP_UNREACHABLE(14, "icmp unreachable"),
    /** Kiss-o'-Death replies. */
    KOD_SEEN(15, "kiss-o'-death replies"),
    /** Valid replies whose outgoing probe was not captured (T1 missing). */
    T1_MISSING(16, "replies without captured T1"),
    /** Records appended to the journal. */
    RECORDS_JOURNALED(17, "records journaled"),
    /** Frames the kernel dropped before pcap read them (pcap_stats ps_drop). */
    PCAP_DROPS(18, "pcap drops"),
    /** Frames the interface dropped (pcap_stats ps_ifdrop). */
    PCAP_IFDROPS(19, "pcap interface drops"),
    /** Unexpected errors on any agent (see errors.log). */
    ERRORS(20, "errors"),
    /** Highest duty-cycle time of the capture agent, ns. */
    CAPTURE_MAX_CYCLE_NS(21, "capture max cycle ns"),
    /** Replies of an NTP version that does not exist (0, 5-7). */
    DROP_WRONG_VERSION(22, "dropped: wrong version"),

    // HTTP probes: ids from 32, so other additions above do not collide.

    /** HTTP (hostname mode): connections attempted. */
    HTTP_CONNECTIONS(32, "http connections"),
    /** HTTP: responses journaled (a status line came back). */
    HTTP_RESPONSES(33, "http responses"),
    /** HTTP: failures journaled (refused, timeouts, TLS, reset, DNS, blocked...). */
    HTTP_FAILURES(34, "http failures"),
    /** HTTP: redirects to other names queued as new targets. */
    HTTP_REDIRECTS_QUEUED(35, "http redirects queued"),
    /** HTTP: exchanges whose T1/T4 are kernel capture timestamps. */
    HTTP_CAPTURE_TIMED(36, "http capture-timed"),
    /** HTTP: connections open now. */
    HTTP_ACTIVE(37, "http connections open"),
    /** HTTP: records journaled. */
    HTTP_JOURNALED(38, "http records journaled"),
    /** Stateful probes (stateless HTTP): follow-up frames sent (ACK + request, ACK, RST). */
    FOLLOW_UPS_SENT(44, "follow-up frames sent"),
    /** Stateful probes: follow-up frames the last guard refused or the kernel did not send. */
    FOLLOW_UP_FAILURES(45, "follow-up frames failed");

    private final int id;
    private final String label;

    EngineCounter(final int id, final String label)
    {
        this.id = id;
        this.label = label;
    }

    /**
     * @return stable id, also the counter's slot.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return label for people.
     */
    public String label()
    {
        return label;
    }
}
