package org.timestudy.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors of one input file, each naming {@code source:line}, so that a parse reports every bad line at
 * once (up to {@value #MAX_REPORTED}) instead of stopping at the first.
 */
public final class InputErrors
{
    /** Most errors quoted in one exception; the rest are counted. */
    public static final int MAX_REPORTED = 10;

    private final String source;
    private final List<String> messages = new ArrayList<>();
    private int count;

    /**
     * @param source the file's name in messages.
     */
    public InputErrors(final String source)
    {
        this.source = source;
    }

    /**
     * @param line    line number, from 1.
     * @param message what is wrong on it.
     */
    public void add(final int line, final String message)
    {
        count++;
        if (messages.size() < MAX_REPORTED)
        {
            messages.add(source + ":" + line + ": " + message);
        }
    }

    /**
     * @return number of errors added.
     */
    public int count()
    {
        return count;
    }

    /**
     * @throws TargetInputException quoting the errors, if there were any.
     */
    public void throwIfAny()
    {
        if (count > 0)
        {
            final String more = count > messages.size() ?
                "\n... and " + (count - messages.size()) + " more bad lines in " + source : "";
            throw new TargetInputException(String.join("\n", messages) + more);
        }
    }
}
