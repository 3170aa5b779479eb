package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;

import java.nio.file.Path;

/**
 * Child process for tests: appends survey records to a journal forever (until killed), as a running scan does.
 * Arguments: journal directory, seed.
 */
public final class JournalWriterMain
{
    private JournalWriterMain()
    {
    }

    /**
     * @param args journal directory, seed.
     */
    public static void main(final String[] args)
    {
        final SurveyJournal survey = new SurveyJournal(Long.parseLong(args[1]), 10_000, 20_000);
        try (ChronicleQueue q = Journal.openForWrite(Path.of(args[0])); JournalAppender a = new JournalAppender(q))
        {
            survey.appendScanStart(a);
            while (true)
            {
                survey.appendNext(a);
            }
        }
    }
}
