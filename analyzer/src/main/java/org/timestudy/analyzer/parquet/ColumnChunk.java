package org.timestudy.analyzer.parquet;

import org.agrona.collections.Long2LongHashMap;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of the row group being written: the current page's values as primitives, and the pages already
 * encoded and compressed. A page is encoded as a dictionary of the chunk's distinct values with bit-packed ids when
 * the column asks for one and the dictionary stays small, else DELTA_BINARY_PACKED for integers,
 * DELTA_LENGTH_BYTE_ARRAY for text and PLAIN for the rest. Fixed-width values are held as longs (doubles as their
 * bits, booleans as 0 or 1).
 */
final class ColumnChunk
{
    private static final int MAX_DICTIONARY_ENTRIES = 1 << 16;
    private static final int MAX_DICTIONARY_BYTES = 1 << 20;
    private static final long MISSING = -1;
    private static final int SMALL_VALUES = 256;
    private static final double MAX_DISTINCT_SHARE = 0.25;
    /**
     * A page that ZSTD shrinks by less than this share is stored uncompressed, and so are the chunk's later pages of
     * the same encoding (noisy timestamps, cookies): ZSTD's time is spent where it saves bytes.
     */
    private static final double MIN_SAVING = 0.02;

    private final ColumnDescriptor descriptor;
    private final PrimitiveType type;
    private final PrimitiveTypeName physical;
    private final boolean optional;
    private final boolean unsigned;
    private final boolean dictionaryWanted;
    private final PageEncoder encoder;
    private final int pageBytes;

    private final long[] values;
    private final long[] levels;
    private int rows;
    private int count;
    private byte[] arena;
    private int[] starts;
    private int arenaLength;

    private final List<Page> pages = new ArrayList<>();
    private long chunkRows;
    private long chunkBytes;
    private boolean fallback;
    private boolean dictionaryUsed;
    private final Long2LongHashMap fixedIds;
    private final int[] smallIds;
    private Encoding incompressible;
    private long[] fixedValues;
    private int fixedSize;
    private final BinaryDictionary binaryDictionary;

    ColumnChunk(
        final ColumnDescriptor descriptor, final boolean dictionary, final PageEncoder encoder, final int pageRows,
        final int pageBytes)
    {
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType();
        this.physical = type.getPrimitiveTypeName();
        this.optional = descriptor.getMaxDefinitionLevel() > 0;
        this.unsigned = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i &&
            !i.isSigned();
        this.dictionaryWanted = dictionary && physical != PrimitiveTypeName.BOOLEAN;
        this.encoder = encoder;
        this.pageBytes = pageBytes;
        this.values = physical == PrimitiveTypeName.BINARY ? null : new long[pageRows];
        this.levels = optional ? new long[pageRows] : null;
        if (physical == PrimitiveTypeName.BINARY)
        {
            arena = new byte[1 << 12];
            starts = new int[pageRows + 1];
        }
        fixedIds = dictionaryWanted && physical != PrimitiveTypeName.BINARY ? new Long2LongHashMap(MISSING) : null;
        fixedValues = fixedIds == null ? null : new long[64];
        smallIds = fixedIds == null ? null : new int[SMALL_VALUES];
        binaryDictionary = dictionaryWanted && physical == PrimitiveTypeName.BINARY ? new BinaryDictionary() : null;
    }

    void putLong(final long value)
    {
        values[count++] = value;
        if (levels != null)
        {
            levels[rows] = 1;
        }
        rows++;
    }

    void putBytes(final byte[] src, final int offset, final int length)
    {
        if (arenaLength + length > arena.length)
        {
            if (count > 0 && arenaLength + length > pageBytes)
            {
                finishPage();
            }
            if (length > arena.length)
            {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, length));
            }
            else if (arenaLength + length > arena.length)
            {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + length));
            }
        }
        starts[count] = arenaLength;
        System.arraycopy(src, offset, arena, arenaLength, length);
        arenaLength += length;
        count++;
        starts[count] = arenaLength;
        if (levels != null)
        {
            levels[rows] = 1;
        }
        rows++;
    }

    void putNull()
    {
        if (levels == null)
        {
            throw new IllegalStateException("column " + type.getName() + " is required but got no value");
        }
        levels[rows++] = 0;
    }

    /**
     * @return compressed bytes of the pages this chunk holds.
     */
    long bytes()
    {
        return chunkBytes;
    }

    /**
     * Encodes and compresses the values held into a page of the chunk.
     */
    void finishPage()
    {
        if (rows == 0)
        {
            return;
        }
        final ByteSink data = encoder.data;
        data.clear();
        final Encoding encoding = encodeValues(data);
        byte[] levelBytes = null;
        if (optional)
        {
            final ByteSink l = encoder.levels;
            l.clear();
            encodeLevels(l);
            levelBytes = Arrays.copyOf(l.array(), l.length());
        }
        byte[] stored = encoding == incompressible ? null : encoder.compress(data);
        final boolean compressed = stored != null && stored.length <= data.length() * (1 - MIN_SAVING);
        if (!compressed)
        {
            incompressible = encoding;
            stored = Arrays.copyOf(data.array(), data.length());
        }
        pages.add(new Page(rows, rows - count, levelBytes, encoding, stored, compressed, data.length(),
            statistics()));
        chunkRows += rows;
        chunkBytes += stored.length + (levelBytes == null ? 0 : levelBytes.length);
        rows = 0;
        count = 0;
        arenaLength = 0;
    }

    /**
     * Writes the chunk's pages into the file's current row group and starts an empty chunk.
     *
     * @param file the file, with a row group started.
     * @throws IOException when writing fails.
     */
    void writeTo(final ParquetFileWriter file) throws IOException
    {
        finishPage();
        file.startColumn(descriptor, chunkRows, CompressionCodecName.ZSTD);
        if (dictionaryUsed)
        {
            final ByteSink d = encoder.data;
            d.clear();
            final int size = writeDictionary(d);
            final byte[] compressed = encoder.compress(d);
            file.writeDictionaryPage(new DictionaryPage(BytesInput.from(compressed), d.length(), size, Encoding.PLAIN));
        }
        for (final Page p : pages)
        {
            file.writeDataPageV2(p.rows, p.nulls, p.rows, BytesInput.empty(),
                p.levels == null ? BytesInput.empty() : BytesInput.from(p.levels), p.encoding, BytesInput.from(p.data),
                p.compressed, p.uncompressedBytes, p.statistics);
        }
        file.endColumn();
        pages.clear();
        chunkRows = 0;
        chunkBytes = 0;
        fallback = false;
        dictionaryUsed = false;
        incompressible = null;
        if (fixedIds != null)
        {
            fixedIds.clear();
            Arrays.fill(smallIds, 0);
            fixedSize = 0;
        }
        if (binaryDictionary != null)
        {
            binaryDictionary.clear();
        }
    }

    private Encoding encodeValues(final ByteSink data)
    {
        if (dictionaryWanted && !fallback && count > 0)
        {
            final boolean first = !dictionaryUsed;
            if (assignIds())
            {
                dictionaryUsed = true;
                writeIds(data);
                // a chunk whose first page is mostly distinct values is not one a dictionary helps: the lookups
                // would cost cache misses for nothing
                fallback = first && dictionarySize() > count * MAX_DISTINCT_SHARE;
                return Encoding.RLE_DICTIONARY;
            }
            fallback = true;
        }
        switch (physical)
        {
            case INT64:
                encoder.delta.encode(values, count, false, data);
                return Encoding.DELTA_BINARY_PACKED;
            case INT32:
                encoder.delta.encode(values, count, true, data);
                return Encoding.DELTA_BINARY_PACKED;
            case DOUBLE:
                for (int i = 0; i < count; i++)
                {
                    data.putLongLE(values[i]);
                }
                return Encoding.PLAIN;
            case BOOLEAN:
                data.packBits(values, 0, count, (count + 7) & ~7, 1);
                return Encoding.PLAIN;
            case BINARY:
            {
                final long[] lengths = encoder.ids;
                for (int i = 0; i < count; i++)
                {
                    lengths[i] = starts[i + 1] - starts[i];
                }
                encoder.delta.encode(lengths, count, true, data);
                data.putBytes(arena, 0, arenaLength);
                return Encoding.DELTA_LENGTH_BYTE_ARRAY;
            }
            default:
                throw new IllegalStateException("unsupported physical type " + physical);
        }
    }

    private boolean assignIds()
    {
        final long[] ids = encoder.ids;
        if (binaryDictionary != null)
        {
            for (int i = 0; i < count; i++)
            {
                ids[i] = binaryDictionary.idOf(arena, starts[i], starts[i + 1] - starts[i]);
            }
            return binaryDictionary.size() <= MAX_DICTIONARY_ENTRIES &&
                binaryDictionary.bytes() <= MAX_DICTIONARY_BYTES;
        }
        long last = 0;
        long lastId = -1;
        for (int i = 0; i < count; i++)
        {
            final long v = values[i];
            if (v == last && lastId >= 0)
            {
                ids[i] = lastId;
                continue;
            }
            final boolean small = v >= 0 && v < SMALL_VALUES;
            long id = small ? smallIds[(int)v] - 1 : fixedIds.get(v);
            if (id == MISSING)
            {
                if (fixedSize == MAX_DICTIONARY_ENTRIES)
                {
                    return false;
                }
                if (fixedSize == fixedValues.length)
                {
                    fixedValues = Arrays.copyOf(fixedValues, fixedSize * 2);
                }
                id = fixedSize;
                fixedValues[fixedSize++] = v;
                if (small)
                {
                    smallIds[(int)v] = (int)id + 1;
                }
                else
                {
                    fixedIds.put(v, id);
                }
            }
            ids[i] = id;
            last = v;
            lastId = id;
        }
        return true;
    }

    private int dictionarySize()
    {
        return binaryDictionary != null ? binaryDictionary.size() : fixedSize;
    }

    private void writeIds(final ByteSink data)
    {
        final int size = dictionarySize();
        final int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1));
        data.put(width);
        final long[] ids = encoder.ids;
        boolean same = true;
        for (int i = 1; i < count && same; i++)
        {
            same = ids[i] == ids[0];
        }
        if (same)
        {
            data.putUnsignedVarint((long)count << 1);
            for (int b = 0; b < (width + 7) / 8; b++)
            {
                data.put((int)(ids[0] >>> (8 * b)));
            }
        }
        else
        {
            final int groups = (count + 7) / 8;
            data.putUnsignedVarint(((long)groups << 1) | 1);
            data.packBits(ids, 0, count, groups * 8, width);
        }
    }

    private void encodeLevels(final ByteSink out)
    {
        if (count == rows || count == 0)
        {
            out.putUnsignedVarint((long)rows << 1);
            out.put(count == 0 ? 0 : 1);
        }
        else
        {
            final int groups = (rows + 7) / 8;
            out.putUnsignedVarint(((long)groups << 1) | 1);
            out.packBits(levels, 0, rows, groups * 8, 1);
        }
    }

    private int writeDictionary(final ByteSink out)
    {
        if (binaryDictionary != null)
        {
            binaryDictionary.writePlain(out);
            return binaryDictionary.size();
        }
        for (int i = 0; i < fixedSize; i++)
        {
            if (physical == PrimitiveTypeName.INT32)
            {
                out.putIntLE((int)fixedValues[i]);
            }
            else
            {
                out.putLongLE(fixedValues[i]);
            }
        }
        return fixedSize;
    }

    private Statistics<?> statistics()
    {
        final Statistics.Builder b = Statistics.getBuilderForReading(type).withNumNulls(rows - count);
        if (count == 0)
        {
            return b.build();
        }
        switch (physical)
        {
            case INT64:
            {
                long min = values[0];
                long max = min;
                for (int i = 1; i < count; i++)
                {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
                return b.withMin(le(min, 8)).withMax(le(max, 8)).build();
            }
            case INT32:
            {
                int min = (int)values[0];
                int max = min;
                for (int i = 1; i < count; i++)
                {
                    final int v = (int)values[i];
                    if (unsigned ? Integer.compareUnsigned(v, min) < 0 : v < min)
                    {
                        min = v;
                    }
                    if (unsigned ? Integer.compareUnsigned(v, max) > 0 : v > max)
                    {
                        max = v;
                    }
                }
                return b.withMin(le(min, 4)).withMax(le(max, 4)).build();
            }
            case DOUBLE:
            {
                double min = Double.NaN;
                double max = Double.NaN;
                long nans = 0;
                for (int i = 0; i < count; i++)
                {
                    final double v = Double.longBitsToDouble(values[i]);
                    if (Double.isNaN(v))
                    {
                        nans++;
                    }
                    else if (Double.isNaN(min))
                    {
                        min = v;
                        max = v;
                    }
                    else
                    {
                        min = v < min ? v : min;
                        max = v > max ? v : max;
                    }
                }
                if (Double.isNaN(min))
                {
                    return b.withNanCount(nans).build();
                }
                min = min == 0.0 ? -0.0 : min;
                max = max == 0.0 ? 0.0 : max;
                return b.withNanCount(nans).withMin(le(Double.doubleToLongBits(min), 8))
                    .withMax(le(Double.doubleToLongBits(max), 8)).build();
            }
            case BOOLEAN:
            {
                long any = 0;
                long all = 1;
                for (int i = 0; i < count; i++)
                {
                    any |= values[i];
                    all &= values[i];
                }
                return b.withMin(new byte[] {(byte)all}).withMax(new byte[] {(byte)any}).build();
            }
            case BINARY:
            {
                int min = 0;
                int max = 0;
                for (int i = 1; i < count; i++)
                {
                    if (compare(i, min) < 0)
                    {
                        min = i;
                    }
                    if (compare(i, max) > 0)
                    {
                        max = i;
                    }
                }
                return b.withMin(Arrays.copyOfRange(arena, starts[min], starts[min + 1]))
                    .withMax(Arrays.copyOfRange(arena, starts[max], starts[max + 1])).build();
            }
            default:
                throw new IllegalStateException("unsupported physical type " + physical);
        }
    }

    private int compare(final int i, final int j)
    {
        return Arrays.compareUnsigned(arena, starts[i], starts[i + 1], arena, starts[j], starts[j + 1]);
    }

    private static byte[] le(final long value, final int bytes)
    {
        final byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++)
        {
            out[i] = (byte)(value >>> (8 * i));
        }
        return out;
    }

    private record Page(
        int rows, int nulls, byte[] levels, Encoding encoding, byte[] data, boolean compressed, int uncompressedBytes,
        Statistics<?> statistics)
    {
    }
}
