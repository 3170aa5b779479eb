package org.timestudy.analyzer.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes objects of one kind as rows of one {@link Table}, field by field through a {@link RowConsumer}, with no
 * intermediate object. Subclasses say how one object becomes one row.
 *
 * @param <T> what one row is written from.
 */
abstract class RowWriteSupport<T> extends WriteSupport<T>
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

    /** {@inheritDoc} */
    @Override
    public WriteContext init(final Configuration configuration)
    {
        return context();
    }

    /** {@inheritDoc} */
    @Override
    public WriteContext init(final ParquetConfiguration configuration)
    {
        return context();
    }

    /** {@inheritDoc} */
    @Override
    public String getName()
    {
        return "timestudy";
    }

    /** {@inheritDoc} */
    @Override
    public void prepareForWrite(final RecordConsumer recordConsumer)
    {
        row.consumer(recordConsumer);
    }

    /**
     * @return the table written.
     */
    Table table()
    {
        return table;
    }

    private WriteContext context()
    {
        final Map<String, String> metadata = new HashMap<>();
        metadata.put("timestudy.table", table.name());
        metadata.put(footerKey, footerValue);
        return new WriteContext(table.schema(), metadata);
    }
}
