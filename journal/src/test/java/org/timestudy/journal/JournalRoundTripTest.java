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
    void shouldReadBackEveryFieldAndTextOfAnHttpRecordWithAnIpv6Address()
    {
        final byte[] v6 = new byte[16];
        for (int i = 0; i < 16; i++)
        {
            v6[i] = (byte)(0x20 + i);
        }
        final String headers = "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n" + "X".repeat(20_000);
        try (ChronicleQueue q = Journal.openForWrite(dir); JournalAppender a = new JournalAppender(q))
        {
            final HttpResponseFlyweight w = new HttpResponseFlyweight().wrap(a.buffer(), 0).header(9);
            w.t1EpochNs(-1).t4EpochNs(Long.MAX_VALUE).dateEpochSec(784_111_777L).offsetLowNs(Long.MIN_VALUE)
                .offsetHighNs(123).ageSeconds(-1).timingErrorNs(50_000).targetPort(443).sourcePort(65535)
                .status(599).flags(0xFFFF).tlsVersion(0x0304).outcome(12).dateForm(3).mode(2).scheme(1).timing(1)
                .tlsFlags(0x3F).requestIndex(255).redirectDepth(3).ttl(64).address(v6);
            w.text(HttpText.NAME, "www.lab.test").text(HttpText.DATE, "Sun, 06 Nov 1994 08:49:37 GMT")
                .text(HttpText.SERVER, "nginx/1.24.0 \u00e9\u20ac").text(HttpText.HEADERS, headers);
            a.append(w.finish());
            final HttpResponseFlyweight v4 = new HttpResponseFlyweight().wrap(a.buffer(), 0).header(9);
            v4.ipv4(0xC6120001);
            a.append(v4.finish());
        }
        final List<String> seen = new ArrayList<>();
        try (ChronicleQueue q = Journal.openForRead(dir); JournalReader reader = new JournalReader(q))
        {
            reader.read((type, b, length, index) ->
            {
                assertThat(type).isEqualTo(RecordType.HTTP_RESPONSE);
                final HttpResponseFlyweight r = new HttpResponseFlyweight().wrap(b, 0);
                assertThat(r.valid(length)).isTrue();
                assertThat(r.valid(length + 1)).isFalse();
                final byte[] address = new byte[16];
                r.addressInto(address);
                final StringBuilder sb = new StringBuilder();
                sb.append(r.scanId()).append(' ').append(r.t1EpochNs()).append(' ').append(r.t4EpochNs()).append(' ')
                    .append(r.dateEpochSec()).append(' ').append(r.offsetLowNs()).append(' ').append(r.offsetHighNs())
                    .append(' ').append(r.ageSeconds()).append(' ').append(r.timingErrorNs()).append(' ')
                    .append(r.targetPort()).append(' ').append(r.sourcePort()).append(' ').append(r.status())
                    .append(' ').append(r.flags()).append(' ').append(r.tlsVersion()).append(' ').append(r.outcome())
                    .append(' ').append(r.dateForm()).append(' ').append(r.mode()).append(' ').append(r.scheme())
                    .append(' ').append(r.timing()).append(' ').append(r.tlsFlags()).append(' ')
                    .append(r.requestIndex()).append(' ').append(r.redirectDepth()).append(' ').append(r.ttl())
                    .append(" family ").append(r.family()).append(' ').append(Integer.toHexString(r.ipv4()))
                    .append(' ').append(java.util.HexFormat.of().formatHex(address));
                for (int i = 0; i < HttpText.count(); i++)
                {
                    sb.append(" |").append(r.text(HttpText.of(i)).length());
                }
                sb.append(' ').append(r.text(HttpText.NAME)).append(' ').append(r.text(HttpText.SERVER));
                seen.add(sb.toString());
            }, 10);
        }
        assertThat(seen).containsExactly(
            "9 -1 " + Long.MAX_VALUE + " 784111777 " + Long.MIN_VALUE + " 123 -1 50000 443 65535 599 65535 772 " +
                "12 3 2 " +
                "1 1 63 255 3 64 family 6 2c2d2e2f 202122232425262728292a2b2c2d2e2f |12 |0 |0 |29 |0 |0 |15 |0 |0 " +
                "|0 |0 |16384 www.lab.test nginx/1.24.0 \u00e9?",
            "9 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 family 4 c6120001 00000000000000000000ffffc6120001 |0 |0 " +
                "|0 |0 |0 |0 |0 |0 |0 |0 |0 |0  ");
    }

    @Test
    void shouldRefuseTextsOutOfOrder()
    {
        final HttpResponseFlyweight w = new HttpResponseFlyweight()
            .wrap(new UnsafeBuffer(new byte[HttpResponseFlyweight.MAX_LENGTH]), 0).header(1);
        w.text(HttpText.DATE, "x");
        assertThatThrownBy(() -> w.text(HttpText.NAME, "y")).isInstanceOf(IllegalStateException.class);
        assertThat(HttpResponseFlyweight.MAX_LENGTH).isLessThanOrEqualTo(JournalAppender.MAX_RECORD_LENGTH);
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
