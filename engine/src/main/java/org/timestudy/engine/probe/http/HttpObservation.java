package org.timestudy.engine.probe.http;

import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;

/**
 * What a mode knows about one HTTP probe besides the response bytes, for {@link HttpRecordEncoder}: who, when, how
 * the times were taken, and how it ended. One mutable instance per thread, cleared with {@link #clear()}.
 */
public final class HttpObservation
{
    /** Scan id. */
    public long scanId;
    /** Target address, 4 or 16 bytes, or null when a name did not resolve. */
    public byte[] address;
    /** Port probed. */
    public int targetPort;
    /** Our source port, 0 when not connected. */
    public int sourcePort;
    /** T1, ns since 1970, 0 when unknown. */
    public long t1EpochNs;
    /** T4, ns since 1970. */
    public long t4EpochNs;
    /** How T1 and T4 were taken. */
    public HttpTiming timing = HttpTiming.NONE;
    /** Error bound of T1 and T4, ns. */
    public long timingErrorNs;
    /** Which mode. */
    public HttpProbeMode mode = HttpProbeMode.NAIVE;
    /** True for https. */
    public boolean https;
    /** TLS version code (0x0303...), 0 for none. */
    public int tlsVersion;
    /** TLS certificate facts, {@code HttpResponseFlyweight.TLS_*}. */
    public int tlsFlags;
    /** Request number on the connection, or probe index. */
    public int requestIndex;
    /** Redirect depth of the name. */
    public int redirectDepth;
    /** IP TTL of the response, 0 when unknown. */
    public int ttl;
    /** How it ended. */
    public HttpOutcome outcome = HttpOutcome.RESPONSE;
    /** Extra {@code RecordFlags} bits (redirect queued, precision final, inconsistent). */
    public int extraFlags;
    /** Bracket lower bound to record instead of this reading's own, ns ({@link HttpOffset#NONE_LOW}: use own). */
    public long boundLowNs = HttpOffset.NONE_LOW;
    /** Bracket upper bound to record instead of this reading's own, ns. */
    public long boundHighNs = HttpOffset.NONE_HIGH;
    /** The name probed, or empty. */
    public CharSequence name = "";
    /** The CNAME chain, space-separated, or empty. */
    public CharSequence cnames = "";
    /** The request path, or empty. */
    public CharSequence path = "";
    /** What went wrong, for failures, or empty (the reason phrase is used for responses). */
    public CharSequence detail = "";

    /**
     * Resets every field to its default.
     *
     * @return this.
     */
    public HttpObservation clear()
    {
        scanId = 0;
        address = null;
        targetPort = 0;
        sourcePort = 0;
        t1EpochNs = 0;
        t4EpochNs = 0;
        timing = HttpTiming.NONE;
        timingErrorNs = 0;
        mode = HttpProbeMode.NAIVE;
        https = false;
        tlsVersion = 0;
        tlsFlags = 0;
        requestIndex = 0;
        redirectDepth = 0;
        ttl = 0;
        outcome = HttpOutcome.RESPONSE;
        extraFlags = 0;
        boundLowNs = HttpOffset.NONE_LOW;
        boundHighNs = HttpOffset.NONE_HIGH;
        name = "";
        cnames = "";
        path = "";
        detail = "";
        return this;
    }
}
