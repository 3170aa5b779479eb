package org.timestudy.nativeio;

import jnr.ffi.LibraryLoader;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a live libpcap capture without copying and without allocating: the handle is opened and configured
 * elsewhere (the engine's {@code CaptureHandle}, through pcap4j: nanosecond kernel timestamps, immediate mode, a
 * compiled BPF filter, non-blocking) and adopted here; each {@code pcap_next_ex} frame is handed to a
 * {@link FrameHandler} as a buffer over libpcap's own ring, valid until the next read. One thread only.
 *
 * <pre>
 *  struct pcap_pkthdr (24 bytes)        struct pcap_stat (12)
 *   0 ts.tv_sec  (long)                  0 ps_recv
 *   8 ts.tv_usec (long; ns here)         4 ps_drop
 *  16 caplen (u_int)                     8 ps_ifdrop
 *  20 len    (u_int)
 * </pre>
 */
public final class PcapCapture implements AutoCloseable
{
    /** Receives captured frames. */
    @FunctionalInterface
    public interface FrameHandler
    {
        /**
         * @param frame    the frame, Ethernet header at offset 0, valid only during the call.
         * @param length   bytes captured.
         * @param epochNs  kernel timestamp, ns since 1970.
         */
        void onFrame(UnsafeBuffer frame, int length, long epochNs);
    }

    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    private static final List<String> SEARCH = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib");
    private static final List<String> NAMES = List.of("libpcap.so", "libpcap.so.1", "libpcap.so.0.8");
    private static volatile LibPcap lib;

    private final LibPcap pcap;
    private final long handle;
    private final NativeBuffer scratch = new NativeBuffer(64);
    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final long headerOut;
    private final long dataOut;
    private final long statsAddress;
    private final UnsafeBuffer header = new UnsafeBuffer(0, 0);
    private final AutoCloseable owner;
    private long drops;
    private long interfaceDrops;

    private PcapCapture(final LibPcap pcap, final long handle, final AutoCloseable owner)
    {
        this.pcap = pcap;
        this.handle = handle;
        this.owner = owner;
        this.headerOut = scratch.address();
        this.dataOut = scratch.address() + 8;
        this.statsAddress = scratch.address() + 16;
    }

    /**
     * Reads a capture that another libpcap binding opened and configured (the engine opens its handle with pcap4j).
     * The handle must be active and non-blocking; closing this closes the owner, which closes the handle.
     *
     * @param pcapHandle the {@code pcap_t *}.
     * @param owner      what closes the handle.
     * @return a reader of that handle.
     */
    public static PcapCapture adopt(final long pcapHandle, final AutoCloseable owner)
    {
        if (pcapHandle == 0)
        {
            throw new IllegalArgumentException("null pcap_t");
        }
        return new PcapCapture(library(), pcapHandle, owner);
    }

    /**
     * Reads the frames waiting, up to a limit, without blocking.
     *
     * @param handler gets each frame.
     * @param limit   most frames to read.
     * @return frames read (0 when none was waiting).
     * @throws IllegalStateException when libpcap reports an error.
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        int n = 0;
        while (n < limit)
        {
            final int r = pcap.pcap_next_ex(handle, headerOut, dataOut);
            if (r == 1)
            {
                final UnsafeBuffer s = scratch.buffer();
                header.wrap(s.getLong(0, NATIVE), 24);
                final int length = header.getInt(16, NATIVE);
                frame.wrap(s.getLong(8, NATIVE), length);
                handler.onFrame(frame, length, header.getLong(0, NATIVE) * 1_000_000_000L + header.getLong(8, NATIVE));
                n++;
            }
            else if (r == 0)
            {
                break;
            }
            else
            {
                throw new IllegalStateException("pcap_next_ex: " + pcap.pcap_geterr(handle));
            }
        }
        return n;
    }

    /**
     * Reads libpcap's counters ({@code pcap_stats}).
     *
     * @return this, with {@link #drops()} and {@link #interfaceDrops()} updated.
     */
    public PcapCapture readStats()
    {
        if (pcap.pcap_stats(handle, statsAddress) == 0)
        {
            drops = scratch.buffer().getInt(20, NATIVE) & 0xFFFF_FFFFL;
            interfaceDrops = scratch.buffer().getInt(24, NATIVE) & 0xFFFF_FFFFL;
        }
        return this;
    }

    /**
     * @return frames the kernel dropped because the ring was full, at the last {@link #readStats()}.
     */
    public long drops()
    {
        return drops;
    }

    /**
     * @return frames the interface dropped, at the last {@link #readStats()}.
     */
    public long interfaceDrops()
    {
        return interfaceDrops;
    }

    @Override
    public void close()
    {
        try
        {
            owner.close();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("closing the capture handle", ex);
        }
    }

    /**
     * @return libpcap, loaded once from the system's library directories.
     * @throws EnvironmentNotReadyException when libpcap is not installed.
     */
    public static LibPcap library()
    {
        LibPcap l = lib;
        if (l == null)
        {
            synchronized (PcapCapture.class)
            {
                l = lib;
                if (l == null)
                {
                    final String path = libraryPath();
                    l = LibraryLoader.create(LibPcap.class).failImmediately().load(path);
                    lib = l;
                }
            }
        }
        return l;
    }

    /**
     * Where libpcap is. Debian's libpcap0.8 ships {@code libpcap.so.0.8} without the unversioned name that only the
     * -dev package adds.
     *
     * @return the library's path.
     * @throws EnvironmentNotReadyException when it is not installed.
     */
    public static String libraryPath()
    {
        for (final String dir : SEARCH)
        {
            for (final String name : NAMES)
            {
                final Path p = Path.of(dir, name);
                if (Files.exists(p))
                {
                    return p.toString();
                }
            }
        }
        throw new EnvironmentNotReadyException("libpcap is not installed (Debian/Ubuntu: apt-get install libpcap0.8)");
    }
}
