package org.timestudy.testbed.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Real clients run from the scanner namespace, to check the lab's servers independently of timestudy's own code:
 * ntpsec's {@code ntpdig}, {@code curl} and {@code dig}.
 */
public final class LabClients
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter NTPDIG_TIME = new DateTimeFormatterBuilder()
        .appendPattern("yyyy-MM-dd'T'HH:mm:ssZ")
        .toFormatter();

    private final Lab lab;
    private final LabTools tools;

    /**
     * @param lab the lab to query from its scanner side.
     */
    public LabClients(final Lab lab)
    {
        this.lab = lab;
        this.tools = LabTools.locate();
    }

    /**
     * An ntpdig reading.
     *
     * @param offsetSeconds the server's offset as ntpdig computed it.
     * @param stratum       the stratum it reported.
     * @param midEpochNs    our clock halfway through the query, ns since 1970.
     * @param remoteEpochSeconds the server's time as ntpdig printed it (to its printed precision).
     * @param errorSeconds  ntpdig's error bound of the reading (half the delay plus precisions).
     */
    public record NtpReading(double offsetSeconds, int stratum, long midEpochNs, double remoteEpochSeconds,
        double errorSeconds)
    {
    }

    /**
     * An HTTP Date reading.
     *
     * @param dateEpochSeconds the Date header, seconds since 1970.
     * @param t1EpochNs        our clock before the request, ns since 1970.
     * @param t4EpochNs        our clock after the response, ns since 1970.
     * @param rawDate          the header as sent.
     */
    public record HttpReading(long dateEpochSeconds, long t1EpochNs, long t4EpochNs, String rawDate)
    {
    }

    /**
     * Queries an NTP server a few times with ntpsec's ntpdig and keeps the reading with the smallest error bound
     * (minimum-delay selection, as NTP clients do): on a loaded machine a single exchange can be delayed on one leg.
     *
     * @param address server address.
     * @return the best reading of five.
     */
    public NtpReading ntpdig(final String address)
    {
        NtpReading best = null;
        for (int i = 0; i < 5; i++)
        {
            final NtpReading r = ntpdigOnce(address);
            if (best == null || r.errorSeconds() < best.errorSeconds())
            {
                best = r;
            }
        }
        return best;
    }

    /**
     * Queries an NTP server once with ntpsec's ntpdig.
     *
     * @param address server address.
     * @return the reading.
     */
    public NtpReading ntpdigOnce(final String address)
    {
        final List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec",
            lab.layout().scannerNamespace()));
        cmd.addAll(tools.ntpdigCommand());
        cmd.addAll(List.of("-j", "-t", "2", address));
        final long t1 = nowNs();
        final Exec.Result r = Exec.run(cmd, 20_000).check();
        final long t4 = nowNs();
        try
        {
            final String line = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ntpdig printed no reading: " + r.stdout() +
                    r.stderr()));
            final JsonNode n = JSON.readTree(line);
            return new NtpReading(n.get("offset").asDouble(), n.get("stratum").asInt(), t1 + (t4 - t1) / 2,
                ntpdigTime(n.get("time").asText()), n.get("precision").asDouble());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends {@code curl -sI} to a server and reads its Date header.
     *
     * @param address server address.
     * @param https   true for HTTPS (certificate not checked).
     * @return the reading.
     */
    public HttpReading curlDate(final String address, final boolean https)
    {
        final String url = (https ? "https://" : "http://") + address + "/timestudy-" + System.nanoTime();
        final long t1 = nowNs();
        final Exec.Result r = lab.inScanner("curl", "-skI", "--max-time", "5", url).check();
        final long t4 = nowNs();
        final String raw = r.stdout().lines()
            .filter(l -> l.regionMatches(true, 0, "Date:", 0, 5))
            .map(l -> l.substring(5).trim())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Date header from " + url + ": " + r.stdout()));
        final long date = ZonedDateTime.parse(raw, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        return new HttpReading(date, t1, t4, raw);
    }

    /**
     * Resolves a name with {@code dig} against the lab's DNS server.
     *
     * @param name a name.
     * @param type record type (A, AAAA, CNAME).
     * @return the answers, one per line, as dig +short prints them.
     */
    public List<String> dig(final String name, final String type)
    {
        final Exec.Result r = lab.inScanner("dig", "+short", "+time=2", "+tries=1", "@" + lab.manifest().dnsServer(),
            name, type).check();
        return Arrays.stream(r.stdout().split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Parses ntpdig's "time": the server's transmit time. ntpdig 1.2.2 prints the microseconds as an integer that is
     * not zero-padded ("26.3" is 26.000003 s), so the fraction is read as microseconds.
     *
     * @param text e.g. {@code 2016-05-14T01:38:26.3+0000}.
     * @return seconds since 1970.
     */
    static double ntpdigTime(final String text)
    {
        final int dot = text.indexOf('.', text.indexOf('T'));
        final int zone = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (dot < 0)
        {
            return OffsetDateTime.parse(text, NTPDIG_TIME).toEpochSecond();
        }
        final long whole = OffsetDateTime.parse(text.substring(0, dot) + text.substring(zone), NTPDIG_TIME)
            .toEpochSecond();
        return whole + Long.parseLong(text.substring(dot + 1, zone)) / 1e6;
    }

    private static long nowNs()
    {
        final java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
