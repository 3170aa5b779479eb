package org.timestudy.testbed.clock;

import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.classify.SubTag;

import java.time.Instant;
import java.util.List;

/**
 * The ground truth of one simulated address: its clock model (and the one before its behaviour change, if any),
 * the clocks behind a multi-clock address, and how its servers answer. Its class is an analyzer
 * {@link ClockClass}, so verdicts can be scored one to one.
 *
 * @param address      IPv4 address as an int.
 * @param clockClass   the class of its clock (after the change, if it changes).
 * @param model        its clock model (after the change).
 * @param before       the model before the change, or null.
 * @param changeAtNs   time of the change, ns since 1970, or {@link Long#MIN_VALUE}.
 * @param components   the clocks of a MULTI-CLOCK address, else empty.
 * @param ntpResponse  how its NTP server answers.
 * @param httpResponse how its HTTP server answers.
 * @param dateForm     the form of its HTTP Date.
 * @param timescale    model seconds per true second.
 * @param epochNs      the population's epoch, ns since 1970.
 */
public record ClockTruth(
    int address,
    ClockClass clockClass,
    Model model,
    Model before,
    long changeAtNs,
    List<Model> components,
    Response ntpResponse,
    Response httpResponse,
    DateForm dateForm,
    double timescale,
    long epochNs)
{
    /**
     * One clock model's parameters.
     *
     * @param clockClass  its class.
     * @param subTags     the {@link SubTag} bits it should earn (TZ, MINUTE, PERIODIC).
     * @param offsetS     SYNCED: its bias; OFFSET: the constant; DRIFT: the offset at the epoch; RESET+DRIFT: the
     *                    baseline it resets to; STUCK: frozen time minus the epoch; MULTI-CLOCK: the first clock's
     *                    offset; seconds.
     * @param ratePpm     R − 1 as measured in true time (model ppm × timescale), ppm; −10^6 when stuck.
     * @param lastResetNs DRIFT: its last reset; RESET+DRIFT: the last reset before the epoch; else
     *                    {@link Long#MIN_VALUE}; ns since 1970.
     * @param periodNs    RESET+DRIFT: mean interval between resets in true time, ns; else 0.
     * @param periodic    RESET+DRIFT: resets exactly every period.
     * @param frozenAtNs  STUCK: the time it shows, ns since 1970; else {@link Long#MIN_VALUE}.
     * @param spreadS     SYNCED/OFFSET: per-request jitter bound; ERRATIC: the offset range ±E; seconds.
     * @param share       share of requests it answers (1 except for the clocks of a multi-clock address).
     */
    public record Model(
        ClockClass clockClass,
        int subTags,
        double offsetS,
        double ratePpm,
        long lastResetNs,
        long periodNs,
        boolean periodic,
        long frozenAtNs,
        double spreadS,
        double share)
    {
        void appendJson(final StringBuilder sb)
        {
            sb.append("{\"class\":\"").append(clockClass.label()).append('"');
            if (subTags != 0)
            {
                sb.append(",\"subTags\":\"").append(SubTag.format(subTags)).append('"');
            }
            sb.append(",\"offsetSeconds\":").append(offsetS);
            sb.append(",\"ratePpm\":").append(ratePpm);
            if (lastResetNs != Long.MIN_VALUE)
            {
                sb.append(",\"lastReset\":\"").append(instant(lastResetNs)).append('"');
            }
            if (periodNs > 0)
            {
                sb.append(",\"periodSeconds\":").append(periodNs / 1e9).append(",\"periodic\":").append(periodic);
            }
            if (frozenAtNs != Long.MIN_VALUE)
            {
                sb.append(",\"frozenAt\":\"").append(instant(frozenAtNs)).append('"');
            }
            if (spreadS > 0)
            {
                sb.append(",\"spreadSeconds\":").append(spreadS);
            }
            if (share < 1)
            {
                sb.append(",\"share\":").append(share);
            }
            sb.append('}');
        }
    }

    /**
     * @param trueNs a true time, ns since 1970.
     * @return the class in force at that time.
     */
    public ClockClass classAt(final long trueNs)
    {
        return before != null && trueNs < changeAtNs ? before.clockClass() : clockClass;
    }

    /**
     * @return true when the address changes behaviour once.
     */
    public boolean changes()
    {
        return before != null;
    }

    /**
     * @return the truth as one JSON object on one line (for {@code lab truth} and JSON-lines dumps).
     */
    public String toJson()
    {
        final StringBuilder sb = new StringBuilder(256);
        sb.append("{\"address\":\"").append(dotted(address)).append('"');
        sb.append(",\"class\":\"").append(clockClass.label()).append('"');
        sb.append(",\"model\":");
        model.appendJson(sb);
        if (before != null)
        {
            sb.append(",\"before\":");
            before.appendJson(sb);
            sb.append(",\"changeAt\":\"").append(instant(changeAtNs)).append('"');
        }
        if (!components.isEmpty())
        {
            sb.append(",\"components\":[");
            for (int i = 0; i < components.size(); i++)
            {
                if (i > 0)
                {
                    sb.append(',');
                }
                components.get(i).appendJson(sb);
            }
            sb.append(']');
        }
        sb.append(",\"ntp\":\"").append(ntpResponse.name()).append('"');
        sb.append(",\"http\":\"").append(httpResponse.name()).append('"');
        sb.append(",\"dateForm\":\"").append(dateForm.name()).append('"');
        sb.append(",\"timescale\":").append(timescale);
        sb.append(",\"epoch\":\"").append(instant(epochNs)).append("\"}");
        return sb.toString();
    }

    /**
     * @param address IPv4 address as an int.
     * @return dotted-quad text.
     */
    public static String dotted(final int address)
    {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    private static String instant(final long ns)
    {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }
}
