package org.timestudy.engine.probe;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;
import org.timestudy.engine.capture.PcapLibrary;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every registered probe type keeps: a unique name, a description, a capture filter libpcap compiles,
 * a snap length that holds a whole reply, and a sender whose frames fit its own maximum.
 */
class ProbeRegistryTest
{
    private static final ProbeContext CTX = new ProbeContext(new byte[] {2, 0, 0, 0, 0, 1},
        new byte[] {2, 0, 0, 0, 0, 2}, 0xC613_FF02, 32768, 28233, 64);

    @Test
    void shouldRegisterNtpAndHttpWithUniqueNamesAndSoundDescriptors() throws Exception
    {
        final List<ProbeType> all = ProbeRegistry.all();
        assertThat(all).extracting(ProbeType::name).contains("ntp", "http").doesNotHaveDuplicates();
        PcapLibrary.configure();
        final Set<Long> domains = new HashSet<>();
        for (final ProbeType p : all)
        {
            assertThat(p.description()).isNotBlank();
            assertThat(domains.add(p.cookieDomain())).as("cookie domain of %s", p.name()).isTrue();
            assertThat(p.defaultPort()).isBetween(1, 65535);
            assertThat(p.snapLength()).isGreaterThanOrEqualTo(p.maxFrameLength());
            final BpfProgram bpf = Pcaps.compileFilter(p.snapLength(), DataLinkType.EN10MB, p.captureFilter(CTX),
                BpfProgram.BpfCompileMode.OPTIMIZE, (Inet4Address)InetAddress.getByAddress(new byte[4]));
            assertThat(bpf.getExpression()).isEqualTo(p.captureFilter(CTX));
            final ProbeSender sender = p.newSender(CTX);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[p.maxFrameLength()]);
            sender.prepare(frame);
            assertThat(sender.make(frame, 0xC612_0001, p.defaultPort(), 40000, 0x1234_5678_9abc_def0L))
                .isBetween(42, p.maxFrameLength());
            assertThat(ProbeRegistry.byName(p.name())).isInstanceOf(p.getClass());
        }
    }
}
