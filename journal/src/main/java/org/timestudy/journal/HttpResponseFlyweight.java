package org.timestudy.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP probe's result: a response (status, Date raw and parsed, the cache and server headers, T1/T4 with their
 * method and error bound) or a failure of a stated kind. Variable length: a fixed part, a table of text lengths, then
 * the texts ({@link HttpText}) back to back, in that table's order. The target address is 16 bytes: IPv6 as is,
 * IPv4 as an IPv4-mapped address ({@code ::ffff:a.b.c.d}).
 *
 * <pre>
 *   0..15  header (type HTTP_RESPONSE)        80  target port (u16)
 *   16  T1, ns since 1970 (i64)               82  source port (u16)
 *   24  T4, ns since 1970 (i64)               84  HTTP status (u16)
 *   32  Date, s since 1970 (i64)              86  flags (u16, {@link RecordFlags})
 *   40  offset lower bound, ns (i64)          88  TLS version (u16)
 *   48  offset upper bound, ns (i64)          90  outcome (u8)      91  Date form (u8)
 *   56  Age, s (i32; -1 none)                 92  mode (u8)         93  scheme (u8)
 *   60  timing error bound, ns (i32)          94  timing (u8)       95  TLS flags (u8)
 *   64  target address (16 bytes, network     96  request index (u8) 97 redirect depth (u8)
 *       order; IPv4-mapped for IPv4)          98  TTL (u8)          99  reserved (u8)
 *  100  text lengths: one u16 per HttpText field, in order (24 bytes)
 *  124  the texts, back to back
 * </pre>
 *
 * Write: wrap, {@link #header}, the fixed fields, then {@link #text} for the fields that have text, in
 * {@link HttpText} order, then {@link #finish()} for the length. Read: {@link #valid(int)} before trusting the texts.
 */
public final class HttpResponseFlyweight extends RecordFlyweight
{
    /** Offset of T1, ns since 1970. */
    public static final int T1_EPOCH_NS_OFFSET = 16;
    /** Offset of T4, ns since 1970. */
    public static final int T4_EPOCH_NS_OFFSET = 24;
    /** Offset of the Date, seconds since 1970. */
    public static final int DATE_EPOCH_SEC_OFFSET = 32;
    /** Offset of the lower bound of the server's offset, ns. */
    public static final int OFFSET_LOW_NS_OFFSET = 40;
    /** Offset of the upper bound of the server's offset, ns. */
    public static final int OFFSET_HIGH_NS_OFFSET = 48;
    /** Offset of the Age header's value, seconds. */
    public static final int AGE_SECONDS_OFFSET = 56;
    /** Offset of the error bound of T1 and T4, ns. */
    public static final int TIMING_ERROR_NS_OFFSET = 60;
    /** Offset of the port probed. */
    public static final int TARGET_PORT_OFFSET = 80;
    /** Offset of our source port. */
    public static final int SOURCE_PORT_OFFSET = 82;
    /** Offset of the HTTP status. */
    public static final int STATUS_OFFSET = 84;
    /** Offset of the flags. */
    public static final int FLAGS_OFFSET = 86;
    /** Offset of the TLS version. */
    public static final int TLS_VERSION_OFFSET = 88;
    /** Offset of the outcome code. */
    public static final int OUTCOME_OFFSET = 90;
    /** Offset of the Date's form. */
    public static final int DATE_FORM_OFFSET = 91;
    /** Offset of the mode code. */
    public static final int MODE_OFFSET = 92;
    /** Offset of the scheme (0 http, 1 https). */
    public static final int SCHEME_OFFSET = 93;
    /** Offset of the timing method code. */
    public static final int TIMING_OFFSET = 94;
    /** Offset of the TLS flags. */
    public static final int TLS_FLAGS_OFFSET = 95;
    /** Offset of the request index. */
    public static final int REQUEST_INDEX_OFFSET = 96;
    /** Offset of the redirect depth. */
    public static final int REDIRECT_DEPTH_OFFSET = 97;
    /** Offset of the IP TTL. */
    public static final int TTL_OFFSET = 98;
    /** Offset of the 16-byte target address. */
    public static final int ADDRESS_OFFSET = 64;
    /** Offset of the reserved byte. */
    public static final int RESERVED_OFFSET = 99;
    /** Offset of the table of text lengths. */
    public static final int TEXT_LENGTHS_OFFSET = 100;
    /** Offset of the first text: the length of the fixed part. */
    public static final int TEXTS_OFFSET = TEXT_LENGTHS_OFFSET + 2 * 12;
    /** The longest record: the fixed part and every text at its cap. */
    public static final int MAX_LENGTH;

    /** TLS flag: the server presented a certificate. */
    public static final int TLS_CERTIFICATE = 1;
    /** TLS flag: its chain validates against the JDK's default trust store. */
    public static final int TLS_TRUSTED = 1 << 1;
    /** TLS flag: the certificate names the host asked for (SNI). */
    public static final int TLS_NAME_MATCH = 1 << 2;
    /** TLS flag: the certificate had expired at T4. */
    public static final int TLS_EXPIRED = 1 << 3;
    /** TLS flag: the certificate was not yet valid at T4. */
    public static final int TLS_NOT_YET_VALID = 1 << 4;
    /** TLS flag: the certificate is self-signed (issuer = subject). */
    public static final int TLS_SELF_SIGNED = 1 << 5;

    /** Scheme value: plain HTTP. */
    public static final int SCHEME_HTTP = 0;
    /** Scheme value: HTTPS. */
    public static final int SCHEME_HTTPS = 1;

    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)0xFF, (byte)0xFF};

    static
    {
        if (HttpText.count() != 12)
        {
            throw new IllegalStateException("HttpText changed: update TEXTS_OFFSET and the layout version");
        }
        int max = TEXTS_OFFSET;
        for (int i = 0; i < HttpText.count(); i++)
        {
            max += HttpText.of(i).maxLength();
        }
        MAX_LENGTH = max;
    }

    private int nextText;
    private int textCursor;

    /** {@inheritDoc} */
    @Override
    public HttpResponseFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        super.wrap(buffer, offset);
        return this;
    }

    /**
     * Writes the header of a new record and zeroes every other field and the text table; the texts follow with
     * {@link #text}.
     *
     * @param scanId id of the scan.
     * @return this.
     */
    public HttpResponseFlyweight header(final long scanId)
    {
        buffer.setMemory(offset + HEADER_LENGTH, TEXTS_OFFSET - HEADER_LENGTH, (byte)0);
        header(RecordType.HTTP_RESPONSE, TEXTS_OFFSET, scanId);
        nextText = 0;
        textCursor = TEXTS_OFFSET;
        return this;
    }

    /**
     * Sets the target address.
     *
     * @param bytes 4 (IPv4, stored IPv4-mapped) or 16 (IPv6) bytes, network order.
     * @return this.
     */
    public HttpResponseFlyweight address(final byte[] bytes)
    {
        if (bytes.length == 4)
        {
            buffer.putBytes(offset + ADDRESS_OFFSET, IPV4_MAPPED_PREFIX);
            buffer.putBytes(offset + ADDRESS_OFFSET + 12, bytes);
        }
        else if (bytes.length == 16)
        {
            buffer.putBytes(offset + ADDRESS_OFFSET, bytes);
        }
        else
        {
            throw new IllegalArgumentException("an address is 4 or 16 bytes, not " + bytes.length);
        }
        return this;
    }

    /**
     * Sets an IPv4 target address (stored IPv4-mapped).
     *
     * @param address IPv4 address as an int.
     * @return this.
     */
    public HttpResponseFlyweight ipv4(final int address)
    {
        buffer.putBytes(offset + ADDRESS_OFFSET, IPV4_MAPPED_PREFIX);
        buffer.putInt(offset + ADDRESS_OFFSET + 12, address, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Clears the target address (a name that did not resolve): {@code ::}.
     *
     * @return this.
     */
    public HttpResponseFlyweight noAddress()
    {
        buffer.setMemory(offset + ADDRESS_OFFSET, 16, (byte)0);
        return this;
    }

    /**
     * @param out 16 bytes to receive the address, network order.
     */
    public void addressInto(final byte[] out)
    {
        buffer.getBytes(offset + ADDRESS_OFFSET, out, 0, 16);
    }

    /**
     * @return 4 when the address is IPv4-mapped, 0 for {@code ::} (no address), else 6.
     */
    public int family()
    {
        boolean zero = true;
        boolean mapped = true;
        for (int i = 0; i < 16; i++)
        {
            final byte b = buffer.getByte(offset + ADDRESS_OFFSET + i);
            zero &= b == 0;
            if (i < 12)
            {
                mapped &= b == IPV4_MAPPED_PREFIX[i];
            }
        }
        return mapped ? 4 : zero ? 0 : 6;
    }

    /**
     * @return the IPv4 address as an int (meaningful when {@link #family()} is 4).
     */
    public int ipv4()
    {
        return buffer.getInt(offset + ADDRESS_OFFSET + 12, ByteOrder.BIG_ENDIAN);
    }

    /**
     * Appends a text field's value. Fields go in {@link HttpText} order; a value longer than the field's cap is cut
     * to the cap.
     *
     * @param field  which field.
     * @param source holding the bytes.
     * @param from   first byte.
     * @param length bytes.
     * @return this.
     * @throws IllegalStateException when a field comes out of order.
     */
    public HttpResponseFlyweight text(final HttpText field, final DirectBuffer source, final int from, final int length)
    {
        final int n = startText(field, length);
        buffer.putBytes(offset + textCursor, source, from, n);
        return endText(field, n);
    }

    /**
     * Appends a text field's value (ISO-8859-1: characters above U+00FF become '?').
     *
     * @param field which field.
     * @param value the text.
     * @return this.
     * @throws IllegalStateException when a field comes out of order.
     */
    public HttpResponseFlyweight text(final HttpText field, final CharSequence value)
    {
        final int n = startText(field, value.length());
        for (int i = 0; i < n; i++)
        {
            final char c = value.charAt(i);
            buffer.putByte(offset + textCursor + i, (byte)(c > 0xFF ? '?' : c));
        }
        return endText(field, n);
    }

    /**
     * Writes the record's final length (after the last text).
     *
     * @return the record's length in bytes.
     */
    public int finish()
    {
        length(textCursor);
        return textCursor;
    }

    /**
     * Checks that the text table fits the record's length.
     *
     * @param recordLength the record's length as read.
     * @return true when the texts can be read.
     */
    public boolean valid(final int recordLength)
    {
        if (recordLength < TEXTS_OFFSET)
        {
            return false;
        }
        int sum = TEXTS_OFFSET;
        for (int i = 0; i < HttpText.count(); i++)
        {
            sum += textLength(HttpText.of(i));
        }
        return sum == recordLength;
    }

    /**
     * @param field a text field.
     * @return its length in bytes.
     */
    public int textLength(final HttpText field)
    {
        return buffer.getShort(offset + TEXT_LENGTHS_OFFSET + 2 * field.ordinal(), ORDER) & 0xFFFF;
    }

    /**
     * @param field a text field.
     * @return the offset of its first byte in the buffer (for zero-copy reads).
     */
    public int textOffset(final HttpText field)
    {
        int at = offset + TEXTS_OFFSET;
        for (int i = 0; i < field.ordinal(); i++)
        {
            at += textLength(HttpText.of(i));
        }
        return at;
    }

    /**
     * @param field a text field.
     * @return its value decoded as ISO-8859-1 (allocates: not for hot paths).
     */
    public String text(final HttpText field)
    {
        final byte[] bytes = new byte[textLength(field)];
        buffer.getBytes(textOffset(field), bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private int startText(final HttpText field, final int length)
    {
        if (field.ordinal() < nextText)
        {
            throw new IllegalStateException("text " + field + " written after a later field");
        }
        return Math.min(Math.max(0, length), field.maxLength());
    }

    private HttpResponseFlyweight endText(final HttpText field, final int n)
    {
        buffer.putShort(offset + TEXT_LENGTHS_OFFSET + 2 * field.ordinal(), (short)n, ORDER);
        textCursor += n;
        nextText = field.ordinal() + 1;
        return this;
    }

    /**
     * @return T1, the request's first byte sent (see timing), ns since 1970; for failures the connect attempt.
     */
    public long t1EpochNs()
    {
        return buffer.getLong(offset + T1_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @param t1EpochNs T1, the request's first byte sent (see timing), ns since 1970; for failures the connect attempt.
     * @return this.
     */
    public HttpResponseFlyweight t1EpochNs(final long t1EpochNs)
    {
        buffer.putLong(offset + T1_EPOCH_NS_OFFSET, t1EpochNs, ORDER);
        return this;
    }

    /**
     * @return T4, the response's first byte received (see timing), ns since 1970; for failures the end.
     */
    public long t4EpochNs()
    {
        return buffer.getLong(offset + T4_EPOCH_NS_OFFSET, ORDER);
    }

    /**
     * @param t4EpochNs T4, the response's first byte received (see timing), ns since 1970; for failures the end.
     * @return this.
     */
    public HttpResponseFlyweight t4EpochNs(final long t4EpochNs)
    {
        buffer.putLong(offset + T4_EPOCH_NS_OFFSET, t4EpochNs, ORDER);
        return this;
    }

    /**
     * @return the Date, seconds since 1970 (meaningful only when the Date form is valid).
     */
    public long dateEpochSec()
    {
        return buffer.getLong(offset + DATE_EPOCH_SEC_OFFSET, ORDER);
    }

    /**
     * @param dateEpochSec the Date, seconds since 1970 (meaningful only when the Date form is valid).
     * @return this.
     */
    public HttpResponseFlyweight dateEpochSec(final long dateEpochSec)
    {
        buffer.putLong(offset + DATE_EPOCH_SEC_OFFSET, dateEpochSec, ORDER);
        return this;
    }

    /**
     * @return lower bound of the server's offset θ (precision mode: over the connection), ns; or NONE_LOW.
     */
    public long offsetLowNs()
    {
        return buffer.getLong(offset + OFFSET_LOW_NS_OFFSET, ORDER);
    }

    /**
     * @param offsetLowNs lower bound of the server's offset θ (precision mode: over the connection), ns; or NONE_LOW.
     * @return this.
     */
    public HttpResponseFlyweight offsetLowNs(final long offsetLowNs)
    {
        buffer.putLong(offset + OFFSET_LOW_NS_OFFSET, offsetLowNs, ORDER);
        return this;
    }

    /**
     * @return upper bound of the server's offset θ, ns; or NONE_HIGH.
     */
    public long offsetHighNs()
    {
        return buffer.getLong(offset + OFFSET_HIGH_NS_OFFSET, ORDER);
    }

    /**
     * @param offsetHighNs upper bound of the server's offset θ, ns; or NONE_HIGH.
     * @return this.
     */
    public HttpResponseFlyweight offsetHighNs(final long offsetHighNs)
    {
        buffer.putLong(offset + OFFSET_HIGH_NS_OFFSET, offsetHighNs, ORDER);
        return this;
    }

    /**
     * @return the Age header as delta-seconds, -1 when absent or not a number.
     */
    public int ageSeconds()
    {
        return buffer.getInt(offset + AGE_SECONDS_OFFSET, ORDER);
    }

    /**
     * @param ageSeconds the Age header as delta-seconds, -1 when absent or not a number.
     * @return this.
     */
    public HttpResponseFlyweight ageSeconds(final int ageSeconds)
    {
        buffer.putInt(offset + AGE_SECONDS_OFFSET, ageSeconds, ORDER);
        return this;
    }

    /**
     * @return error bound of T1 and T4 for the timing method, ns.
     */
    public int timingErrorNs()
    {
        return buffer.getInt(offset + TIMING_ERROR_NS_OFFSET, ORDER);
    }

    /**
     * @param timingErrorNs error bound of T1 and T4 for the timing method, ns.
     * @return this.
     */
    public HttpResponseFlyweight timingErrorNs(final int timingErrorNs)
    {
        buffer.putInt(offset + TIMING_ERROR_NS_OFFSET, timingErrorNs, ORDER);
        return this;
    }

    /**
     * @return the port probed.
     */
    public int targetPort()
    {
        return buffer.getShort(offset + TARGET_PORT_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param targetPort the port probed.
     * @return this.
     */
    public HttpResponseFlyweight targetPort(final int targetPort)
    {
        buffer.putShort(offset + TARGET_PORT_OFFSET, (short)targetPort, ORDER);
        return this;
    }

    /**
     * @return our source port (0 when no connection was made).
     */
    public int sourcePort()
    {
        return buffer.getShort(offset + SOURCE_PORT_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param sourcePort our source port (0 when no connection was made).
     * @return this.
     */
    public HttpResponseFlyweight sourcePort(final int sourcePort)
    {
        buffer.putShort(offset + SOURCE_PORT_OFFSET, (short)sourcePort, ORDER);
        return this;
    }

    /**
     * @return the HTTP status code, 0 when there was no response.
     */
    public int status()
    {
        return buffer.getShort(offset + STATUS_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param status the HTTP status code, 0 when there was no response.
     * @return this.
     */
    public HttpResponseFlyweight status(final int status)
    {
        buffer.putShort(offset + STATUS_OFFSET, (short)status, ORDER);
        return this;
    }

    /**
     * @return flag bits, RecordFlags (T1_FROM_CAPTURE and the HTTP_* bits).
     */
    public int flags()
    {
        return buffer.getShort(offset + FLAGS_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param flags flag bits, RecordFlags (T1_FROM_CAPTURE and the HTTP_* bits).
     * @return this.
     */
    public HttpResponseFlyweight flags(final int flags)
    {
        buffer.putShort(offset + FLAGS_OFFSET, (short)flags, ORDER);
        return this;
    }

    /**
     * @return the TLS protocol version negotiated (0x0303 TLS 1.2, 0x0304 TLS 1.3), 0 for plain HTTP.
     */
    public int tlsVersion()
    {
        return buffer.getShort(offset + TLS_VERSION_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * @param tlsVersion the TLS protocol version negotiated (0x0303 TLS 1.2, 0x0304 TLS 1.3), 0 for plain HTTP.
     * @return this.
     */
    public HttpResponseFlyweight tlsVersion(final int tlsVersion)
    {
        buffer.putShort(offset + TLS_VERSION_OFFSET, (short)tlsVersion, ORDER);
        return this;
    }

    /**
     * @return how the probe ended, HttpOutcome code.
     */
    public int outcome()
    {
        return buffer.getByte(offset + OUTCOME_OFFSET) & 0xFF;
    }

    /**
     * @param outcome how the probe ended, HttpOutcome code.
     * @return this.
     */
    public HttpResponseFlyweight outcome(final int outcome)
    {
        buffer.putByte(offset + OUTCOME_OFFSET, (byte)outcome);
        return this;
    }

    /**
     * @return the Date's form, HttpDateForm code.
     */
    public int dateForm()
    {
        return buffer.getByte(offset + DATE_FORM_OFFSET) & 0xFF;
    }

    /**
     * @param dateForm the Date's form, HttpDateForm code.
     * @return this.
     */
    public HttpResponseFlyweight dateForm(final int dateForm)
    {
        buffer.putByte(offset + DATE_FORM_OFFSET, (byte)dateForm);
        return this;
    }

    /**
     * @return the engine mode, HttpProbeMode code.
     */
    public int mode()
    {
        return buffer.getByte(offset + MODE_OFFSET) & 0xFF;
    }

    /**
     * @param mode the engine mode, HttpProbeMode code.
     * @return this.
     */
    public HttpResponseFlyweight mode(final int mode)
    {
        buffer.putByte(offset + MODE_OFFSET, (byte)mode);
        return this;
    }

    /**
     * @return 0 for http, 1 for https.
     */
    public int scheme()
    {
        return buffer.getByte(offset + SCHEME_OFFSET) & 0xFF;
    }

    /**
     * @param scheme 0 for http, 1 for https.
     * @return this.
     */
    public HttpResponseFlyweight scheme(final int scheme)
    {
        buffer.putByte(offset + SCHEME_OFFSET, (byte)scheme);
        return this;
    }

    /**
     * @return how T1 and T4 were taken, HttpTiming code.
     */
    public int timing()
    {
        return buffer.getByte(offset + TIMING_OFFSET) & 0xFF;
    }

    /**
     * @param timing how T1 and T4 were taken, HttpTiming code.
     * @return this.
     */
    public HttpResponseFlyweight timing(final int timing)
    {
        buffer.putByte(offset + TIMING_OFFSET, (byte)timing);
        return this;
    }

    /**
     * @return certificate facts, TLS_* bits (what the checks, which are off, would have said).
     */
    public int tlsFlags()
    {
        return buffer.getByte(offset + TLS_FLAGS_OFFSET) & 0xFF;
    }

    /**
     * @param tlsFlags certificate facts, TLS_* bits (what the checks, which are off, would have said).
     * @return this.
     */
    public HttpResponseFlyweight tlsFlags(final int tlsFlags)
    {
        buffer.putByte(offset + TLS_FLAGS_OFFSET, (byte)tlsFlags);
        return this;
    }

    /**
     * @return request number on the connection (precision) or probe of the target (stateless).
     */
    public int requestIndex()
    {
        return buffer.getByte(offset + REQUEST_INDEX_OFFSET) & 0xFF;
    }

    /**
     * @param requestIndex request number on the connection (precision) or probe of the target (stateless).
     * @return this.
     */
    public HttpResponseFlyweight requestIndex(final int requestIndex)
    {
        buffer.putByte(offset + REQUEST_INDEX_OFFSET, (byte)requestIndex);
        return this;
    }

    /**
     * @return 0 for names from the list, n for a name reached by n redirects.
     */
    public int redirectDepth()
    {
        return buffer.getByte(offset + REDIRECT_DEPTH_OFFSET) & 0xFF;
    }

    /**
     * @param redirectDepth 0 for names from the list, n for a name reached by n redirects.
     * @return this.
     */
    public HttpResponseFlyweight redirectDepth(final int redirectDepth)
    {
        buffer.putByte(offset + REDIRECT_DEPTH_OFFSET, (byte)redirectDepth);
        return this;
    }

    /**
     * @return IP TTL of the response (stateless mode), 0 when unknown.
     */
    public int ttl()
    {
        return buffer.getByte(offset + TTL_OFFSET) & 0xFF;
    }

    /**
     * @param ttl IP TTL of the response (stateless mode), 0 when unknown.
     * @return this.
     */
    public HttpResponseFlyweight ttl(final int ttl)
    {
        buffer.putByte(offset + TTL_OFFSET, (byte)ttl);
        return this;
    }
}
