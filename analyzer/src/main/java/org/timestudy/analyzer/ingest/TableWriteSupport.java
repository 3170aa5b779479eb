package org.timestudy.analyzer.ingest;

import java.util.Map;

/**
 * Writes journal records of one type as rows of one table, field by field from the record's flyweight, with no
 * intermediate object. The file footer records the journal index range it holds.
 */
abstract class TableWriteSupport extends RowWriteSupport<JournalRecord>
{
    /** Footer key: the journal the rows come from. */
    static final String JOURNAL_KEY = "timestudy.journal";
    /** Footer key: journal index of the first row, hex. */
    static final String FIRST_INDEX_KEY = "timestudy.first_index";
    /** Footer key: journal index of the last row, hex. */
    static final String LAST_INDEX_KEY = "timestudy.last_index";

    private long firstIndex = -1;
    private long lastIndex = -1;

    TableWriteSupport(final Table table, final String journalId)
    {
        super(table, JOURNAL_KEY, journalId);
    }

    /** {@inheritDoc} */
    @Override
    final void write(final JournalRecord record)
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
    Map<String, String> footer()
    {
        final Map<String, String> metadata = super.footer();
        metadata.put(FIRST_INDEX_KEY, Long.toHexString(firstIndex));
        metadata.put(LAST_INDEX_KEY, Long.toHexString(lastIndex));
        return metadata;
    }

    /**
     * Writes one record as one row.
     *
     * @param record a record of this table's type, at least as long as its layout.
     */
    abstract void writeRow(JournalRecord record);
}
