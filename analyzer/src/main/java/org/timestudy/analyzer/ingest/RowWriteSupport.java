package org.timestudy.analyzer.ingest;


import java.util.HashMap;
import java.util.Map;

/**
 * Writes objects of one kind as rows of one {@link Table}, field by field through a {@link RowConsumer}, with no
 * intermediate object. Subclasses say how one object becomes one row.
 *
 * @param <T> what one row is written from.
 */
abstract class RowWriteSupport<T>
{
    final RowConsumer row = new RowConsumer();
    private final Table table;
    private final String footerKey;
    private final String footerValue;

    /**
     * @param table       the table written.
     * @param footerKey   a footer key-value pair known when the file starts: which journal or run the rows are from.
     * @param footerValue its value.
     */
    RowWriteSupport(final Table table, final String footerKey, final String footerValue)
    {
        this.table = table;
        this.footerKey = footerKey;
        this.footerValue = footerValue;
    }

    /**
     * Writes one object as one row.
     *
     * @param value what the row is written from.
     */
    abstract void write(T value);

    /**
     * @return the table written.
     */
    Table table()
    {
        return table;
    }

    /**
     * @return the file footer's key-value metadata: the table, the journal or run, and what subclasses add.
     */
    Map<String, String> footer()
    {
        final Map<String, String> metadata = new HashMap<>();
        metadata.put("timestudy.table", table.name());
        metadata.put(footerKey, footerValue);
        return metadata;
    }
}
