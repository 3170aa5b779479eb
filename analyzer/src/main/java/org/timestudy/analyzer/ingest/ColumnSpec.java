package org.timestudy.analyzer.ingest;

/**
 * What a column is: name, type, nullability, encoding, unit and meaning.
 *
 * @param name        the column's name in Parquet and SQL.
 * @param type        its type.
 * @param optional    true when it may be NULL.
 * @param encoding    how its values are encoded before compression.
 * @param unit        its unit, or empty.
 * @param description what it means, for people.
 */
public record ColumnSpec(
    String name, ColumnType type, boolean optional, ColumnEncoding encoding, String unit, String description)
{
    /**
     * A column that is never NULL.
     *
     * @param name        the column's name.
     * @param type        its type.
     * @param encoding    its encoding.
     * @param unit        its unit, or empty.
     * @param description what it means.
     * @return the spec.
     */
    public static ColumnSpec required(
        final String name, final ColumnType type, final ColumnEncoding encoding, final String unit,
        final String description)
    {
        return new ColumnSpec(name, type, false, encoding, unit, description);
    }

    /**
     * A column that may be NULL.
     *
     * @param name        the column's name.
     * @param type        its type.
     * @param encoding    its encoding.
     * @param unit        its unit, or empty.
     * @param description what it means, including when it is NULL.
     * @return the spec.
     */
    public static ColumnSpec optional(
        final String name, final ColumnType type, final ColumnEncoding encoding, final String unit,
        final String description)
    {
        return new ColumnSpec(name, type, true, encoding, unit, description);
    }
}
