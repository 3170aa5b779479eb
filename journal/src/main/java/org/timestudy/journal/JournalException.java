package org.timestudy.journal;

/**
 * A journal cannot be read: missing, not a journal, another format, or a record that does not parse.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for people.
     */
    public JournalException(final String message)
    {
        super(message);
    }
}
