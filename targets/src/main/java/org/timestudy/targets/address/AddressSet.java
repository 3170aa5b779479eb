package org.timestudy.targets.address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of IPv4 addresses held as sorted, merged, inclusive ranges, indexed so that the walk can map an
 * index of an allowed address to the address in constant time: {@code addressAt(indexOf(a)) == a}.
 *
 * <p>Overlapping and adjacent ranges merge when the set is built. Memory is 16 bytes per range plus a lookup table
 * of at most {@value #MAX_BUCKETS} ints; the whole IPv4 space less the default blocklist is 13 ranges.
 */
public final class AddressSet
{
    /** The empty set. */
    public static final AddressSet EMPTY = new AddressSet(new int[0], new int[0], 0);
    /** Largest index lookup table, in entries. */
    public static final int MAX_BUCKETS = 1 << 16;
    private static final int MIN_BUCKETS = 1 << 8;
    private static final int BUCKETS_PER_RANGE = 64;

    private final int[] firsts;
    private final int[] lasts;
    private final long[] startIndex;
    private final int bucketShift;
    private final int[] bucketRange;

    private AddressSet(final int[] firsts, final int[] lasts, final int count)
    {
        this.firsts = count == firsts.length ? firsts : Arrays.copyOf(firsts, count);
        this.lasts = count == lasts.length ? lasts : Arrays.copyOf(lasts, count);
        this.startIndex = new long[count + 1];
        for (int i = 0; i < count; i++)
        {
            startIndex[i + 1] = startIndex[i] + Ipv4.toLong(this.lasts[i]) - Ipv4.toLong(this.firsts[i]) + 1;
        }
        final long size = startIndex[count];
        // Many more buckets than ranges, so that few buckets hold a range boundary and most lookups need no search.
        final long wantedBuckets = Math.max(MIN_BUCKETS, (long)count * BUCKETS_PER_RANGE);
        final int bucketBits = Math.min(Integer.numberOfTrailingZeros(MAX_BUCKETS),
            64 - Long.numberOfLeadingZeros(wantedBuckets - 1));
        final int sizeBits = size <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size - 1);
        this.bucketShift = Math.max(0, sizeBits - bucketBits);
        final int buckets = size == 0 ? 0 : (int)((size - 1) >>> bucketShift) + 1;
        this.bucketRange = new int[buckets + 1];
        int r = 0;
        for (int b = 0; b < buckets; b++)
        {
            final long firstIndexOfBucket = (long)b << bucketShift;
            while (startIndex[r + 1] <= firstIndexOfBucket)
            {
                r++;
            }
            bucketRange[b] = r;
        }
        bucketRange[buckets] = Math.max(0, count - 1);
    }

    /**
     * @param ranges any ranges, in any order, overlapping or not.
     * @return the set of their addresses.
     */
    public static AddressSet of(final AddressRange... ranges)
    {
        final Builder b = new Builder();
        for (final AddressRange r : ranges)
        {
            b.add(r);
        }
        return b.build();
    }

    /**
     * @return a builder that collects ranges in any order.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return number of addresses, 0 to 2^32.
     */
    public long size()
    {
        return startIndex[firsts.length];
    }

    /**
     * @return true if the set holds no address.
     */
    public boolean isEmpty()
    {
        return firsts.length == 0;
    }

    /**
     * @return number of merged ranges.
     */
    public int rangeCount()
    {
        return firsts.length;
    }

    /**
     * @param i range number, 0 to {@link #rangeCount()} - 1, in ascending address order.
     * @return that range.
     */
    public AddressRange range(final int i)
    {
        return new AddressRange(firsts[i], lasts[i]);
    }

    /**
     * @return the merged ranges in ascending order.
     */
    public List<AddressRange> ranges()
    {
        final List<AddressRange> out = new ArrayList<>(firsts.length);
        for (int i = 0; i < firsts.length; i++)
        {
            out.add(range(i));
        }
        return out;
    }

    /**
     * Membership by binary search over the ranges; allocation-free.
     *
     * @param address an address.
     * @return true if the set holds it.
     */
    public boolean contains(final int address)
    {
        final int r = rangeAtOrBelow(address);
        return r >= 0 && Ipv4.compare(address, lasts[r]) <= 0;
    }

    /**
     * @param address an address.
     * @return its index among the set's addresses in ascending order, or -1 if the set does not hold it.
     */
    public long indexOf(final int address)
    {
        final int r = rangeAtOrBelow(address);
        if (r < 0 || Ipv4.compare(address, lasts[r]) > 0)
        {
            return -1;
        }
        return startIndex[r] + Ipv4.toLong(address) - Ipv4.toLong(firsts[r]);
    }

    /**
     * The address of an index, in constant expected time through the bucket table; allocation-free.
     *
     * @param index 0 to {@link #size()} - 1.
     * @return the index-th address of the set in ascending order.
     * @throws IndexOutOfBoundsException if the index is outside the set.
     */
    public int addressAt(final long index)
    {
        if (index < 0 || index >= startIndex[firsts.length])
        {
            throw new IndexOutOfBoundsException("index " + index + " outside an address set of " + size());
        }
        final int bucket = (int)(index >>> bucketShift);
        int lo = bucketRange[bucket];
        int hi = bucketRange[bucket + 1];
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (startIndex[mid] <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return firsts[lo] + (int)(index - startIndex[lo]);
    }

    /**
     * @param other another set.
     * @return addresses in either set.
     */
    public AddressSet union(final AddressSet other)
    {
        final Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    /**
     * @param other addresses to remove.
     * @return addresses of this set that are not in {@code other}.
     */
    public AddressSet minus(final AddressSet other)
    {
        final Builder b = new Builder();
        int j = 0;
        for (int i = 0; i < firsts.length; i++)
        {
            long from = Ipv4.toLong(firsts[i]);
            final long to = Ipv4.toLong(lasts[i]);
            while (j < other.firsts.length && Ipv4.toLong(other.lasts[j]) < from)
            {
                j++;
            }
            int k = j;
            while (from <= to && k < other.firsts.length && Ipv4.toLong(other.firsts[k]) <= to)
            {
                final long cutFirst = Ipv4.toLong(other.firsts[k]);
                final long cutLast = Ipv4.toLong(other.lasts[k]);
                if (cutFirst > from)
                {
                    b.add((int)from, (int)(cutFirst - 1));
                }
                from = Math.max(from, cutLast + 1);
                k++;
            }
            if (from <= to)
            {
                b.add((int)from, (int)to);
            }
        }
        return b.build();
    }

    /**
     * @param other another set.
     * @return addresses in both sets.
     */
    public AddressSet intersect(final AddressSet other)
    {
        return minus(minus(other));
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof AddressSet s && Arrays.equals(firsts, s.firsts) && Arrays.equals(lasts, s.lasts);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(firsts) + Arrays.hashCode(lasts);
    }

    /**
     * @return the ranges, comma-separated (long sets are cut after 16 ranges).
     */
    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(16, firsts.length); i++)
        {
            sb.append(i == 0 ? "" : ", ").append(range(i));
        }
        if (firsts.length > 16)
        {
            sb.append(", ... ").append(firsts.length - 16).append(" more");
        }
        return sb.append("] (").append(size()).append(" addresses)").toString();
    }

    private int rangeAtOrBelow(final int address)
    {
        int lo = 0;
        int hi = firsts.length - 1;
        int found = -1;
        while (lo <= hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (Ipv4.compare(firsts[mid], address) <= 0)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Collects ranges in any order; {@link #build()} sorts and merges them.
     */
    public static final class Builder
    {
        private long[] packed = new long[16];
        private int count;

        Builder()
        {
        }

        /**
         * @param range to add.
         * @return this.
         */
        public Builder add(final AddressRange range)
        {
            return add(range.first(), range.last());
        }

        /**
         * @param first lowest address.
         * @param last  highest address, not below {@code first}.
         * @return this.
         */
        public Builder add(final int first, final int last)
        {
            if (Ipv4.compare(first, last) > 0)
            {
                throw new IllegalArgumentException(
                    "range ends before it starts: " + Ipv4.format(first) + "-" + Ipv4.format(last));
            }
            if (count == packed.length)
            {
                packed = Arrays.copyOf(packed, count * 2);
            }
            packed[count++] = Ipv4.toLong(first) << 32 | Ipv4.toLong(last);
            return this;
        }

        /**
         * @param set whose ranges to add.
         * @return this.
         */
        public Builder addAll(final AddressSet set)
        {
            for (int i = 0; i < set.firsts.length; i++)
            {
                add(set.firsts[i], set.lasts[i]);
            }
            return this;
        }

        /**
         * @return the set of every address added; overlapping and adjacent ranges are merged.
         */
        public AddressSet build()
        {
            if (count == 0)
            {
                return EMPTY;
            }
            // first in the high half, both unsigned: a signed sort of (first - 2^31) orders by first.
            final long[] sorted = Arrays.copyOf(packed, count);
            for (int i = 0; i < count; i++)
            {
                sorted[i] ^= Long.MIN_VALUE;
            }
            Arrays.sort(sorted);
            final int[] firsts = new int[count];
            final int[] lasts = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                final long v = sorted[i] ^ Long.MIN_VALUE;
                final long first = v >>> 32;
                final long last = v & 0xFFFF_FFFFL;
                if (n > 0 && first <= Ipv4.toLong(lasts[n - 1]) + 1)
                {
                    if (last > Ipv4.toLong(lasts[n - 1]))
                    {
                        lasts[n - 1] = (int)last;
                    }
                }
                else
                {
                    firsts[n] = (int)first;
                    lasts[n] = (int)last;
                    n++;
                }
            }
            return new AddressSet(firsts, lasts, n);
        }
    }
}
