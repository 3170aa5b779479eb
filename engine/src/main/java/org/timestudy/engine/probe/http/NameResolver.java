package org.timestudy.engine.probe.http;

import org.timestudy.targets.address.AddressList;
import org.timestudy.targets.address.Ipv4;
import org.timestudy.targets.blocklist.OptOutList;
import org.timestudy.targets.dns.DnsResolver;
import org.timestudy.targets.dns.Resolution;
import org.timestudy.targets.dns.ResolvedAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostname mode's DNS stage, on its own thread: resolves names (every A and AAAA record, the CNAME chain, with the
 * targets module's {@link DnsResolver}) a batch at a time, checks each address against the blocklists, and hands
 * the event loop one {@link HttpTarget} per address and scheme, or one failure target per name that did not
 * resolve. Names from redirects come in through {@link #submit} at any time. {@link #inFlight()} counts names
 * submitted and not yet handed over, so the scan knows when it is done.
 */
final class NameResolver implements Runnable, AutoCloseable
{
    /** A name and how many redirects led to it. */
    private record Job(String name, int depth)
    {
    }

    private final DnsResolver dns;
    private final int batch;
    private final AddressList blocklist;
    private final OptOutList optOut;
    private final HostnameScanContext ctx;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final Queue<HttpTarget> targets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger resolved = new AtomicInteger();
    private volatile boolean stop;
    private final Thread thread;

    NameResolver(final HostnameScanContext ctx)
    {
        this.ctx = ctx;
        this.dns = DnsResolver.using(ctx.dnsServer, ctx.dnsTimeoutMs, ctx.dnsParallelism);
        this.batch = ctx.dnsParallelism * 4;
        this.blocklist = ctx.blocklist;
        this.optOut = ctx.optOut;
        this.thread = new Thread(this, "dns-stage");
        this.thread.setDaemon(true);
    }

    /** Starts the thread. */
    void start()
    {
        thread.start();
    }

    /**
     * Any thread: asks for a name to be resolved.
     *
     * @param name  a name or address literal.
     * @param depth redirects that led to it.
     */
    void submit(final String name, final int depth)
    {
        inFlight.incrementAndGet();
        jobs.add(new Job(name, depth));
    }

    /**
     * @return the queue the event loop takes targets from.
     */
    Queue<HttpTarget> targets()
    {
        return targets;
    }

    /**
     * @return names submitted and not yet handed over.
     */
    int inFlight()
    {
        return inFlight.get();
    }

    /**
     * @return names resolved so far.
     */
    int resolved()
    {
        return resolved.get();
    }

    @Override
    public void run()
    {
        final List<Job> taken = new ArrayList<>(batch);
        while (!stop)
        {
            try
            {
                final Job first = jobs.poll(50, TimeUnit.MILLISECONDS);
                if (first == null)
                {
                    continue;
                }
                taken.clear();
                taken.add(first);
                jobs.drainTo(taken, batch - 1);
                final List<String> names = new ArrayList<>(taken.size());
                taken.forEach(j -> names.add(j.name()));
                final List<Resolution> results = dns.resolveAll(names);
                for (int i = 0; i < results.size(); i++)
                {
                    handOver(taken.get(i), results.get(i));
                    resolved.incrementAndGet();
                    inFlight.decrementAndGet();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void handOver(final Job job, final Resolution r)
    {
        if (r.addresses().isEmpty())
        {
            final String detail = r.status() + (r.detail().isEmpty() ? "" : ": " + r.detail());
            targets.add(new HttpTarget(job.name(), String.join(" ", r.cnames()), null, "", 0, false, job.depth(),
                false, detail));
            return;
        }
        for (final ResolvedAddress a : r.addresses())
        {
            final InetAddress address;
            try
            {
                address = InetAddress.getByAddress(a.family() == 4 ? Ipv4.toBytes(Ipv4.parse(a.address())) :
                    InetAddress.getByName(a.address()).getAddress());
            }
            catch (final UnknownHostException | IllegalArgumentException ex)
            {
                continue;
            }
            final boolean blocked = blocklist.containsAddress(a.address()) ||
                (optOut != null && a.family() == 4 && optOut.isBlocked(Ipv4.parse(a.address())));
            final String cnames = String.join(" ", a.cnames());
            if (ctx.http)
            {
                targets.add(new HttpTarget(job.name(), cnames, address, a.address(), ctx.httpPort, false, job.depth(),
                    blocked, ""));
            }
            if (ctx.https)
            {
                targets.add(new HttpTarget(job.name(), cnames, address, a.address(), ctx.httpsPort, true,
                    job.depth(), blocked, ""));
            }
        }
    }

    @Override
    public void close()
    {
        stop = true;
        thread.interrupt();
        dns.close();
    }
}
