package org.timestudy.analyzer.ingest;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Type of a dataset column: its Parquet physical type and logical annotation, and the type DuckDB reads it as.
 */
public enum ColumnType
{
    /** Instant in ns since 1970, Parquet TIMESTAMP(NANOS, isAdjustedToUTC = true). */
    TIMESTAMP_NS(PrimitiveTypeName.INT64,
        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS), "TIMESTAMPTZ_NS"),
    /** Instant in ms since 1970, Parquet TIMESTAMP(MILLIS, isAdjustedToUTC = true): for times beyond year 2262. */
    TIMESTAMP_MS(PrimitiveTypeName.INT64,
        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS), "TIMESTAMP WITH TIME ZONE"),
    /** Signed 64-bit integer. */
    INT64(PrimitiveTypeName.INT64, null, "BIGINT"),
    /** Unsigned 32-bit integer, Parquet INT(32, false) on INT32. */
    UINT32(PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(32, false), "UINTEGER"),
    /** Unsigned 16-bit integer, Parquet INT(16, false) on INT32. */
    UINT16(PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, false), "USMALLINT"),
    /** Unsigned 8-bit integer, Parquet INT(8, false) on INT32. */
    UINT8(PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(8, false), "UTINYINT"),
    /** Signed 8-bit integer, Parquet INT(8, true) on INT32. */
    INT8(PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(8, true), "TINYINT"),
    /** IEEE 754 double. */
    DOUBLE(PrimitiveTypeName.DOUBLE, null, "DOUBLE"),
    /** Boolean. */
    BOOLEAN(PrimitiveTypeName.BOOLEAN, null, "BOOLEAN"),
    /** UTF-8 text, Parquet STRING on BYTE_ARRAY. */
    STRING(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType(), "VARCHAR"),
    /** A JSON document, Parquet JSON on BYTE_ARRAY. */
    JSON(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.jsonType(), "JSON");

    private final PrimitiveTypeName physical;
    private final LogicalTypeAnnotation logical;
    private final String duckDbType;

    ColumnType(final PrimitiveTypeName physical, final LogicalTypeAnnotation logical, final String duckDbType)
    {
        this.physical = physical;
        this.logical = logical;
        this.duckDbType = duckDbType;
    }

    /**
     * @return the Parquet physical type.
     */
    public PrimitiveTypeName physical()
    {
        return physical;
    }

    /**
     * @return the Parquet logical type annotation, or null for a bare physical type.
     */
    public LogicalTypeAnnotation logical()
    {
        return logical;
    }

    /**
     * @return the type DuckDB reads the column as.
     */
    public String duckDbType()
    {
        return duckDbType;
    }

    /**
     * @return the Parquet type as people write it, e.g. {@code INT64 TIMESTAMP(NANOS,true)}.
     */
    public String parquetName()
    {
        return logical == null ? physical.name() : physical.name() + " " + logical;
    }
}
