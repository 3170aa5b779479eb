package org.timestudy.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.Ipv4;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSpaceBuilderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseAnImplicitTargetSet() throws Exception
    {
        assertThatThrownBy(() -> new TargetSpaceBuilder().build())
            .isInstanceOf(TargetInputException.class).hasMessageContaining("no targets given")
            .hasMessageContaining("0.0.0.0/0");
        final String allow = write("allow", "1.0.0.0/8");
        assertThatThrownBy(() -> new TargetSpaceBuilder().allowlistFile(allow).build())
            .isInstanceOf(TargetInputException.class).hasMessageContaining("no targets given");
    }

    @Test
    void shouldApplyTheDefaultBlocklistUnlessTurnedOff()
    {
        final TargetSpace all = new TargetSpaceBuilder().target("0.0.0.0/0").build();
        assertThat(all.size()).isEqualTo(3_702_258_432L);
        assertThat(all.blocked().size()).isEqualTo(592_708_864L);
        final TargetSpace lab = new TargetSpaceBuilder().target("198.18.0.0/15").defaultBlocklist(false).build();
        assertThat(lab.size()).isEqualTo(131_072);
        assertThatThrownBy(() -> new TargetSpaceBuilder().target("198.18.0.0/15").build())
            .isInstanceOf(TargetInputException.class).hasMessageContaining("no IPv4 target left")
            .hasMessageContaining("--no-default-blocklist");
    }

    @Test
    void shouldCombineTargetsFilesAllowlistsAndBlocklists() throws Exception
    {
        final String targets = write("targets", "# two /24s\n192.0.2.0/24\n198.51.100.0/24\n2001:db8::1\n");
        final String allow = write("allow", "198.51.100.0/25\n192.0.2.0/26\n");
        final String block = write("block", "198.51.100.0/28\n");
        final TargetSpace space = new TargetSpaceBuilder()
            .targetFile(targets).target("203.0.113.5").allowlistFile(allow).blocklistFile(block)
            .defaultBlocklist(false).ports(123, 80).build();
        assertThat(space.addresses().ranges()).containsExactly(
            AddressRange.parse("192.0.2.0/26"), AddressRange.parse("198.51.100.16-198.51.100.127"));
        assertThat(space.size()).isEqualTo((64 + 112) * 2);
        assertThat(space.ipv6Targets()).extracting(Object::toString).containsExactly("2001:db8::1");
        assertThat(space.blocked().contains(Ipv4.parse("198.51.100.3"))).isTrue();
        assertThat(space.portOf(0)).isEqualTo(123);
        assertThat(space.portOf(1)).isEqualTo(80);
        assertThat(space.addressOf(1)).isEqualTo(Ipv4.parse("192.0.2.0"));
    }

    @Test
    void shouldReadTargetsFromStdin()
    {
        final TargetSpace space = new TargetSpaceBuilder().targetFile("-").defaultBlocklist(false)
            .stdin(new ByteArrayInputStream("10.0.0.0/30\n10.0.0.2-10.0.0.9\n".getBytes(StandardCharsets.UTF_8)))
            .build();
        assertThat(space.size()).isEqualTo(10);
    }

    @Test
    void shouldNameTheFileAndLineOfABadEntry() throws Exception
    {
        final String bad = write("bad", "192.0.2.0/24\n\n192.0.2.0/40\n");
        assertThatThrownBy(() -> new TargetSpaceBuilder().targetFile(bad).build())
            .isInstanceOf(TargetInputException.class).hasMessageContaining(bad + ":3: IPv4 prefix length");
        assertThatThrownBy(() -> new TargetSpaceBuilder().target("192.0.2.0/24").blocklistFile(bad).build())
            .isInstanceOf(TargetInputException.class).hasMessageContaining(bad + ":3:");
        assertThatThrownBy(() -> new TargetSpaceBuilder().target("300.0.0.0/8").build())
            .isInstanceOf(TargetInputException.class).hasMessageContaining("300.0.0.0/8");
    }

    @Test
    void shouldRefuseBadPorts()
    {
        assertThatThrownBy(() -> new TargetSpaceBuilder().ports(123, 123)).hasMessageContaining("twice");
        assertThatThrownBy(() -> new TargetSpaceBuilder().ports(70000)).hasMessageContaining("0-65535");
        assertThatThrownBy(() -> new TargetSpaceBuilder().ports()).hasMessageContaining("at least one");
    }

    @Test
    void shouldGiveEqualDigestsToEqualSpacesOnly()
    {
        final TargetSpace a = new TargetSpaceBuilder().target("8.8.8.0/25").target("8.8.8.128/25").build();
        final TargetSpace b = new TargetSpaceBuilder().target("8.8.8.0/24").build();
        final TargetSpace c = new TargetSpaceBuilder().target("8.8.8.0/24").ports(124).build();
        assertThat(a.digest()).isEqualTo(b.digest()).isNotEqualTo(c.digest());
    }

    private String write(final String name, final String text) throws Exception
    {
        return Files.writeString(dir.resolve(name), text).toString();
    }
}
