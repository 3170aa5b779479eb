package org.timestudy.analyzer.parquet;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnarWriterTest
{
    private static final int ROWS = 150_001;
    private static final long[] EDGES = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE, 1L << 62};

    private static final MessageType SCHEMA = Types.buildMessage()
        .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true,
            LogicalTypeAnnotation.TimeUnit.NANOS)).named("rising")
        .optional(PrimitiveTypeName.INT64).named("noisy")
        .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("unsigned")
        .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true)).named("small")
        .required(PrimitiveTypeName.INT64).named("many")
        .required(PrimitiveTypeName.DOUBLE).named("real")
        .optional(PrimitiveTypeName.DOUBLE).named("few_reals")
        .required(PrimitiveTypeName.BOOLEAN).named("flag")
        .optional(PrimitiveTypeName.BOOLEAN).named("maybe")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("text")
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
        .optional(PrimitiveTypeName.INT32).named("never")
        .named("t");
    private static final boolean[] DICTIONARY =
        {false, false, true, true, true, false, true, true, false, false, true, true};

    @TempDir
    Path dir;

    /** What row i holds, column by column (null for NULL), from one seed. */
    private static Object[] row(final Random random, final int i)
    {
        final Object[] r = new Object[12];
        r[0] = 1_700_000_000_000_000_000L + i * 10_000L + random.nextInt(1000);
        r[1] = (i / 20_000) % 3 == 1 ? null : random.nextInt(10) == 0 ? EDGES[random.nextInt(EDGES.length)] :
            random.nextLong();
        r[2] = i % 97 == 0 ? -1 : i % 89 == 0 ? 0 : random.nextInt();
        r[3] = random.nextInt(7) == 0 ? null : (int)(byte)random.nextInt(5) - 2;
        r[4] = i < 40_000 ? (long)random.nextInt(100) : random.nextLong();
        final double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, -Double.MAX_VALUE};
        r[5] = random.nextInt(50) == 0 ? specials[random.nextInt(specials.length)] : random.nextGaussian() * 1e3;
        r[6] = random.nextInt(3) == 0 ? null : random.nextInt(4) * 0.25;
        r[7] = random.nextInt(5) == 0;
        r[8] = random.nextInt(4) == 0 ? null : (Object)random.nextBoolean();
        r[9] = random.nextInt(10) == 0 ? null : random.nextInt(500) == 0 ? "x".repeat(5000 + random.nextInt(100)) :
            random.nextInt(20) == 0 ? "" : "h" + random.nextInt() + "\u00e9";
        r[10] = random.nextInt(9) == 0 ? null : i < 20_000 || i >= 120_000 ? "class-" + random.nextInt(12) : "u" + i;
        r[11] = null;
        return r;
    }

    @Test
    void shouldReadBackEveryValueThroughDuckDbWhenPagesRowGroupsNullsAndDictionaryFallbacksMix() throws Exception
    {
        final Path file = dir.resolve("t.parquet");
        write(file);

        final Random expected = new Random(7);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement())
        {
            try (ResultSet rs = s.executeQuery("SELECT epoch_ns(rising), noisy, unsigned::BIGINT, small, many, real, " +
                "few_reals, flag, maybe, text, label, never FROM read_parquet('" + file +
                "', file_row_number = true) " +
                "ORDER BY file_row_number"))
            {
                int i = 0;
                while (rs.next())
                {
                    final Object[] r = row(expected, i);
                    assertEquals(r[0], rs.getLong(1), "rising at " + i);
                    assertEquals(r[1], nullable(rs, rs.getLong(2)), "noisy at " + i);
                    assertEquals(Integer.toUnsignedLong((Integer)r[2]), rs.getLong(3), "unsigned at " + i);
                    assertEquals(r[3], nullable(rs, rs.getInt(4)), "small at " + i);
                    assertEquals(r[4], rs.getLong(5), "many at " + i);
                    assertEquals(Double.doubleToLongBits((Double)r[5]), Double.doubleToLongBits(rs.getDouble(6)),
                        "real at " + i);
                    assertEquals(r[6], nullable(rs, rs.getDouble(7)), "few_reals at " + i);
                    assertEquals(r[7], rs.getBoolean(8), "flag at " + i);
                    assertEquals(r[8], nullable(rs, rs.getBoolean(9)), "maybe at " + i);
                    assertEquals(r[9], rs.getString(10), "text at " + i);
                    assertEquals(r[10], rs.getString(11), "label at " + i);
                    assertEquals(null, rs.getObject(12), "never at " + i);
                    i++;
                }
                assertEquals(ROWS, i);
            }
            // statistics drive DuckDB's row group pruning: a filter must still find every matching row
            final Random again = new Random(7);
            long big = 0;
            long minusOne = 0;
            long label = 0;
            for (int i = 0; i < ROWS; i++)
            {
                final Object[] r = row(again, i);
                big += Integer.toUnsignedLong((Integer)r[2]) > 3_000_000_000L ? 1 : 0;
                minusOne += (Integer)r[2] == -1 ? 1 : 0;
                label += "class-3".equals(r[10]) ? 1 : 0;
            }
            assertEquals(big, count(s, "SELECT count(*) FROM '" + file + "' WHERE unsigned > 3000000000"));
            assertEquals(minusOne, count(s, "SELECT count(*) FROM '" + file + "' WHERE unsigned = 4294967295"));
            assertEquals(label, count(s, "SELECT count(*) FROM '" + file + "' WHERE label = 'class-3'"));
            final Set<String> encodings = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT unnest(string_split(encodings, ', ')) " +
                "FROM parquet_metadata('" + file + "')"))
            {
                while (rs.next())
                {
                    encodings.add(rs.getString(1));
                }
            }
            assertTrue(encodings.containsAll(Set.of("DELTA_BINARY_PACKED", "RLE_DICTIONARY", "PLAIN")),
                encodings.toString());
            assertEquals(2, count(s, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')"));
            assertEquals(1, count(s, "SELECT count(*) FROM parquet_kv_metadata('" + file + "') WHERE key = 'k'"));
        }
    }

    @Test
    void shouldReadBackEveryValueThroughParquetHadoopAsSparkDoes() throws Exception
    {
        final Path file = dir.resolve("mr.parquet");
        write(file);
        final Random expected = new Random(7);
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
            new org.apache.hadoop.fs.Path(file.toUri())).build())
        {
            int i = 0;
            for (Group g = reader.read(); g != null; g = reader.read())
            {
                final Object[] r = row(expected, i);
                assertEquals(r[0], g.getLong("rising", 0), "rising at " + i);
                assertEquals(r[1], g.getFieldRepetitionCount("noisy") == 0 ? null : g.getLong("noisy", 0));
                assertEquals(r[2], g.getInteger("unsigned", 0), "unsigned at " + i);
                assertEquals(r[3], g.getFieldRepetitionCount("small") == 0 ? null : g.getInteger("small", 0));
                assertEquals(r[4], g.getLong("many", 0), "many at " + i);
                assertEquals(Double.doubleToLongBits((Double)r[5]), Double.doubleToLongBits(g.getDouble("real", 0)));
                assertEquals(r[6], g.getFieldRepetitionCount("few_reals") == 0 ? null : g.getDouble("few_reals", 0));
                assertEquals(r[7], g.getBoolean("flag", 0), "flag at " + i);
                assertEquals(r[8], g.getFieldRepetitionCount("maybe") == 0 ? null : g.getBoolean("maybe", 0));
                assertEquals(r[9], g.getFieldRepetitionCount("text") == 0 ? null : g.getString("text", 0));
                assertEquals(r[10], g.getFieldRepetitionCount("label") == 0 ? null : g.getString("label", 0));
                assertEquals(0, g.getFieldRepetitionCount("never"));
                i++;
            }
            assertEquals(ROWS, i);
        }
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file)))
        {
            for (final BlockMetaData block : footer.getFooter().getBlocks())
            {
                final ColumnChunkMetaData rising = block.getColumns().get(0);
                assertTrue(footer.readColumnIndex(rising) != null, "column index of " + rising.getPath());
                assertTrue(footer.readOffsetIndex(rising).getPageCount() >= 2, "pages of " + rising.getPath());
            }
            // row group 0's label chunk starts with few distinct values, then passes the dictionary's size limit
            final EncodingStats label = footer.getFooter().getBlocks().get(0).getColumns().get(10).getEncodingStats();
            assertTrue(label.hasDictionaryEncodedPages() && label.hasNonDictionaryEncodedPages(), label.toString());
        }
    }

    private static void write(final Path file) throws java.io.IOException
    {
        final ColumnarWriter.Settings settings = new ColumnarWriter.Settings(100_000, 1L << 30, 4096, 64 * 1024, 3);
        final Random random = new Random(7);
        try (ColumnarWriter w = new ColumnarWriter(new LocalOutputFile(file), SCHEMA, DICTIONARY, settings))
        {
            for (int i = 0; i < ROWS; i++)
            {
                final Object[] r = row(random, i);
                w.putLong(0, (Long)r[0]);
                if (r[1] != null)
                {
                    w.putLong(1, (Long)r[1]);
                }
                w.putInt(2, (Integer)r[2]);
                if (r[3] != null)
                {
                    w.putInt(3, (Integer)r[3]);
                }
                w.putLong(4, (Long)r[4]);
                w.putDouble(5, (Double)r[5]);
                if (r[6] != null)
                {
                    w.putDouble(6, (Double)r[6]);
                }
                w.putBoolean(7, (Boolean)r[7]);
                if (r[8] != null)
                {
                    w.putBoolean(8, (Boolean)r[8]);
                }
                for (int c = 9; c <= 10; c++)
                {
                    if (r[c] != null)
                    {
                        final byte[] b = ((String)r[c]).getBytes(StandardCharsets.UTF_8);
                        final byte[] padded = new byte[b.length + 3];
                        System.arraycopy(b, 0, padded, 2, b.length);
                        w.putBytes(c, padded, 2, b.length);
                    }
                }
                w.endRow();
            }
            w.finish(Map.of("k", "v"));
        }
    }

    private static Object nullable(final ResultSet rs, final Object value) throws java.sql.SQLException
    {
        return rs.wasNull() ? null : value;
    }

    private static long count(final Statement s, final String sql) throws java.sql.SQLException
    {
        try (ResultSet rs = s.executeQuery(sql))
        {
            rs.next();
            return rs.getLong(1);
        }
    }
}
