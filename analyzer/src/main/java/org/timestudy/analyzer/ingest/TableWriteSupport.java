package org.timestudy.analyzer.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes journal records of one type as rows of one table, field by field from the record's flyweight, with no
 * intermediate object. The file footer records the journal index range it holds.
 */
abstract class TableWriteSupport extends WriteSupport<JournalRecord>
{
    /** Footer key: the journal the rows come from. */
    static final String JOURNAL_KEY = "timestudy.journal";
    /** Footer key: journal index of the first row, hex. */
    static final String FIRST_INDEX_KEY = "timestudy.first_index";
    /** Footer key: journal index of the last row, hex. */
    static final String LAST_INDEX_KEY = "timestudy.last_index";

    final RowConsumer row = new RowConsumer();
    private final Table table;
    private final String journalId;
    private long firstIndex = -1;
    private long lastIndex = -1;

    TableWriteSupport(final Table table, final String journalId)
    {
        this.table = table;
        this.journalId = journalId;
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

    /** {@inheritDoc} */
    @Override
    public final void write(final JournalRecord record)
    {
        writeRow(record);
        if (firstIndex == -1)
        {
            firstIndex = record.index();
        }
        lastIndex = record.index();
    }

    /** {@inheritDoc} */
    @Override
    public FinalizedWriteContext finalizeWrite()
    {
        final Map<String, String> metadata = new HashMap<>();
        metadata.put(FIRST_INDEX_KEY, Long.toHexString(firstIndex));
        metadata.put(LAST_INDEX_KEY, Long.toHexString(lastIndex));
        return new FinalizedWriteContext(metadata);
    }

    /**
     * Writes one record as one row.
     *
     * @param record a record of this table's type, at least as long as its layout.
     */
    abstract void writeRow(JournalRecord record);

    private WriteContext context()
    {
        final Map<String, String> metadata = new HashMap<>();
        metadata.put(JOURNAL_KEY, journalId);
        metadata.put("timestudy.table", table.name());
        return new WriteContext(table.schema(), metadata);
    }
}
