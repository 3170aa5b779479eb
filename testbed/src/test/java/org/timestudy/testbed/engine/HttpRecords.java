package org.timestudy.testbed.engine;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.timestudy.http.HttpDateForm;
import org.timestudy.http.HttpOffset;
import org.timestudy.http.HttpOutcome;
import org.timestudy.http.HttpProbeMode;
import org.timestudy.http.HttpTiming;
import org.timestudy.journal.HttpResponseFlyweight;
import org.timestudy.journal.HttpText;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.RecordType;
import org.timestudy.targets.address.Ipv4;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP records of a journal, decoded for tests.
 *
 * @param address       target address text ("" when a name did not resolve).
 * @param port          port probed.
 * @param https         scheme.
 * @param name          name probed.
 * @param outcome       how it ended.
 * @param status        HTTP status.
 * @param form          Date form.
 * @param dateRaw       Date as received.
 * @param t1EpochNs     T1.
 * @param t4EpochNs     T4.
 * @param lowNs         offset bracket lower bound.
 * @param highNs        offset bracket upper bound.
 * @param flags         record flags.
 * @param timing        T1/T4 method.
 * @param tlsFlags      certificate facts.
 * @param mode          engine mode.
 * @param requestIndex  request number / probe index.
 * @param redirectDepth redirect depth.
 * @param ageSeconds    Age, -1 when none.
 * @param location      Location.
 * @param detail        detail text.
 */
record HttpRecords(
    String address, int port, boolean https, String name, HttpOutcome outcome, int status, HttpDateForm form,
    String dateRaw, long t1EpochNs, long t4EpochNs, long lowNs, long highNs, int flags, HttpTiming timing,
    int tlsFlags, HttpProbeMode mode, int requestIndex, int redirectDepth, int ageSeconds, String location,
    String detail)
{
    static List<HttpRecords> read(final Path journal)
    {
        final List<HttpRecords> out = new ArrayList<>();
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            while (reader.read((type, b, length, index) ->
            {
                if (type != RecordType.HTTP_RESPONSE)
                {
                    return;
                }
                final HttpResponseFlyweight r = new HttpResponseFlyweight().wrap(b, 0);
                if (!r.valid(length))
                {
                    throw new IllegalStateException("malformed HTTP record at " + Long.toHexString(index));
                }
                final byte[] a = new byte[16];
                r.addressInto(a);
                final String address = r.family() == 4 ? Ipv4.format(r.ipv4()) : r.family() == 0 ? "" :
                    org.timestudy.targets.address.Ipv6Prefix.ofAddress(a).toString();
                out.add(new HttpRecords(address, r.targetPort(), r.scheme() == HttpResponseFlyweight.SCHEME_HTTPS,
                    r.text(HttpText.NAME), HttpOutcome.of(r.outcome()), r.status(), HttpDateForm.of(r.dateForm()),
                    r.text(HttpText.DATE), r.t1EpochNs(), r.t4EpochNs(), r.offsetLowNs(), r.offsetHighNs(),
                    r.flags(), HttpTiming.of(r.timing()), r.tlsFlags(), HttpProbeMode.of(r.mode()), r.requestIndex(),
                    r.redirectDepth(), r.ageSeconds(), r.text(HttpText.LOCATION), r.text(HttpText.DETAIL)));
            }, 10_000) > 0)
            {
                // read to the end
            }
        }
        return out;
    }

    /**
     * @return the offset estimate, the bracket's middle, seconds.
     */
    double offsetS()
    {
        return HttpOffset.middleSeconds(lowNs, highNs);
    }

    /**
     * @return the bracket's half-width, seconds.
     */
    double errorS()
    {
        return HttpOffset.halfWidthSeconds(lowNs, highNs);
    }

    /**
     * @param trueOffsetS a true offset, seconds.
     * @param slackS      allowance, seconds.
     * @return true when the bracket holds it.
     */
    boolean brackets(final double trueOffsetS, final double slackS)
    {
        return HttpOffset.known(lowNs, highNs) && trueOffsetS >= lowNs / 1e9 - slackS &&
            trueOffsetS <= highNs / 1e9 + slackS;
    }

    @Override
    public String toString()
    {
        return name + " " + address + ":" + port + " " + outcome + " " + status + " '" + dateRaw + "' [" +
            lowNs / 1e9 + ", " + highNs / 1e9 + "] " + timing + " #" + requestIndex + " " + detail;
    }
}
