package org.timestudy.bench.http;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.timestudy.http.HttpDate;
import org.timestudy.http.HttpDateForm;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Parsing an HTTP Date header value in place from the capture buffer ({@link HttpDate}, the three forms of RFC 9110),
 * against the JDK's {@code DateTimeFormatter.RFC_1123_DATE_TIME} on the same IMF-fixdate texts as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpDateBench
{
    private static final int VALUES = 1024;
    private static final long NOW = 1_795_000_000L;

    /** The form of the values parsed. */
    @Param({"IMF_FIXDATE", "RFC_850", "ASCTIME"})
    public String form;

    private final HttpDate date = new HttpDate();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[VALUES * HttpDate.MAX_LENGTH]);
    private final int[] lengths = new int[VALUES];
    private final String[] imf = new String[VALUES];
    private int next;

    /** Dates spread over ± 20 years, written in the chosen form. */
    @Setup
    public void values()
    {
        final Random random = new Random(42);
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < VALUES; i++)
        {
            final long t = NOW + (long)((random.nextDouble() - 0.5) * 40 * 365 * 86_400);
            sb.setLength(0);
            final byte[] b = HttpDate.format(t, HttpDateForm.valueOf(form), sb).toString()
                .getBytes(StandardCharsets.US_ASCII);
            buffer.putBytes(i * HttpDate.MAX_LENGTH, b);
            lengths[i] = b.length;
            imf[i] = HttpDate.format(t);
        }
    }

    /**
     * @return the parsed second.
     */
    @Benchmark
    public long parse()
    {
        final int i = next++ & (VALUES - 1);
        date.parse(buffer, i * HttpDate.MAX_LENGTH, lengths[i], NOW);
        return date.epochSecond();
    }

    /**
     * @return the parsed second, by the JDK's RFC 1123 formatter (IMF-fixdate texts whatever the form).
     */
    @Benchmark
    public long jdkBaseline()
    {
        final int i = next++ & (VALUES - 1);
        return ZonedDateTime.parse(imf[i], DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
    }
}
