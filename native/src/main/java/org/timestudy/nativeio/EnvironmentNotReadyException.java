package org.timestudy.nativeio;

/**
 * The machine is not ready for what was asked: no root or CAP_NET_RAW, an interface or a system package is missing.
 * The launcher maps it to exit code 3 and prints its message, which says what to do.
 */
public final class EnvironmentNotReadyException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to fix it.
     */
    public EnvironmentNotReadyException(final String message)
    {
        super(message);
    }
}
