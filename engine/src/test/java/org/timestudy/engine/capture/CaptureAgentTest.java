package org.timestudy.engine.capture;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.probe.ntp.NtpFrames;
import org.timestudy.engine.probe.ntp.NtpProbe;
import org.timestudy.engine.send.KissOfDeathInbox;
import org.timestudy.engine.send.ScanTargets;
import org.timestudy.engine.status.Counters;
import org.timestudy.engine.status.EngineCounter;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.journal.IcmpUnreachableFlyweight;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.NtpReplyFlyweight;
import org.timestudy.journal.RecordFlags;
import org.timestudy.journal.RecordType;
import org.timestudy.ntp.NtpFields;
import org.timestudy.ntp.NtpTime;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.TargetSpaceBuilder;
import org.timestudy.targets.blocklist.SendGuard;
import org.timestudy.targets.permute.ScanOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.timestudy.engine.probe.ntp.NtpSenderTest.CTX_FOR_TESTS;

/**
 * The capture agent's checks on real frames, with a real journal: every bad input is counted by reason and never
 * journaled; good replies are journaled once, with T1 from the captured outgoing frame.
 */
class CaptureAgentTest
{
    private static final int TARGET = 0xC6120005;
    private static final long T1 = 1_795_000_000_000_000_000L;

    @TempDir
    Path dir;
    private ChronicleQueue queue;
    private Counters counters;
    private CaptureAgent agent;
    private ProbeCookie cookie;
    private ProbeSender sender;
    private final KissOfDeathInbox inbox = new KissOfDeathInbox();

    @BeforeEach
    void setUp()
    {
        queue = Journal.openForWrite(dir);
        counters = Counters.create(dir);
        cookie = new ProbeCookie(11, 22, new NtpProbe().cookieDomain());
        sender = new NtpProbe().newSender(CTX_FOR_TESTS);
        agent = new CaptureAgent(null, new NtpProbe().newReceiver(CTX_FOR_TESTS), cookie,
            targets(), new JournalAppender(queue), new KissOfDeathInbox[] {inbox},
            new T1Ring(1024), new SendClockRing(1024), 77, 1, CTX_FOR_TESTS.sourceMac(), counters);
    }

    @AfterEach
    void tearDown()
    {
        counters.close();
        queue.close();
    }

    @Test
    void shouldJournalAValidReplyOnceWithT1FromTheCapturedRequest()
    {
        final UnsafeBuffer request = request(TARGET, 5);
        agent.onFrame(bytes(request, 90), 90, T1);
        final long t2 = NtpTime.fromEpochNs(T1 + 1_000_000 + 37_000_000_000L);
        final long t3 = NtpTime.fromEpochNs(T1 + 1_100_000 + 37_000_000_000L);
        final byte[] reply = NtpFrames.reply(request, NtpFields.firstByte(0, 4, 4), 2, 0xC0A80001, t2, t3, 0);
        agent.onFrame(reply, reply.length, T1 + 2_100_000);
        agent.onFrame(reply, reply.length, T1 + 2_200_000);

        assertThat(counters.get(EngineCounter.OUTGOING_SEEN)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.REPLIES_VALID)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.DROP_DUPLICATE)).isEqualTo(1);
        final List<NtpReplyFlyweight> records = ntpRecords();
        assertThat(records).hasSize(1);
        final NtpReplyFlyweight r = records.get(0);
        assertThat(r.t1EpochNs()).isEqualTo(T1);
        assertThat(r.t4EpochNs()).isEqualTo(T1 + 2_100_000);
        assertThat(r.flags()).isEqualTo(RecordFlags.T1_FROM_CAPTURE);
        assertThat(r.targetAddress()).isEqualTo(TARGET);
        assertThat(r.scanId()).isEqualTo(77);
        assertThat(NtpTime.offsetSecondsFromEpochNs(r.t1EpochNs(), r.receiveTimestamp(), r.transmitTimestamp(),
            r.t4EpochNs())).isCloseTo(37.0, within(1e-6));
    }

    @Test
    void shouldCountAndDropSpoofedStrayAndMalformedReplies()
    {
        final UnsafeBuffer request = request(TARGET, 6);
        agent.onFrame(bytes(request, 90), 90, T1);
        final int ok = NtpFields.firstByte(0, 4, 4);

        // Off-path spoof: right addresses and ports, wrong origin.
        final byte[] spoof = NtpFrames.reply(request, ok, 2, 0, 1, 2, 0);
        new UnsafeBuffer(spoof).putLong(14 + 20 + 8 + 24, 0xdeadbeefL, java.nio.ByteOrder.BIG_ENDIAN);
        agent.onFrame(spoof, spoof.length, T1 + 1);
        // A genuine reply, but from an address that is not a target of this scan.
        final UnsafeBuffer foreign = request(0x0A000001, 7);
        final byte[] stray = NtpFrames.reply(foreign, ok, 2, 0, 1, 2, 0);
        agent.onFrame(stray, stray.length, T1 + 1);
        final byte[] wrongMode = NtpFrames.reply(request, NtpFields.firstByte(0, 4, 3), 2, 0, 1, 2, 0);
        agent.onFrame(wrongMode, wrongMode.length, T1 + 1);
        final byte[] oversized = NtpFrames.reply(request, ok, 2, 0, 1, 2, 1500);
        agent.onFrame(oversized, oversized.length, T1 + 1);
        final byte[] truncated = new byte[14 + 20 + 8 + 20];
        System.arraycopy(NtpFrames.reply(request, ok, 2, 0, 1, 2, 0), 0, truncated, 0, truncated.length);
        agent.onFrame(truncated, truncated.length, T1 + 1);
        agent.onFrame(new byte[] {0, 1, 2}, 3, T1 + 1);
        final byte[] garbage = new byte[200];
        new java.util.Random(1).nextBytes(garbage);
        agent.onFrame(garbage, garbage.length, T1 + 1);

        assertThat(counters.get(EngineCounter.DROP_WRONG_COOKIE)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.DROP_NOT_IN_SCAN)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.DROP_WRONG_MODE)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.DROP_OVERSIZED)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.DROP_TRUNCATED)).isEqualTo(1);
        assertThat(counters.get(EngineCounter.REPLIES_VALID)).isZero();
        assertThat(ntpRecords()).isEmpty();
    }

    @Test
    void shouldJournalAReplyWhoseRequestWasNotCapturedAsT1Missing()
    {
        final UnsafeBuffer request = request(TARGET, 8);
        final byte[] reply = NtpFrames.reply(request, NtpFields.firstByte(0, 4, 4), 2, 0, 1, 2, 0);
        agent.onFrame(reply, reply.length, T1);
        assertThat(ntpRecords()).singleElement().satisfies(r ->
        {
            assertThat(r.flags() & RecordFlags.T1_MISSING).isNotZero();
            assertThat(r.t1EpochNs()).isZero();
        });
        assertThat(counters.get(EngineCounter.T1_MISSING)).isEqualTo(1);
    }

    @Test
    void shouldTakeT1FromTheSendClockWhenOurOwnFramesAreNotCaptured()
    {
        final SendClockRing clocks = new SendClockRing(1024);
        final CaptureAgent a = new CaptureAgent(null, new NtpProbe().newReceiver(CTX_FOR_TESTS), cookie, targets(),
            new JournalAppender(queue), new KissOfDeathInbox[] {inbox}, new T1Ring(1024), clocks, 77, 1,
            CTX_FOR_TESTS.sourceMac(), counters).t1FromSendClock(10_000_000_000L);
        final int ok = NtpFields.firstByte(0, 4, 4);
        clocks.put(9, T1 - 50_000);
        final byte[] fresh = NtpFrames.reply(request(TARGET, 9), ok, 2, 0, 1, 2, 0);
        a.onFrame(fresh, fresh.length, T1 + 2_000_000);
        // A slot still holding an older probe's clock (beyond the cooldown) is not this probe's T1.
        clocks.put(10, T1 - 20_000_000_000L);
        final byte[] stale = NtpFrames.reply(request(TARGET + 1, 10), ok, 2, 0, 1, 2, 0);
        a.onFrame(stale, stale.length, T1 + 2_000_000);

        final List<NtpReplyFlyweight> records = ntpRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).t1EpochNs()).isEqualTo(T1 - 50_000);
        assertThat(records.get(0).flags() & (RecordFlags.T1_FROM_CAPTURE | RecordFlags.T1_MISSING)).isZero();
        assertThat(records.get(1).t1EpochNs()).isZero();
        assertThat(records.get(1).flags() & RecordFlags.T1_MISSING).isNotZero();
        assertThat(counters.get(EngineCounter.T1_MISSING)).isEqualTo(1);
    }

    @Test
    void shouldJournalKissOfDeathAndTellTheSenders()
    {
        final UnsafeBuffer request = request(TARGET, 9);
        final byte[] deny = NtpFrames.reply(request, NtpFields.firstByte(3, 4, 4), 0, NtpFields.KISS_DENY, 0, 0, 0);
        agent.onFrame(deny, deny.length, T1);
        assertThat(counters.get(EngineCounter.KOD_SEEN)).isEqualTo(1);
        assertThat(ntpRecords()).singleElement().satisfies(r ->
            assertThat(r.flags() & RecordFlags.KISS_OF_DEATH).isNotZero());
        inbox.drain(0);
        assertThat(inbox.skip(TARGET, 0)).isTrue();
        assertThat(inbox.skip(TARGET, 1_000_000)).isTrue();
    }

    @Test
    void shouldBackOffFromRateKisses()
    {
        final UnsafeBuffer request = request(TARGET, 10);
        final byte[] rate = NtpFrames.reply(request, NtpFields.firstByte(3, 4, 4), 0, NtpFields.KISS_RATE, 0, 0, 0);
        agent.onFrame(rate, rate.length, T1);
        inbox.drain(3);
        assertThat(inbox.skip(TARGET, 4)).isTrue();
        assertThat(inbox.skip(TARGET, 5)).isFalse();
    }

    @Test
    void shouldJournalAnIcmpUnreachableQuotingOurProbe()
    {
        final UnsafeBuffer request = request(TARGET, 11);
        agent.onFrame(bytes(request, 90), 90, T1);
        final byte[] icmp = NtpFrames.portUnreachable(request, 90);
        agent.onFrame(icmp, icmp.length, T1 + 500_000);
        assertThat(counters.get(EngineCounter.ICMP_UNREACHABLE)).isEqualTo(1);
        final List<String> seen = new ArrayList<>();
        try (JournalReader reader = new JournalReader(queue))
        {
            reader.read((type, b, len, index) ->
            {
                if (type == RecordType.ICMP_UNREACHABLE)
                {
                    final IcmpUnreachableFlyweight r = new IcmpUnreachableFlyweight().wrap(b, 0);
                    seen.add(r.targetAddress() + " " + r.t1EpochNs() + " " + r.icmpType() + "/" + r.icmpCode());
                }
            }, 10);
        }
        assertThat(seen).containsExactly(TARGET + " " + T1 + " 3/3");
    }

    static ScanTargets targets()
    {
        final TargetSpace space = new TargetSpaceBuilder().target("198.18.0.0/24").defaultBlocklist(false).build();
        return new ScanTargets(space, ScanOrder.of(space, 1), SendGuard.of(space, null), null, "test");
    }

    private UnsafeBuffer request(final int target, final int seq)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[90]);
        sender.prepare(frame);
        final int port = 40000 + seq;
        sender.make(frame, target, 123, port, cookie.make(target, 123, port, seq));
        return frame;
    }

    private static byte[] bytes(final UnsafeBuffer b, final int length)
    {
        final byte[] out = new byte[length];
        b.getBytes(0, out);
        return out;
    }

    private List<NtpReplyFlyweight> ntpRecords()
    {
        final List<NtpReplyFlyweight> out = new ArrayList<>();
        try (JournalReader reader = new JournalReader(queue))
        {
            reader.read((type, b, len, index) ->
            {
                if (type == RecordType.NTP_REPLY)
                {
                    final byte[] copy = new byte[len];
                    b.getBytes(0, copy);
                    out.add(new NtpReplyFlyweight().wrap(new UnsafeBuffer(copy), 0));
                }
            }, 100);
        }
        return out;
    }
}
