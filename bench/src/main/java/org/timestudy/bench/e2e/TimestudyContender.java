package org.timestudy.bench.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.collections.IntHashSet;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.testbed.JvmOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * timestudy's own {@code scan}: one JVM with the project's flags, one send thread, the plan's probes per target as
 * rounds with no pause between them. What it recorded is read back from its journal; its counters and T1 error come
 * from its metadata file.
 */
public final class TimestudyContender implements Contender
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean sendClock;

    /** The default scan: T1 from the capture of our outgoing frames. */
    public TimestudyContender()
    {
        this(false);
    }

    /**
     * @param sendClock true for {@code --t1 send-clock} (our frames not captured; key {@code timestudy-t1send}).
     */
    public TimestudyContender(final boolean sendClock)
    {
        this.sendClock = sendClock;
    }

    @Override
    public String key()
    {
        return sendClock ? "timestudy-t1send" : "timestudy";
    }

    @Override
    public String label()
    {
        return sendClock ? "timestudy scan -M ntp --t1 send-clock" : "timestudy scan -M ntp";
    }

    @Override
    public List<String> command(final RunPlan plan)
    {
        final List<String> args = arguments(plan);
        if (sendClock)
        {
            args.addAll(List.of("--t1", "send-clock"));
        }
        return JvmOptions.javaCommand("org.timestudy.engine.cli.ScanCommand", args);
    }

    /**
     * @param plan the run.
     * @return the scan command's arguments.
     */
    public static List<String> arguments(final RunPlan plan)
    {
        return new ArrayList<>(List.of("--no-default-blocklist", plan.targets(),
            "-i", plan.lab().scannerInterface(),
            "-r", plan.max() ? "max" : Long.toString(Math.round(plan.ratePps())),
            "--rounds", Integer.toString(plan.probesPerTarget()), "--round-interval", "0",
            "-c", Integer.toString(plan.cooldownS()),
            "--seed", Long.toString(plan.seed()),
            "--journal", journal(plan).toString(),
            "--metadata-file", metadata(plan).toString(),
            "-q"));
    }

    @Override
    public Recorded read(final RunPlan plan, final ReplyCheck check) throws IOException
    {
        final long[] n = new long[2];
        final IntHashSet hosts = new IntHashSet();
        final NtpReplyFlyweight r = new NtpReplyFlyweight();
        try (ChronicleQueue q = Journal.openForRead(journal(plan)); JournalReader reader = new JournalReader(q))
        {
            final JournalReader.Handler handler = (type, buffer, length, index) ->
            {
                if (type != RecordType.NTP_REPLY)
                {
                    return;
                }
                r.wrap(buffer, 0);
                n[0]++;
                hosts.add(r.targetAddress());
                final boolean t1Known = (r.flags() & RecordFlags.T1_MISSING) == 0 && r.t1EpochNs() != 0;
                final long sentNotBefore = t1Known ? r.t1EpochNs() : r.t4EpochNs() - ReplyCheck.DEFAULT_WINDOW_NS;
                if (check.correct(r.targetAddress(), sentNotBefore, r.t4EpochNs(), r.firstByte(), r.stratum(),
                    r.receiveTimestamp(), r.transmitTimestamp()))
                {
                    n[1]++;
                }
            };
            while (reader.read(handler, 65536) > 0)
            {
                // to the end of the journal
            }
        }
        final Map<String, Object> extra = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        final Map<String, Object> metadata = JSON.readValue(metadata(plan).toFile(), Map.class);
        extra.put("counters", metadata.get("counters"));
        extra.put("t1CaptureMinusSendClockNs", t1Summary(metadata.get("t1CaptureMinusSendClockNs")));
        return new Recorded(n[0], n[1], hosts.size(), "all fields, decoded (journal)", extra);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> t1Summary(final Object histogram)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        if (histogram instanceof Map<?, ?> m)
        {
            for (final String k : List.of("count", "p50", "p99", "p999", "max"))
            {
                if (m.containsKey(k))
                {
                    out.put(k, ((Map<String, Object>)m).get(k));
                }
            }
        }
        return out;
    }

    private static Path journal(final RunPlan plan)
    {
        return plan.dir().resolve("journal");
    }

    private static Path metadata(final RunPlan plan)
    {
        return plan.dir().resolve("scan.json");
    }
}
