package org.timestudy.nativeio;

import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.uintptr_t;

/**
 * The libpcap functions the engine's capture calls, bound with JNR-FFI. Handles, programs and out-parameters are
 * passed as native addresses ({@code long}), so a read allocates nothing. Public only because JNR generates its
 * implementation in another class loader; the rest of the project uses {@link PcapCapture}.
 */
public interface LibPcap
{
    @IgnoreError
    @uintptr_t
    long pcap_create(String source, @uintptr_t long errbuf);

    @IgnoreError
    int pcap_set_snaplen(@uintptr_t long p, int snaplen);

    @IgnoreError
    int pcap_set_promisc(@uintptr_t long p, int promisc);

    @IgnoreError
    int pcap_set_timeout(@uintptr_t long p, int timeoutMs);

    @IgnoreError
    int pcap_set_buffer_size(@uintptr_t long p, int bytes);

    @IgnoreError
    int pcap_set_immediate_mode(@uintptr_t long p, int immediate);

    @IgnoreError
    int pcap_set_tstamp_precision(@uintptr_t long p, int precision);

    @IgnoreError
    int pcap_activate(@uintptr_t long p);

    @IgnoreError
    int pcap_compile(@uintptr_t long p, @uintptr_t long program, String filter, int optimize, int netmask);

    @IgnoreError
    int pcap_setfilter(@uintptr_t long p, @uintptr_t long program);

    @IgnoreError
    void pcap_freecode(@uintptr_t long program);

    @IgnoreError
    int pcap_setnonblock(@uintptr_t long p, int nonblock, @uintptr_t long errbuf);

    @IgnoreError
    int pcap_next_ex(@uintptr_t long p, @uintptr_t long header, @uintptr_t long data);

    @IgnoreError
    int pcap_stats(@uintptr_t long p, @uintptr_t long stats);

    @IgnoreError
    int pcap_datalink(@uintptr_t long p);

    @IgnoreError
    String pcap_geterr(@uintptr_t long p);

    @IgnoreError
    void pcap_close(@uintptr_t long p);
}
