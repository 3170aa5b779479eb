package org.timestudy.engine.probe.http;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpDateForm;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HttpResponseReaderTest
{
    private static final String RESPONSE = "HTTP/1.1 301 Moved Permanently\r\n" +
        "Server: nginx/1.24.0\r\n" +
        "date:  Sun, 06 Nov 1994 08:49:37 GMT \r\n" +
        "Content-Length: 0\r\n" +
        "Age: 42\r\n" +
        "Via: 1.1 varnish (Varnish/7.1)\r\n" +
        "X-Cache: HIT, MISS\r\n" +
        "CF-Cache-Status: DYNAMIC\r\n" +
        "Cache-Control: max-age=3600\r\n" +
        "Location: https://www.example.org/\r\n" +
        "Connection: keep-alive\r\n" +
        "\r\n" +
        "body that is not ours";

    private final HttpResponseReader reader = new HttpResponseReader(4096);

    @Test
    void shouldFindEveryRecordedHeaderAndStopAtTheBlankLine()
    {
        final byte[] bytes = RESPONSE.getBytes(StandardCharsets.ISO_8859_1);
        final int consumed = reader.onBytes(bytes, 0, bytes.length);
        assertThat(consumed).isEqualTo(RESPONSE.indexOf("body"));
        assertThat(reader.complete()).isTrue();
        assertThat(reader.malformed()).isFalse();
        assertThat(reader.status()).isEqualTo(301);
        assertThat(text(reader.reasonStart(), reader.reasonLength())).isEqualTo("Moved Permanently");
        assertThat(value(HttpResponseReader.DATE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(value(HttpResponseReader.SERVER)).isEqualTo("nginx/1.24.0");
        assertThat(value(HttpResponseReader.VIA)).isEqualTo("1.1 varnish (Varnish/7.1)");
        assertThat(value(HttpResponseReader.CACHE_CONTROL)).isEqualTo("max-age=3600");
        assertThat(value(HttpResponseReader.LOCATION)).isEqualTo("https://www.example.org/");
        assertThat(reader.ageSeconds()).isEqualTo(42);
        assertThat(reader.cacheStatusCount()).isEqualTo(2);
        assertThat(text(reader.cacheStatusStart(0), reader.cacheStatusLength(0))).isEqualTo("X-Cache: HIT, MISS");
        assertThat(text(reader.cacheStatusStart(1), reader.cacheStatusLength(1))).isEqualTo("CF-Cache-Status: DYNAMIC");
        assertThat(reader.cached()).isTrue();
        assertThat(reader.keepAlive()).isTrue();
        final HttpDate date = new HttpDate();
        assertThat(reader.parseDate(date, 1_700_000_000L)).isTrue();
        assertThat(date.epochSecond()).isEqualTo(784_111_777L);
    }

    @Test
    void shouldReadTheSameBlockOneByteAtATime()
    {
        final byte[] bytes = RESPONSE.getBytes(StandardCharsets.ISO_8859_1);
        int i = 0;
        while (!reader.done())
        {
            reader.onBytes(bytes, i++, 1);
        }
        assertThat(i).isEqualTo(RESPONSE.indexOf("body"));
        assertThat(value(HttpResponseReader.DATE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(reader.status()).isEqualTo(301);
    }

    @Test
    void shouldSayMissingForNoDateAndCloseForHttp10()
    {
        feed("HTTP/1.0 200 OK\nServer: x\n\n");
        assertThat(reader.complete()).isTrue();
        final HttpDate date = new HttpDate();
        assertThat(reader.parseDate(date, 0)).isFalse();
        assertThat(date.form()).isEqualTo(HttpDateForm.MISSING);
        assertThat(reader.keepAlive()).isFalse();
        assertThat(reader.cached()).isFalse();
        assertThat(reader.ageSeconds()).isEqualTo(-1);
    }

    @Test
    void shouldCapAnOversizedHeaderBlockAndKeepWhatCameFirst()
    {
        final StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n");
        while (sb.length() < 10_000)
        {
            sb.append("X-Filler: ").append("y".repeat(100)).append("\r\n");
        }
        feed(sb.toString());
        assertThat(reader.done()).isTrue();
        assertThat(reader.truncated()).isTrue();
        assertThat(reader.complete()).isFalse();
        assertThat(reader.length()).isEqualTo(4096);
        assertThat(value(HttpResponseReader.DATE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void shouldCallAnythingElseMalformedAndAStatusLineWithoutReasonFine()
    {
        feed("SSH-2.0-OpenSSH_9.6\r\n");
        assertThat(reader.done()).isTrue();
        assertThat(reader.malformed()).isTrue();
        reader.reset();
        feed("HTTP/1.1 204\r\n\r\n");
        assertThat(reader.malformed()).isFalse();
        assertThat(reader.status()).isEqualTo(204);
        assertThat(reader.reasonLength()).isZero();
        reader.reset();
        feed("HTTP/1.1 2x4 OK\r\n\r\n");
        assertThat(reader.malformed()).isTrue();
    }

    @Test
    void shouldParseWhatArrivedBeforeAStall()
    {
        feed("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: slo");
        assertThat(reader.done()).isFalse();
        reader.finishEarly();
        assertThat(reader.status()).isEqualTo(200);
        assertThat(value(HttpResponseReader.DATE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(value(HttpResponseReader.SERVER)).isEqualTo("slo");
    }

    @Property(tries = 20_000)
    void shouldNeverThrowOnArbitraryBytes(@ForAll @Size(max = 600) final byte[] bytes, @ForAll final byte split)
    {
        reader.reset();
        final int at = bytes.length == 0 ? 0 : (split & 0xFF) % bytes.length;
        reader.onBytes(bytes, 0, at);
        reader.onBytes(bytes, at, bytes.length - at);
        reader.finishEarly();
        reader.parseDate(new HttpDate(), 0);
        reader.cached();
        reader.keepAlive();
        assertThat(reader.length()).isLessThanOrEqualTo(4096);
    }

    private void feed(final String s)
    {
        final byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        reader.onBytes(b, 0, b.length);
    }

    private String value(final int field)
    {
        return text(reader.valueStart(field), reader.valueLength(field));
    }

    private String text(final int start, final int length)
    {
        final byte[] b = new byte[length];
        reader.block().getBytes(start, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
