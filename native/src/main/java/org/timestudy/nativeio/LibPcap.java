package org.timestudy.nativeio;

import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.uintptr_t;

/**
 * The libpcap functions the engine's capture loop calls, bound with JNR-FFI (opening and configuring the handle is
 * pcap4j's). Handles and out-parameters are passed as native addresses ({@code long}), so a read allocates nothing.
 * Public only because JNR generates its implementation in another class loader; the rest of the project uses
 * {@link PcapCapture}.
 */
public interface LibPcap
{
    @IgnoreError
    int pcap_next_ex(@uintptr_t long p, @uintptr_t long header, @uintptr_t long data);

    @IgnoreError
    int pcap_stats(@uintptr_t long p, @uintptr_t long stats);

    @IgnoreError
    String pcap_geterr(@uintptr_t long p);
}
