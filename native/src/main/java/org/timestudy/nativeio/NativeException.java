package org.timestudy.nativeio;

/**
 * A libc call failed; carries errno.
 */
public final class NativeException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** errno: operation not permitted. */
    public static final int EPERM = 1;
    /** errno: no such device. */
    public static final int ENODEV = 19;
    /** errno: try again. */
    public static final int EAGAIN = 11;
    /** errno: no buffer space available. */
    public static final int ENOBUFS = 105;
    /** errno: interrupted system call. */
    public static final int EINTR = 4;

    private final int errno;

    /**
     * @param message what failed, with errno's text.
     * @param errno   the error number.
     */
    public NativeException(final String message, final int errno)
    {
        super(message);
        this.errno = errno;
    }

    /**
     * @return the error number.
     */
    public int errno()
    {
        return errno;
    }
}
