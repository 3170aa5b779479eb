package org.timestudy.targets.address;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressSetTest
{
    /** Small universes at the bottom and at the top of the space (where the sign bit is set). */
    private static final int[] BASES = {0, 0xFFFF_F000, 0x7FFF_F800};

    @Test
    void shouldMergeOverlappingAndAdjacentRanges()
    {
        final AddressSet s = AddressSet.of(
            AddressRange.parse("10.0.0.0/24"),
            AddressRange.parse("10.0.0.128-10.0.1.10"),
            AddressRange.parse("10.0.1.11"),
            AddressRange.parse("10.0.5.0/24"));
        assertThat(s.ranges()).containsExactly(
            AddressRange.parse("10.0.0.0-10.0.1.11"), AddressRange.parse("10.0.5.0/24"));
        assertThat(s.size()).isEqualTo(268 + 256);
    }

    @Test
    void shouldCountTheWholeSpaceAsALong()
    {
        final AddressSet all = AddressSet.of(AddressRange.ALL);
        assertThat(all.size()).isEqualTo(1L << 32);
        assertThat(all.addressAt((1L << 32) - 1)).isEqualTo(-1);
        assertThat(all.indexOf(-1)).isEqualTo((1L << 32) - 1);
        assertThat(all.contains(Ipv4.parse("200.1.2.3"))).isTrue();
    }

    @Test
    void shouldSubtractAcrossTheSignBit()
    {
        final AddressSet s = AddressSet.of(AddressRange.ALL).minus(AddressSet.of(
            AddressRange.parse("100.0.0.0-200.0.0.0"), AddressRange.parse("255.255.255.255")));
        assertThat(s.ranges()).containsExactly(
            AddressRange.parse("0.0.0.0-99.255.255.255"), AddressRange.parse("200.0.0.1-255.255.255.254"));
        assertThat(s.contains(Ipv4.parse("150.0.0.0"))).isFalse();
        assertThat(s.contains(Ipv4.parse("200.0.0.1"))).isTrue();
    }

    @Test
    void shouldRefuseIndexOutsideTheSet()
    {
        final AddressSet s = AddressSet.of(AddressRange.parse("192.0.2.0/30"));
        assertThat(s.addressAt(3)).isEqualTo(Ipv4.parse("192.0.2.3"));
        assertThatThrownBy(() -> s.addressAt(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.addressAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(s.indexOf(Ipv4.parse("192.0.2.4"))).isEqualTo(-1);
    }

    @Test
    void shouldBeEmptyWhenBuiltFromNothing()
    {
        assertThat(AddressSet.builder().build()).isSameAs(AddressSet.EMPTY);
        assertThat(AddressSet.EMPTY.size()).isZero();
        assertThat(AddressSet.EMPTY.contains(0)).isFalse();
    }

    @Property(tries = 300)
    void shouldMatchABitSetReference(
        @ForAll @Size(max = 12) final List<@IntRange(min = 0, max = 4095) Integer> starts,
        @ForAll @Size(max = 12) final List<@IntRange(min = 0, max = 300) Integer> lengths,
        @ForAll @Size(max = 6) final List<@IntRange(min = 0, max = 4095) Integer> cutStarts,
        @ForAll @IntRange(min = 0, max = 2) final int baseChoice)
    {
        final int base = BASES[baseChoice];
        final BitSet want = new BitSet(4096);
        final AddressSet.Builder b = AddressSet.builder();
        for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++)
        {
            final int from = starts.get(i);
            final int to = Math.min(4095, from + lengths.get(i));
            want.set(from, to + 1);
            b.add(base + from, base + to);
        }
        final AddressSet set = b.build();
        final BitSet cut = new BitSet(4096);
        final AddressSet.Builder cb = AddressSet.builder();
        for (final int c : cutStarts)
        {
            final int to = Math.min(4095, c + 37);
            cut.set(c, to + 1);
            cb.add(base + c, base + to);
        }
        final AddressSet cuts = cb.build();

        check(set, want, base);
        final BitSet minus = (BitSet)want.clone();
        minus.andNot(cut);
        check(set.minus(cuts), minus, base);
        final BitSet and = (BitSet)want.clone();
        and.and(cut);
        check(set.intersect(cuts), and, base);
        final BitSet or = (BitSet)want.clone();
        or.or(cut);
        check(set.union(cuts), or, base);
    }

    private static void check(final AddressSet set, final BitSet want, final int base)
    {
        assertThat(set.size()).isEqualTo(want.cardinality());
        long index = 0;
        for (int i = 0; i < 4096; i++)
        {
            assertThat(set.contains(base + i)).isEqualTo(want.get(i));
            if (want.get(i))
            {
                assertThat(set.indexOf(base + i)).isEqualTo(index);
                assertThat(set.addressAt(index)).isEqualTo(base + i);
                index++;
            }
            else
            {
                assertThat(set.indexOf(base + i)).isEqualTo(-1);
            }
        }
        for (int r = 1; r < set.rangeCount(); r++)
        {
            // merged: a gap of at least one address between consecutive ranges
            assertThat(Ipv4.toLong(set.range(r).first()) - Ipv4.toLong(set.range(r - 1).last())).isGreaterThan(1);
        }
    }
}
