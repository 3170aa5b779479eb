/**
 * The only code that calls libc (through JNR-FFI): packet sockets, sendmmsg/recvmmsg batches, BPF filters,
 * interface facts and clocks. Everything else sees the small types of this package.
 */
package org.timestudy.nativeio;
