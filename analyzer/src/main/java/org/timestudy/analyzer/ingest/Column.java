package org.timestudy.analyzer.ingest;

/**
 * One column of a dataset table. Each table's columns are one enum implementing this interface, in the order they
 * are written: the same enum drives the Parquet schema, the write support, the DuckDB views and the README's schema
 * table.
 */
public interface Column
{
    /**
     * @return what the column is.
     */
    ColumnSpec spec();

    /**
     * @return the column's position in its table, from 0 (the enum's ordinal).
     */
    int ordinal();

    /**
     * @return the column's name in Parquet and SQL.
     */
    default String columnName()
    {
        return spec().name();
    }

    /**
     * @return the column's type.
     */
    default ColumnType type()
    {
        return spec().type();
    }
}
