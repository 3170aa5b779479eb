package org.timestudy.analyzer.ingest;

import org.apache.parquet.io.api.Binary;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.HttpText;
import org.timestudy.journal.RecordFlags;

import java.nio.charset.StandardCharsets;

import static org.timestudy.analyzer.ingest.HttpColumn.*;

/**
 * Writes HTTP_RESPONSE records as rows of {@link Table#HTTP_OBSERVATIONS}: the shared observation columns, the
 * offset and its error bound from the record's bracket ({@link HttpOffset}), the decoded codes and flags, and the
 * texts (ISO-8859-1 octets to UTF-8; empty texts are NULL).
 */
final class HttpWriteSupport extends TableWriteSupport
{
    private static final Binary[] OUTCOMES = binaries(HttpOutcome.values().length, i -> HttpOutcome.of(i).label());
    private static final Binary[] MODES = binaries(HttpProbeMode.values().length,
        i -> HttpProbeMode.of(i).name().toLowerCase(java.util.Locale.ROOT));
    private static final Binary[] TIMINGS = binaries(HttpTiming.values().length,
        i -> HttpTiming.of(i).name().toLowerCase(java.util.Locale.ROOT));
    private static final Binary[] FORMS = binaries(HttpDateForm.values().length, i -> switch (HttpDateForm.of(i))
    {
        case MISSING -> "missing";
        case IMF_FIXDATE -> "imf-fixdate";
        case RFC_850 -> "rfc850";
        case ASCTIME -> "asctime";
        case INVALID -> "invalid";
    });
    private static final Binary HTTP = Binary.fromString("http");
    private static final Binary HTTPS = Binary.fromString("https");

    private final HttpResponseFlyweight response = new HttpResponseFlyweight();
    private final byte[] address = new byte[16];
    private final byte[] addressText = new byte[AddressText.MAX_LENGTH];
    private final Latin1Text text = new Latin1Text();

    HttpWriteSupport(final String journalId)
    {
        super(Table.HTTP_OBSERVATIONS, journalId);
    }

    @Override
    void writeRow(final JournalRecord record)
    {
        final HttpResponseFlyweight f = response.wrap(record.buffer(), 0);
        final RowConsumer row = this.row;
        final int flags = f.flags();
        final long t1 = f.t1EpochNs();
        final long t4 = f.t4EpochNs();
        final int family = f.family();
        final boolean responded = f.outcome() == HttpOutcome.RESPONSE.code();
        final HttpDateForm form = HttpDateForm.of(f.dateForm());
        f.addressInto(address);

        row.int64(SCAN_ID, f.scanId());
        row.int64(JOURNAL_INDEX, record.index());
        row.int32(PROBE_INDEX, f.requestIndex());
        row.binary(ADDRESS, Binary.fromReusedByteArray(addressText, 0, AddressText.format(address, family,
            addressText)));
        if (family == 4)
        {
            row.int32(ADDRESS_INT, f.ipv4());
        }
        row.int32(PORT, f.targetPort());
        row.int32(SOURCE_PORT, f.sourcePort());
        if (t1 != 0)
        {
            row.int64(T1, t1);
        }
        row.int64(T4, t4);
        offset(f, form, t1, t4);
        if (responded && t1 != 0)
        {
            row.float64(DELAY_S, (t4 - t1) / 1e9);
        }
        row.int32(FLAGS, flags);
        row.bool(T1_FROM_CAPTURE, (flags & RecordFlags.T1_FROM_CAPTURE) != 0);
        row.bool(T1_MISSING, t1 == 0);
        row.bool(KISS_OF_DEATH, false);
        row.bool(UNSYNCHRONISED, false);
        row.bool(EXTENDED, false);
        row.int32(TTL, f.ttl());
        row.int32(ADDRESS_FAMILY, family);
        text(NAME, f, HttpText.NAME);
        text(CNAMES, f, HttpText.CNAMES);
        row.binary(SCHEME, f.scheme() == HttpResponseFlyweight.SCHEME_HTTPS ? HTTPS : HTTP);
        row.binary(MODE, MODES[HttpProbeMode.of(f.mode()).code()]);
        row.binary(OUTCOME, OUTCOMES[HttpOutcome.of(f.outcome()).code()]);
        if (responded)
        {
            row.int32(STATUS, f.status());
        }
        if (form.valid() && f.dateEpochSec() >= DATE_MIN_S && f.dateEpochSec() <= DATE_MAX_S)
        {
            row.int64(DATE_TIME, f.dateEpochSec() * 1000L);
        }
        if (form != HttpDateForm.MISSING)
        {
            final int n = text.transcode(f.buffer(), f.textOffset(HttpText.DATE), f.textLength(HttpText.DATE));
            row.binary(DATE_RAW, Binary.fromReusedByteArray(text.bytes(), 0, n));
        }
        row.binary(DATE_FORM, FORMS[form.code()]);
        row.bool(WEEKDAY_MISMATCH, (flags & RecordFlags.HTTP_WEEKDAY_MISMATCH) != 0);
        if (f.ageSeconds() >= 0)
        {
            row.int64(AGE_S, f.ageSeconds());
        }
        text(AGE, f, HttpText.AGE);
        text(CACHE_CONTROL, f, HttpText.CACHE_CONTROL);
        text(SERVER, f, HttpText.SERVER);
        text(VIA, f, HttpText.VIA);
        text(CACHE_STATUS, f, HttpText.CACHE_STATUS);
        row.bool(CACHED, (flags & RecordFlags.HTTP_CACHED) != 0);
        text(LOCATION, f, HttpText.LOCATION);
        row.bool(REDIRECT_QUEUED, (flags & RecordFlags.HTTP_REDIRECT_QUEUED) != 0);
        row.int32(REDIRECT_DEPTH, f.redirectDepth());
        text(PATH, f, HttpText.PATH);
        text(DETAIL, f, HttpText.DETAIL);
        text(HEADERS, f, HttpText.HEADERS);
        row.bool(HEADERS_TRUNCATED, (flags & RecordFlags.HTTP_HEADERS_TRUNCATED) != 0);
        row.bool(PRECISION_FINAL, (flags & RecordFlags.HTTP_PRECISION_FINAL) != 0);
        row.bool(INCONSISTENT, (flags & RecordFlags.HTTP_INCONSISTENT) != 0);
        row.binary(TIMING, TIMINGS[HttpTiming.of(f.timing()).code()]);
        row.float64(TIMING_ERROR_S, f.timingErrorNs() / 1e9);
        tls(f);
        row.endRow();
    }

    private void offset(final HttpResponseFlyweight f, final HttpDateForm form, final long t1, final long t4)
    {
        if (!form.valid() || t1 == 0 || (f.flags() & RecordFlags.HTTP_INCONSISTENT) != 0)
        {
            return;
        }
        final long low = f.offsetLowNs();
        final long high = f.offsetHighNs();
        if (HttpOffset.known(low, high))
        {
            row.float64(OFFSET_S, HttpOffset.middleSeconds(low, high));
            row.float64(OFFSET_ERROR_S, HttpOffset.halfWidthSeconds(low, high));
        }
        else
        {
            row.float64(OFFSET_S, HttpOffset.naiveSeconds(f.dateEpochSec(), t1, t4));
            row.float64(OFFSET_ERROR_S, HttpOffset.naiveErrorSeconds(t1, t4));
        }
    }

    private void tls(final HttpResponseFlyweight f)
    {
        if (f.scheme() != HttpResponseFlyweight.SCHEME_HTTPS)
        {
            return;
        }
        final int version = f.tlsVersion();
        if (version != 0)
        {
            final String name = switch (version)
            {
                case 0x0301 -> "TLSv1";
                case 0x0302 -> "TLSv1.1";
                case 0x0303 -> "TLSv1.2";
                case 0x0304 -> "TLSv1.3";
                default -> "0x" + Integer.toHexString(version);
            };
            row.binary(TLS_VERSION, Binary.fromString(name));
        }
        final int tls = f.tlsFlags();
        row.bool(TLS_CERTIFICATE, (tls & HttpResponseFlyweight.TLS_CERTIFICATE) != 0);
        row.bool(TLS_TRUSTED, (tls & HttpResponseFlyweight.TLS_TRUSTED) != 0);
        row.bool(TLS_NAME_MATCH, (tls & HttpResponseFlyweight.TLS_NAME_MATCH) != 0);
        row.bool(TLS_EXPIRED, (tls & HttpResponseFlyweight.TLS_EXPIRED) != 0);
        row.bool(TLS_NOT_YET_VALID, (tls & HttpResponseFlyweight.TLS_NOT_YET_VALID) != 0);
        row.bool(TLS_SELF_SIGNED, (tls & HttpResponseFlyweight.TLS_SELF_SIGNED) != 0);
    }

    private void text(final HttpColumn column, final HttpResponseFlyweight f, final HttpText field)
    {
        final int length = f.textLength(field);
        if (length > 0)
        {
            final int n = text.transcode(f.buffer(), f.textOffset(field), length);
            row.binary(column, Binary.fromReusedByteArray(text.bytes(), 0, n));
        }
    }

    private static final long DATE_MIN_S = -62_167_219_200L;
    private static final long DATE_MAX_S = 253_402_300_799L;

    private static Binary[] binaries(final int n, final java.util.function.IntFunction<String> label)
    {
        final Binary[] out = new Binary[n];
        for (int i = 0; i < n; i++)
        {
            out[i] = Binary.fromConstantByteArray(label.apply(i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
