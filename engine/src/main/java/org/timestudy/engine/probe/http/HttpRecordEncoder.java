package org.timestudy.engine.probe.http;

import org.agrona.MutableDirectBuffer;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.HttpText;
import org.timestudy.journal.RecordFlags;

/**
 * Encodes one HTTP probe as an {@link HttpResponseFlyweight} record, the same way for every mode: the observation's
 * facts, the response's status and headers, the Date parsed, and the offset bracket {@code [D - T4, D + 1 - T1]}
 * (or the one the mode intersected). The whole header block is kept when the Date is more than 1 s off, invalid, or
 * names the wrong weekday.
 */
public final class HttpRecordEncoder
{
    /** Offsets beyond this keep the whole header block, ns. */
    public static final long KEEP_HEADERS_OFFSET_NS = 1_000_000_000L;

    private final HttpResponseFlyweight record = new HttpResponseFlyweight();
    private final StringBuilder scratch = new StringBuilder(256);

    /**
     * @param obs    what the mode knows.
     * @param reader the response read, or null when there was none.
     * @param date   the Date parsed from {@code reader} ({@link HttpResponseReader#parseDate}); ignored without a
     *               reader.
     * @param out    buffer to encode into, at offset 0 (at least {@link HttpResponseFlyweight#MAX_LENGTH} bytes).
     * @return the record's length.
     */
    public int encode(
        final HttpObservation obs, final HttpResponseReader reader, final HttpDate date, final MutableDirectBuffer out)
    {
        final HttpResponseFlyweight r = record.wrap(out, 0).header(obs.scanId);
        if (obs.address == null)
        {
            r.noAddress();
        }
        else
        {
            r.address(obs.address);
        }
        int flags = obs.extraFlags;
        if (obs.timing == HttpTiming.CAPTURE)
        {
            flags |= RecordFlags.T1_FROM_CAPTURE;
        }
        if (obs.t1EpochNs == 0)
        {
            flags |= RecordFlags.T1_MISSING;
        }
        // A status line counts, whatever the outcome: a slow-loris server's partial headers may hold a Date.
        final boolean responded = reader != null && reader.status() > 0;
        final boolean garbage = reader != null && !reader.empty() && reader.status() == 0;
        final boolean dateValid = responded && date.form().valid();
        long low = HttpOffset.NONE_LOW;
        long high = HttpOffset.NONE_HIGH;
        boolean keepHeaders = false;
        if (dateValid)
        {
            if (obs.boundLowNs != HttpOffset.NONE_LOW || obs.boundHighNs != HttpOffset.NONE_HIGH)
            {
                low = obs.boundLowNs;
                high = obs.boundHighNs;
            }
            else if (obs.t1EpochNs != 0)
            {
                low = HttpOffset.lowNs(date.epochSecond(), obs.t4EpochNs);
                high = HttpOffset.highNs(date.epochSecond(), obs.t1EpochNs);
            }
            if (date.weekdayMismatch())
            {
                flags |= RecordFlags.HTTP_WEEKDAY_MISMATCH;
                keepHeaders = true;
            }
            final double naive = obs.t1EpochNs == 0 ? 0 :
                HttpOffset.naiveSeconds(date.epochSecond(), obs.t1EpochNs, obs.t4EpochNs);
            keepHeaders |= Math.abs(naive) * 1e9 > KEEP_HEADERS_OFFSET_NS;
        }
        if (responded)
        {
            keepHeaders |= date.form() == org.timestudy.http.HttpDateForm.INVALID;
            if (reader.truncated())
            {
                flags |= RecordFlags.HTTP_HEADERS_TRUNCATED;
            }
            if (reader.cached())
            {
                flags |= RecordFlags.HTTP_CACHED;
            }
        }
        r.t1EpochNs(obs.t1EpochNs).t4EpochNs(obs.t4EpochNs).dateEpochSec(dateValid ? date.epochSecond() : 0)
            .offsetLowNs(low).offsetHighNs(high).ageSeconds(responded ? reader.ageSeconds() : -1)
            .timingErrorNs((int)Math.min(Integer.MAX_VALUE, Math.max(0, obs.timingErrorNs)))
            .targetPort(obs.targetPort).sourcePort(obs.sourcePort).status(responded ? reader.status() : 0)
            .flags(flags).tlsVersion(obs.tlsVersion).outcome(obs.outcome.code())
            .dateForm(responded ? date.form().code() : 0).mode(obs.mode.code())
            .scheme(obs.https ? HttpResponseFlyweight.SCHEME_HTTPS : HttpResponseFlyweight.SCHEME_HTTP)
            .timing(obs.timing.code()).tlsFlags(obs.tlsFlags).requestIndex(Math.min(255, obs.requestIndex))
            .redirectDepth(Math.min(255, obs.redirectDepth)).ttl(obs.ttl);
        r.text(HttpText.NAME, obs.name).text(HttpText.CNAMES, obs.cnames).text(HttpText.PATH, obs.path);
        if (responded)
        {
            value(r, HttpText.DATE, reader, HttpResponseReader.DATE);
            value(r, HttpText.AGE, reader, HttpResponseReader.AGE);
            value(r, HttpText.CACHE_CONTROL, reader, HttpResponseReader.CACHE_CONTROL);
            value(r, HttpText.SERVER, reader, HttpResponseReader.SERVER);
            value(r, HttpText.VIA, reader, HttpResponseReader.VIA);
            if (reader.cacheStatusCount() > 0)
            {
                scratch.setLength(0);
                for (int i = 0; i < reader.cacheStatusCount(); i++)
                {
                    if (i > 0)
                    {
                        scratch.append('\n');
                    }
                    for (int j = 0; j < reader.cacheStatusLength(i); j++)
                    {
                        scratch.append((char)(reader.block().getByte(reader.cacheStatusStart(i) + j) & 0xFF));
                    }
                }
                r.text(HttpText.CACHE_STATUS, scratch);
            }
            value(r, HttpText.LOCATION, reader, HttpResponseReader.LOCATION);
            if (obs.detail.length() > 0)
            {
                r.text(HttpText.DETAIL, obs.detail);
            }
            else
            {
                r.text(HttpText.DETAIL, reader.block(), reader.reasonStart(), reader.reasonLength());
            }
            if (keepHeaders)
            {
                r.text(HttpText.HEADERS, reader.block(), 0, reader.length());
            }
        }
        else
        {
            r.text(HttpText.DETAIL, obs.detail);
            if (garbage)
            {
                r.text(HttpText.HEADERS, reader.block(), 0, reader.length());
            }
        }
        return r.finish();
    }

    private static void value(
        final HttpResponseFlyweight r, final HttpText text, final HttpResponseReader reader, final int field)
    {
        if (reader.has(field))
        {
            r.text(text, reader.block(), reader.valueStart(field), reader.valueLength(field));
        }
    }
}
