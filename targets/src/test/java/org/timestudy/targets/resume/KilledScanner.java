package org.timestudy.targets.resume;

import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.permute.ScanOrder;
import org.timestudy.targets.permute.Walk;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in for the engine's send loop, run as a child JVM by {@link ResumeAfterKillTest}: each sender thread
 * takes a batch from its walk, "sends" it (one write() of 8-byte records to its own file), then commits its
 * position, paced like a rate-limited sender. Args: resume-file output-dir run fresh|resume.
 */
public final class KilledScanner
{
    static final TargetSpace SPACE = TargetSpace.of(AddressSet.of(AddressRange.parse("10.0.0.0/13")), 123);
    static final long SEED = 0xC0FFEE;
    static final int THREADS = 2;
    static final int BATCH = 512;
    static final long PACE_NS = 100_000;

    private KilledScanner()
    {
    }

    /**
     * @param args resume file, output directory, run number, "fresh" or "resume".
     * @throws Exception on I/O failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path resumePath = Path.of(args[0]);
        final Path out = Path.of(args[1]);
        final String run = args[2];
        final ScanOrder order = ScanOrder.of(SPACE, SEED);
        final ScanFingerprint fp = ScanFingerprint.of(order, THREADS);
        final ResumeFile resume = "fresh".equals(args[3]) ? ResumeFile.create(resumePath, fp) :
            ResumeFile.resume(resumePath, fp);
        final Thread[] senders = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++)
        {
            final int thread = t;
            senders[t] = new Thread(() -> send(order, resume, thread, out.resolve("run" + run + "-t" + thread)));
            senders[t].start();
        }
        for (final Thread s : senders)
        {
            s.join();
        }
        resume.close();
    }

    private static void send(final ScanOrder order, final ResumeFile resume, final int thread, final Path file)
    {
        final Walk walk = resume.walk(order, thread);
        final int[] addresses = new int[BATCH];
        final int[] ports = new int[BATCH];
        final ByteBuffer packet = ByteBuffer.allocateDirect(BATCH * 8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            int n;
            while ((n = walk.next(addresses, ports, BATCH)) > 0)
            {
                packet.clear();
                for (int i = 0; i < n; i++)
                {
                    packet.putInt(addresses[i]).putInt(ports[i]);
                }
                packet.flip();
                while (packet.hasRemaining())
                {
                    ch.write(packet);
                }
                resume.commit(thread, walk);
                LockSupport.parkNanos(PACE_NS);
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
