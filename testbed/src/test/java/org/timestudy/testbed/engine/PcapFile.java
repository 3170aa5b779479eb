package org.timestudy.testbed.engine;

import org.agrona.collections.Int2IntHashMap;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.timestudy.engine.capture.PcapLibrary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a capture file saw: per destination address, how many IPv4 packets, and every packet's timestamp.
 */
record PcapFile(Int2IntHashMap perDestination, List<Long> timesNs)
{
    static PcapFile read(final Path file) throws Exception
    {
        PcapLibrary.configure();
        final Int2IntHashMap counts = new Int2IntHashMap(0);
        final List<Long> times = new ArrayList<>();
        try (PcapHandle h = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO))
        {
            byte[] p;
            while ((p = h.getNextRawPacket()) != null)
            {
                if (p.length >= 34)
                {
                    final int dst = ByteBuffer.wrap(p).order(ByteOrder.BIG_ENDIAN).getInt(14 + 16);
                    counts.put(dst, counts.get(dst) + 1);
                    final java.sql.Timestamp ts = h.getTimestamp();
                    times.add(Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos());
                }
            }
        }
        return new PcapFile(counts, times);
    }

    int packets()
    {
        return timesNs.size();
    }

    int to(final int address)
    {
        return perDestination.get(address);
    }
}
