package org.timestudy.targets;

/**
 * Bad target input: a malformed address, CIDR or range, a list file line that does not parse (the message names the
 * file and line), or a target set that is empty or left empty by the blocklists. The CLI maps it to exit code 2.
 */
public final class TargetInputException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where.
     */
    public TargetInputException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong and where.
     * @param cause   the underlying failure.
     */
    public TargetInputException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
