package org.timestudy.nativeio;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Loads libc once and reports errors of the calls made through it.
 */
final class Native
{
    static final LibC LIBC = LibraryLoader.create(LibC.class).failImmediately().load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private Native()
    {
    }

    /**
     * @return errno of the last call on this thread that saves it.
     */
    static int errno()
    {
        return LastError.getLastError(RUNTIME);
    }

    /**
     * @param what the call that failed.
     * @return an exception naming the call and errno's message.
     */
    static NativeException failure(final String what)
    {
        final int errno = errno();
        return new NativeException(what + " failed: " + LIBC.strerror(errno) + " (errno " + errno + ")", errno);
    }
}
