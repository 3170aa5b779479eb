package org.timestudy.nativeio;

import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.uintptr_t;

/**
 * The libc functions timestudy calls, bound with JNR-FFI. Pointers are passed as native addresses ({@code long}),
 * so calls allocate nothing. Public only because JNR generates its implementation in another class loader; the
 * rest of the project uses the small types of this package, never this interface.
 */
public interface LibC
{
    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int bind(int fd, @uintptr_t long addr, int addrlen);

    @SaveError
    int setsockopt(int fd, int level, int optname, @uintptr_t long optval, int optlen);

    @SaveError
    int getsockopt(int fd, int level, int optname, @uintptr_t long optval, @uintptr_t long optlen);

    @SaveError
    int sendmmsg(int fd, @uintptr_t long msgvec, int vlen, int flags);

    @SaveError
    int recvmmsg(int fd, @uintptr_t long msgvec, int vlen, int flags, @uintptr_t long timeout);

    @SaveError
    @ssize_t
    long sendto(int fd, @uintptr_t long buf, @size_t long len, int flags, @uintptr_t long addr, int addrlen);

    @SaveError
    int close(int fd);

    @SaveError
    int ioctl(int fd, long request, @uintptr_t long arg);

    @SaveError
    int if_nametoindex(String name);

    @IgnoreError
    int clock_gettime(int clockId, @uintptr_t long timespec);

    @IgnoreError
    String strerror(int errnum);
}
