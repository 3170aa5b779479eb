package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;

import java.nio.file.Path;

/**
 * Child process for tests: appends survey records to a journal until killed, as a running scan does, and stops by
 * itself after a bound so that a leaked child cannot fill the disk. Arguments: journal directory, seed, most records.
 */
public final class JournalWriterMain
{
    private JournalWriterMain()
    {
    }

    /**
     * @param args journal directory, seed, most records.
     */
    public static void main(final String[] args)
    {
        final SurveyJournal survey = new SurveyJournal(Long.parseLong(args[1]), 10_000, 20_000);
        try (ChronicleQueue q = Journal.openForWrite(Path.of(args[0])); JournalAppender a = new JournalAppender(q))
        {
            survey.appendScanStart(a);
            final long most = Long.parseLong(args[2]);
            for (long i = 0; i < most; i++)
            {
                survey.appendNext(a);
            }
        }
    }
}
