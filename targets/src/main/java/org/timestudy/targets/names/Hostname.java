package org.timestudy.targets.names;

import java.util.Locale;

/**
 * Hostname syntax (RFC 1123 labels; underscores are accepted because real server names carry them).
 */
public final class Hostname
{
    /** Longest name without its trailing dot, in characters. */
    public static final int MAX_LENGTH = 253;
    /** Longest label, in characters. */
    public static final int MAX_LABEL_LENGTH = 63;

    private Hostname()
    {
    }

    /**
     * Checks and normalises a name: lower case, no trailing dot.
     *
     * @param text a hostname such as {@code Time.Example.org.}.
     * @return the normalised name, e.g. {@code time.example.org}.
     * @throws IllegalArgumentException saying what is wrong with it.
     */
    public static String parse(final String text)
    {
        final String name = (text.endsWith(".") ? text.substring(0, text.length() - 1) : text)
            .toLowerCase(Locale.ROOT);
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("empty hostname");
        }
        if (name.length() > MAX_LENGTH)
        {
            throw new IllegalArgumentException("hostname longer than " + MAX_LENGTH + " characters: '" + text + "'");
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++)
        {
            if (i == name.length() || name.charAt(i) == '.')
            {
                final int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > MAX_LABEL_LENGTH)
                {
                    throw new IllegalArgumentException("hostname label must be 1-" + MAX_LABEL_LENGTH +
                        " characters: '" + text + "'");
                }
                if (name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-')
                {
                    throw new IllegalArgumentException("hostname label starts or ends with '-': '" + text + "'");
                }
                labelStart = i + 1;
                continue;
            }
            final char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            {
                throw new IllegalArgumentException("hostname has a character other than letters, digits, '-', '_'" +
                    " (internationalised names must be given in their xn-- form): '" + text + "'");
            }
        }
        return name;
    }
}
