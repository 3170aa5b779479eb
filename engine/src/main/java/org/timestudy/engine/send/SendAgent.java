package org.timestudy.engine.send;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.timestudy.engine.capture.SendClockRing;
import org.timestudy.engine.probe.ProbeSender;
import org.timestudy.engine.validate.ProbeCookie;
import org.timestudy.nativeio.FrameBatch;
import org.timestudy.nativeio.PacketSocket;
import org.timestudy.nativeio.RealtimeClock;

import org.timestudy.targets.permute.Walk;
import org.timestudy.targets.resume.ResumeFile;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * One send thread: takes as many targets from its walk as the rate limiter allows (up to one batch), skips blocked
 * and kissed addresses, builds each probe in a prepared frame slot, sends the batch with one {@code sendmmsg}, and
 * then commits its walk's position to the resume file (a kill at any moment repeats at most that batch). Nothing is
 * allocated per packet. Counters shared by several send threads are added atomically.
 *
 * <p>Sequence numbers: thread {@code t} of {@code T}, its {@code n}-th target over all rounds, probe {@code p} of
 * {@code k}: {@code seq = (n * T + t) * k + p} (mod 2^32), so the capture side reads the probe index as
 * {@code seq mod k} and every probe's cookie is distinct.
 */
public final class SendAgent implements Agent
{
    private final int thread;
    private final int threads;
    private final PacketSocket socket;
    private final PrintStream dryRun;
    private final FrameBatch batch;
    private final ProbeSender sender;
    private final ProbeCookie cookie;
    private final RateLimiter limiter;
    private final ScanTargets targets;
    private final KissOfDeathInbox kisses;
    private final ResumeFile resume;
    private final RoundFile roundFile;
    private final LongSupplier nanoClock;
    private final int probesPerTarget;
    private final int firstLocalPort;
    private final int localPortCount;
    private final int rounds;
    private final long roundIntervalNs;
    private final AtomicCounter sent;
    private final AtomicCounter sendFailures;
    private final AtomicCounter blocked;
    private final AtomicCounter kodSkipped;
    private final AtomicCounter targetsDone;
    private final StringBuilder line = new StringBuilder(256);
    private final int[] lengths;
    private final int[] sequences;
    private final SendClockRing sendClocks;
    private final RealtimeClock realtime = new RealtimeClock();

    private volatile double requestedRatePps;
    private volatile boolean stopRequested;
    private volatile boolean finished;
    private double appliedRatePps;
    private long round;
    private long nextRoundAtNs;
    private Walk walk;
    private int lastErrno;

    SendAgent(final Builder b)
    {
        this.thread = b.thread;
        this.threads = b.threads;
        this.socket = b.socket;
        this.dryRun = b.dryRun;
        this.sender = b.sender;
        this.cookie = b.cookie;
        this.targets = b.targets;
        this.kisses = b.kisses;
        this.resume = b.resume;
        this.roundFile = b.roundFile;
        this.nanoClock = b.nanoClock;
        this.probesPerTarget = b.probesPerTarget;
        this.firstLocalPort = b.firstLocalPort;
        this.localPortCount = b.localPortCount;
        this.rounds = b.rounds;
        this.roundIntervalNs = b.roundIntervalNs;
        this.sent = b.sent;
        this.sendFailures = b.sendFailures;
        this.blocked = b.blocked;
        this.kodSkipped = b.kodSkipped;
        this.targetsDone = b.targetsDone;
        this.batch = new FrameBatch(FrameBatch.DEFAULT_SLOTS, b.maxFrameLength);
        this.lengths = new int[batch.slots()];
        this.sequences = new int[batch.slots()];
        this.sendClocks = b.sendClocks;
        for (int i = 0; i < batch.slots(); i++)
        {
            sender.prepare(batch.frame(i));
        }
        this.requestedRatePps = b.ratePps;
        this.appliedRatePps = b.ratePps;
        this.limiter = new RateLimiter(b.ratePps, batch.slots() - batch.slots() % probesPerTarget, nanoClock.getAsLong());
        this.round = roundFile == null ? 0 : roundFile.round(thread);
        this.walk = resume == null ? targets.order().walk(thread, threads) : resume.walk(targets.order(), thread);
    }

    @Override
    public String roleName()
    {
        return "sender-" + thread;
    }

    @Override
    public int doWork()
    {
        if (finished)
        {
            return 0;
        }
        final long nowNs = nanoClock.getAsLong();
        kisses.drain(round);
        if (requestedRatePps != appliedRatePps)
        {
            appliedRatePps = requestedRatePps;
            limiter.rate(appliedRatePps, nowNs);
        }
        if (stopRequested)
        {
            finish();
            return 0;
        }
        if (nextRoundAtNs != 0)
        {
            if (nowNs - nextRoundAtNs < 0)
            {
                return 0;
            }
            nextRoundAtNs = 0;
            limiter.rate(appliedRatePps, nowNs);
        }
        final int frames = dryRun != null ? batch.slots() : limiter.available(nowNs);
        final int targets = frames / probesPerTarget;
        if (targets == 0)
        {
            return 0;
        }
        int built = 0;
        int done = 0;
        boolean end = false;
        for (int i = 0; i < targets; i++)
        {
            if (!walk.next())
            {
                end = true;
                break;
            }
            // The target's number over all rounds: unique per thread, and the same after a resume.
            final long n = round * walk.steps() + walk.produced() - 1;
            done++;
            final int address = walk.address();
            final int port = walk.port();
            if (this.targets.blocked(address))
            {
                blocked.increment();
                continue;
            }
            if (kisses.skip(address, round))
            {
                kodSkipped.increment();
                continue;
            }
            for (int p = 0; p < probesPerTarget; p++)
            {
                final int seq = (int)((n * threads + thread) * probesPerTarget + p);
                final int localPort = firstLocalPort + Integer.remainderUnsigned(seq, localPortCount);
                final UnsafeBuffer frame = batch.frame(built);
                lengths[built] = sender.make(frame, address, port, localPort, cookie.make(address, port, localPort,
                    seq));
                batch.length(built, lengths[built]);
                sequences[built] = seq;
                built++;
            }
        }
        if (built > 0)
        {
            if (dryRun != null)
            {
                describe(built);
            }
            else
            {
                final long clockNs = realtime.nowNs();
                for (int i = 0; i < built; i++)
                {
                    sendClocks.put(sequences[i] & 0xFFFF_FFFFL, clockNs);
                }
                final int ok = batch.send(socket, built);
                if (ok > 0)
                {
                    sent.getAndAdd(ok);
                }
                if (ok < built)
                {
                    sendFailures.getAndAdd(built - ok);
                    lastErrno = batch.lastErrno();
                }
            }
        }
        if (resume != null)
        {
            resume.commit(thread, walk);
        }
        limiter.sent(built);
        targetsDone.getAndAdd(done);
        if (end)
        {
            endOfRound(nowNs);
        }
        return built + done;
    }

    private void endOfRound(final long nowNs)
    {
        if (round + 1 < rounds)
        {
            round++;
            if (roundFile != null)
            {
                roundFile.round(thread, round);
            }
            walk = targets.order().walk(thread, threads);
            if (resume != null)
            {
                resume.commit(thread, walk);
            }
            nextRoundAtNs = nowNs + roundIntervalNs;
        }
        else
        {
            finish();
        }
    }

    private void finish()
    {
        finished = true;
    }

    private void describe(final int built)
    {
        for (int i = 0; i < built; i++)
        {
            line.setLength(0);
            sender.describe(batch.frame(i), lengths[i], line);
            dryRun.println(line);
        }
    }

    /**
     * Any thread: sets a new rate, applied on the next duty cycle.
     *
     * @param ratePps frames per second for this thread.
     */
    public void requestRate(final double ratePps)
    {
        requestedRatePps = ratePps;
    }

    /**
     * @return the rate this thread runs at, frames per second.
     */
    public double rate()
    {
        return requestedRatePps;
    }

    /** Any thread: stop sending at the next duty cycle (the resume file keeps the position). */
    public void requestStop()
    {
        stopRequested = true;
    }

    /**
     * @return true once this thread has sent everything or was stopped.
     */
    public boolean finished()
    {
        return finished;
    }

    /**
     * @return errno of the last failed send, 0 if none.
     */
    public int lastErrno()
    {
        return lastErrno;
    }

    /**
     * @return the round being sent (0-based).
     */
    public long round()
    {
        return round;
    }

    /** Builds a send agent. */
    public static final class Builder
    {
        int thread;
        int threads = 1;
        PacketSocket socket;
        PrintStream dryRun;
        ProbeSender sender;
        ProbeCookie cookie;
        ScanTargets targets;
        KissOfDeathInbox kisses;
        SendClockRing sendClocks;
        ResumeFile resume;
        RoundFile roundFile;
        LongSupplier nanoClock = System::nanoTime;
        int probesPerTarget = 1;
        int firstLocalPort;
        int localPortCount;
        int maxFrameLength;
        int rounds = 1;
        long roundIntervalNs;
        double ratePps;
        AtomicCounter sent;
        AtomicCounter sendFailures;
        AtomicCounter blocked;
        AtomicCounter kodSkipped;
        AtomicCounter targetsDone;

        /**
         * @param thread  this thread's index.
         * @param threads number of send threads.
         * @return this.
         */
        public Builder thread(final int thread, final int threads)
        {
            this.thread = thread;
            this.threads = threads;
            return this;
        }

        /**
         * @param socket where to send, or null with {@link #dryRun}.
         * @return this.
         */
        public Builder socket(final PacketSocket socket)
        {
            this.socket = socket;
            return this;
        }

        /**
         * @param out where to print frames instead of sending them.
         * @return this.
         */
        public Builder dryRun(final PrintStream out)
        {
            this.dryRun = out;
            return this;
        }

        /**
         * @param sender         the probe's frame builder.
         * @param maxFrameLength its longest frame.
         * @param cookie         the scan's cookie for this probe.
         * @return this.
         */
        public Builder probe(final ProbeSender sender, final int maxFrameLength, final ProbeCookie cookie)
        {
            this.sender = sender;
            this.maxFrameLength = maxFrameLength;
            this.cookie = cookie;
            return this;
        }

        /**
         * @param targets the scan's targets; this thread walks its share of them.
         * @return this.
         */
        public Builder targets(final ScanTargets targets)
        {
            this.targets = targets;
            return this;
        }

        /**
         * @param kisses this thread's Kiss-o'-Death inbox.
         * @return this.
         */
        public Builder kisses(final KissOfDeathInbox kisses)
        {
            this.kisses = kisses;
            return this;
        }

        /**
         * @param ring where to record the clock read before each send (for T1 fallback and its error figure).
         * @return this.
         */
        public Builder sendClocks(final SendClockRing ring)
        {
            this.sendClocks = ring;
            return this;
        }

        /**
         * @param resume    resume file (positions), or null for none; the walk starts at its committed position.
         * @param roundFile rounds file, or null for a one-round scan; the thread starts in its recorded round.
         * @return this.
         */
        public Builder resume(final ResumeFile resume, final RoundFile roundFile)
        {
            this.resume = resume;
            this.roundFile = roundFile;
            return this;
        }

        /**
         * @param clock monotonic clock, ns.
         * @return this.
         */
        public Builder nanoClock(final LongSupplier clock)
        {
            this.nanoClock = clock;
            return this;
        }

        /**
         * @param probesPerTarget probes sent to each target.
         * @param firstLocalPort  lowest source port.
         * @param localPortCount  number of source ports.
         * @return this.
         */
        public Builder probes(final int probesPerTarget, final int firstLocalPort, final int localPortCount)
        {
            this.probesPerTarget = probesPerTarget;
            this.firstLocalPort = firstLocalPort;
            this.localPortCount = localPortCount;
            return this;
        }

        /**
         * @param rounds          passes over the targets.
         * @param roundIntervalNs pause between the end of one pass and the next.
         * @return this.
         */
        public Builder rounds(final int rounds, final long roundIntervalNs)
        {
            this.rounds = rounds;
            this.roundIntervalNs = roundIntervalNs;
            return this;
        }

        /**
         * @param ratePps frames per second for this thread.
         * @return this.
         */
        public Builder rate(final double ratePps)
        {
            this.ratePps = ratePps;
            return this;
        }

        /**
         * @param sent         probes sent.
         * @param sendFailures probes refused by the kernel.
         * @param blocked      targets blocked at send time.
         * @param kodSkipped   targets skipped after a kiss.
         * @param targetsDone  targets handed out.
         * @return this.
         */
        public Builder counters(
            final AtomicCounter sent, final AtomicCounter sendFailures, final AtomicCounter blocked,
            final AtomicCounter kodSkipped, final AtomicCounter targetsDone)
        {
            this.sent = sent;
            this.sendFailures = sendFailures;
            this.blocked = blocked;
            this.kodSkipped = kodSkipped;
            this.targetsDone = targetsDone;
            return this;
        }

        /**
         * @return the agent.
         */
        public SendAgent build()
        {
            return new SendAgent(this);
        }
    }
}
