package org.timestudy.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRoundTripTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryFieldOfEveryRecordType()
    {
        try (ChronicleQueue q = Journal.openForWrite(dir); JournalAppender a = new JournalAppender(q))
        {
            a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_START, 7, 11,
                "{\"rate\":100}"));
            final NtpReplyFlyweight r = new NtpReplyFlyweight().wrap(a.buffer(), 0).header(7);
            r.targetAddress(0xC6120001).targetPort(123).sourcePort(40000).t1EpochNs(1_000).t4EpochNs(2_000)
                .firstByte(0x24).stratum(2).poll(-6).precision(-23).rootDelay(0x10).rootDispersion(0x20)
                .refid(0xC0A80001).referenceTimestamp(-1L).originTimestamp(0x1234_5678_9ABC_DEF0L)
                .receiveTimestamp(Long.MIN_VALUE).transmitTimestamp(Long.MAX_VALUE).flags(0xFFFF).probeIndex(255)
                .ttl(64).payloadLength(48).reserved(0);
            a.append(NtpReplyFlyweight.LENGTH);
            new IcmpUnreachableFlyweight().wrap(a.buffer(), 0).header(7).targetAddress(-1).targetPort(65535)
                .sourcePort(1).t1EpochNs(3).t4EpochNs(4).reporterAddress(0x01020304).icmpType(3).icmpCode(3)
                .probeIndex(1).ttl(255);
            a.append(IcmpUnreachableFlyweight.LENGTH);
            assertThat(a.appended()).isEqualTo(3);
        }

        final List<String> seen = new ArrayList<>();
        try (ChronicleQueue q = Journal.openForRead(dir); JournalReader reader = new JournalReader(q))
        {
            reader.read((type, buffer, length, index) -> seen.add(describe(type, buffer)), 100);
        }
        assertThat(seen).containsExactly(
            "SCAN_START 7 11 {\"rate\":100}",
            "NTP 7 c6120001 123 40000 1000 2000 36 2 -6 -23 16 32 c0a80001 -1 123456789abcdef0 " +
                Long.MIN_VALUE + " " + Long.MAX_VALUE + " 65535 255 64 48",
            "ICMP 7 -1 65535 1 3 4 16909060 3 3 1 255");
    }

    @Test
    void shouldResumeAfterTheLastIndexRead()
    {
        final long[] indexes = new long[3];
        try (ChronicleQueue q = Journal.openForWrite(dir); JournalAppender a = new JournalAppender(q))
        {
            for (int i = 0; i < 3; i++)
            {
                a.append(new ScanEventFlyweight().wrap(a.buffer(), 0).encode(RecordType.SCAN_END, i, i, "{}"));
                indexes[i] = a.lastIndex();
            }
        }
        final List<Long> ids = new ArrayList<>();
        try (ChronicleQueue q = Journal.openForRead(dir); JournalReader reader = new JournalReader(q))
        {
            reader.afterIndex(indexes[0]).read((type, buffer, length, index) ->
                ids.add(new ScanEventFlyweight().wrap(buffer, 0).scanId()), 10);
        }
        assertThat(ids).containsExactly(1L, 2L);
    }

    @Test
    void shouldRefuseAMissingDirectoryAForeignDirectoryAndAnotherFormat() throws Exception
    {
        assertThatThrownBy(() -> Journal.openForRead(dir.resolve("nope")))
            .isInstanceOf(JournalException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Journal.openForRead(dir))
            .isInstanceOf(JournalException.class).hasMessageContaining("not a timestudy journal");
        Files.writeString(dir.resolve(Journal.MARKER_FILE), "format=timestudy-journal/0\n");
        assertThatThrownBy(() -> Journal.openForRead(dir))
            .isInstanceOf(JournalException.class).hasMessageContaining("timestudy-journal/0");
    }

    private static String describe(final int type, final UnsafeBuffer b)
    {
        switch (type)
        {
            case RecordType.SCAN_START:
            {
                final ScanEventFlyweight e = new ScanEventFlyweight().wrap(b, 0);
                return "SCAN_START " + e.scanId() + " " + e.timeEpochNs() + " " + e.json();
            }
            case RecordType.NTP_REPLY:
            {
                final NtpReplyFlyweight r = new NtpReplyFlyweight().wrap(b, 0);
                return "NTP " + r.scanId() + " " + Integer.toHexString(r.targetAddress()) + " " + r.targetPort() +
                    " " + r.sourcePort() + " " + r.t1EpochNs() + " " + r.t4EpochNs() + " " + r.firstByte() + " " +
                    r.stratum() + " " + r.poll() + " " + r.precision() + " " + r.rootDelay() + " " +
                    r.rootDispersion() + " " + Integer.toHexString(r.refid()) + " " + r.referenceTimestamp() + " " +
                    Long.toHexString(r.originTimestamp()) + " " + r.receiveTimestamp() + " " +
                    r.transmitTimestamp() + " " + r.flags() + " " + r.probeIndex() + " " + r.ttl() + " " +
                    r.payloadLength();
            }
            case RecordType.ICMP_UNREACHABLE:
            {
                final IcmpUnreachableFlyweight r = new IcmpUnreachableFlyweight().wrap(b, 0);
                return "ICMP " + r.scanId() + " " + r.targetAddress() + " " + r.targetPort() + " " +
                    r.sourcePort() + " " + r.t1EpochNs() + " " + r.t4EpochNs() + " " + r.reporterAddress() + " " +
                    r.icmpType() + " " + r.icmpCode() + " " + r.probeIndex() + " " + r.ttl();
            }
            default:
                return "?" + type;
        }
    }
}
