package org.timestudy.bench.accuracy;

import org.timestudy.analyzer.clock.Method;
import org.timestudy.ntp.NtpTime;
import org.timestudy.analyzer.clock.SampleStatus;
import org.timestudy.analyzer.clock.SeriesBuffer;
import org.timestudy.testbed.clock.DateForm;
import org.timestudy.testbed.clock.Population;
import org.timestudy.testbed.clock.Response;

import java.util.SplittableRandom;

/**
 * Observes one address of a {@link Population} the way a survey would, without a network: a schedule of days to
 * weeks at an hourly-to-daily jittered cadence with missing samples, bursts of requests, and paths with realistic
 * noise. Each request's true send time, path delays and server processing are drawn, the population answers with
 * its clock, and the sample is built from the timestamps exactly as the engine would record them:
 * <ul>
 *   <li>NTP: T2 and T3 as 64-bit NTP timestamps of the remote clock, so θ and δ go through the integer path;
 *       delays = base one-way delay (2–150 ms) · (1 ± path asymmetry up to 20%) + exponential queueing (5–50% of
 *       the base) + rare spikes;</li>
 *   <li>naive HTTP: the remote Date truncated to the second at the server, t1 and t4 around it;</li>
 *   <li>boundary HTTP: htpdate's search simulated request by request on one connection: 9 halving steps aimed at
 *       the moment the remote second ticks, each send timed from the last measured RTT, so asymmetry and jitter
 *       show up as they would.</li>
 * </ul>
 * Response behaviours turn into the statuses the engine would record (KoD, UNSYNC, unreachable, no Date, cached
 * with Age, silence; malformed replies are dropped by validation and so look like silence).
 */
public final class SyntheticObserver
{
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final long DAY = 24 * HOUR;
    private static final int BOUNDARY_STEPS = 9;

    private final Population population;
    private final long seed;
    private final long minIntervalNs;
    private final long maxIntervalNs;
    private final long minSpanNs;
    private final long maxSpanNs;

    /**
     * @param population    the population observed.
     * @param seed          seed of the observation noise (independent of the population's seed).
     * @param minIntervalNs shortest mean interval between samples, ns.
     * @param maxIntervalNs longest, ns.
     * @param minSpanNs     shortest series, ns.
     * @param maxSpanNs     longest series, ns.
     */
    public SyntheticObserver(
        final Population population,
        final long seed,
        final long minIntervalNs,
        final long maxIntervalNs,
        final long minSpanNs,
        final long maxSpanNs)
    {
        this.population = population;
        this.seed = seed;
        this.minIntervalNs = minIntervalNs;
        this.maxIntervalNs = maxIntervalNs;
        this.minSpanNs = minSpanNs;
        this.maxSpanNs = maxSpanNs;
    }

    /**
     * The default survey: every 1 to 24 h (log-uniform), 12 to 168 scheduled samples, spans of 4 to 28 days.
     *
     * @param population the population observed.
     * @param seed       seed of the observation noise.
     * @return the observer.
     */
    public static SyntheticObserver survey(final Population population, final long seed)
    {
        return new SyntheticObserver(population, seed, HOUR, DAY, 4 * DAY, 28 * DAY);
    }

    /**
     * Fills a buffer with one series.
     *
     * @param address the address.
     * @param method  how it is probed.
     * @param out     receives the samples (reset first).
     * @param plan    receives the address, method and schedule used.
     * @return out.
     */
    public SeriesBuffer observe(final int address, final Method method, final SeriesBuffer out, final Observation plan)
    {
        out.reset();
        plan.address = address;
        plan.method = method;
        final SplittableRandom random = new SplittableRandom(seed ^ (address * 0x9E3779B97F4A7C15L) ^
            ((long)method.ordinal() << 56));
        final double logMin = Math.log(minIntervalNs);
        final long interval = (long)Math.exp(logMin + random.nextDouble() * (Math.log(maxIntervalNs) - logMin));
        final int scheduled = 12 + random.nextInt(157);
        final long span = Math.max(minSpanNs, Math.min(maxSpanNs, scheduled * interval));
        plan.intervalNs = interval;
        plan.spanNs = span;
        plan.missing = random.nextDouble() * 0.3;
        plan.burst = method == Method.NTP ? 1 + random.nextInt(4) : method == Method.HTTP_NAIVE ?
            1 + random.nextInt(2) : 1;
        final Path path = new Path(random);
        final Response response = method == Method.NTP ? population.ntpResponse(address) :
            population.httpResponse(address);
        final int precision = -18 - random.nextInt(7);

        final long start = population.mix().epochNs() + (long)(random.nextDouble() * interval);
        plan.firstNs = Long.MAX_VALUE;
        plan.lastNs = Long.MIN_VALUE;
        for (long t = start; t < start + span; t += interval)
        {
            final long at = t + (long)((random.nextDouble() - 0.5) * 0.4 * interval);
            plan.firstNs = Math.min(plan.firstNs, at);
            plan.lastNs = Math.max(plan.lastNs, at);
            if (random.nextDouble() < plan.missing)
            {
                out.addNoMeasurement(at, method, SampleStatus.SILENT, 0);
                continue;
            }
            for (int k = 0; k < plan.burst; k++)
            {
                final long t1 = at + k * 2 * SECOND;
                switch (method)
                {
                    case NTP -> ntp(address, response, t1, random.nextLong(), path, precision, random, out);
                    case HTTP_NAIVE -> http(address, response, t1, random.nextLong(), path, random, out);
                    default -> boundary(address, response, t1, random.nextLong(), path, random, out);
                }
            }
        }
        return out;
    }

    private void ntp(
        final int address,
        final Response response,
        final long t1,
        final long seq,
        final Path path,
        final int precision,
        final SplittableRandom random,
        final SeriesBuffer out)
    {
        if (!answers(response, random))
        {
            out.addNoMeasurement(t1, Method.NTP, Population.statusOf(response) | SampleStatus.SILENT, 0);
            return;
        }
        final int kod = population.kissOfDeath(address, seq);
        if (kod != 0)
        {
            out.addNoMeasurement(t1, Method.NTP, SampleStatus.KOD, kod);
            return;
        }
        final long arrive = t1 + path.outNs(random);
        final long processing = 10_000 + random.nextInt(90_000) +
            (response == Response.SLOW ? population.slowDelayNs(address) : 0);
        final long t2 = NtpTime.fromEpochNs(population.remoteTimeNs(address, arrive, seq));
        final long t3 = NtpTime.fromEpochNs(population.remoteTimeNs(address, arrive + processing, seq));
        final long t4 = arrive + processing + path.backNs(random);
        out.addNtpExchange(t1, t2, t3, t4, precision, response == Response.UNSYNC ? SampleStatus.UNSYNC : 0);
    }

    private void http(
        final int address,
        final Response response,
        final long t1,
        final long seq,
        final Path path,
        final SplittableRandom random,
        final SeriesBuffer out)
    {
        if (!answers(response, random))
        {
            out.addNoMeasurement(t1, Method.HTTP_NAIVE, Population.statusOf(response) | SampleStatus.SILENT, 0);
            return;
        }
        if (response == Response.NO_DATE || population.dateForm(address) == DateForm.INVALID)
        {
            out.addNoMeasurement(t1, Method.HTTP_NAIVE, SampleStatus.NO_DATE, 0);
            return;
        }
        final long arrive = t1 + path.outNs(random);
        final long processing = 1_000_000 + random.nextInt(30_000_000) +
            (response == Response.SLOW ? population.slowDelayNs(address) : 0);
        final long generated = arrive + processing / 2;
        final boolean cached = response == Response.CACHED;
        final long dateAt = cached ? generated - population.cacheAgeNs(address, generated) : generated;
        final long date = Math.floorDiv(population.remoteTimeNs(address, dateAt, seq), SECOND);
        final long t4 = arrive + processing + path.backNs(random);
        out.addHttpDate(t1, t4, date, cached ? SampleStatus.CACHED : 0);
    }

    /**
     * htpdate's boundary search on one connection: find the true time τ at which the remote clock ticks to second
     * S, by aiming requests at the middle of a shrinking bracket; each send is timed from the last measured RTT.
     */
    private void boundary(
        final int address,
        final Response response,
        final long t1,
        final long connection,
        final Path path,
        final SplittableRandom random,
        final SeriesBuffer out)
    {
        if (!answers(response, random) || response == Response.NO_DATE || response == Response.CACHED ||
            population.dateForm(address) == DateForm.INVALID)
        {
            // A cache serves one Date whatever the phase: the search cannot bracket a tick, so no offset.
            final int status = population.dateForm(address) == DateForm.INVALID ? SampleStatus.NO_DATE :
                Population.statusOf(response);
            out.addNoMeasurement(t1, Method.HTTP_BOUNDARY, status | SampleStatus.SILENT, 0);
            return;
        }
        long rtt = path.rttNs(random);
        final long firstArrive = t1 + rtt / 2;
        final long firstRemote = population.remoteTimeNs(address, firstArrive, connection);
        final long target = Math.floorDiv(firstRemote, SECOND) + 2;
        // The tick to S happens about (S − remote) after the first arrival if the clock runs at rate 1.
        long low = firstArrive + (target * SECOND - firstRemote) - SECOND;
        long high = low + 2 * SECOND;
        long maxRtt = rtt;
        boolean sawBefore = false;
        boolean sawAfter = false;
        long lastSend = t1;
        long lastRtt = rtt;
        long lastDate = Math.floorDiv(firstRemote, SECOND);
        for (int step = 0; step < BOUNDARY_STEPS; step++)
        {
            final long aim = low + (high - low) / 2;
            final long send = aim - rtt / 2;
            final long outNs = path.outNs(random);
            final long backNs = path.backNs(random);
            final long arrive = send + outNs;
            rtt = outNs + backNs;
            maxRtt = Math.max(maxRtt, rtt);
            // Once the reply is in, the arrival is known to within ±RTT/2 of send + RTT/2: move the bracket there.
            final long estimated = send + rtt / 2;
            final long date = Math.floorDiv(population.remoteTimeNs(address, arrive, connection), SECOND);
            lastSend = send;
            lastRtt = rtt;
            lastDate = date;
            if (date >= target)
            {
                sawAfter = true;
                high = Math.max(low, Math.min(high, estimated));
            }
            else
            {
                sawBefore = true;
                low = Math.min(high, Math.max(low, estimated));
            }
        }
        if (!sawBefore || !sawAfter)
        {
            // The tick was never bracketed (a stuck or jumping clock): keep the last reply as a naive Date sample.
            out.addHttpDate(lastSend, lastSend + lastRtt, lastDate, 0);
            return;
        }
        final long tickNs = low + (high - low) / 2;
        out.addHttpBoundary(tickNs, target * SECOND - tickNs, (high - low) / 2 + maxRtt / 2, maxRtt, 0);
    }

    private static boolean answers(final Response response, final SplittableRandom random)
    {
        return switch (response)
        {
            case SILENT, UNREACHABLE -> false;
            case RATE_LIMITED -> random.nextDouble() < 0.7;
            case MALFORMED -> random.nextDouble() < 0.5;
            default -> true;
        };
    }

    /** One path's delay model. */
    private static final class Path
    {
        private final double baseNs;
        private final double asymmetry;
        private final double queueNs;

        Path(final SplittableRandom random)
        {
            baseNs = Math.exp(Math.log(2e6) + random.nextDouble() * Math.log(150e6 / 2e6));
            asymmetry = (random.nextDouble() - 0.5) * 0.4;
            queueNs = baseNs * (0.05 + random.nextDouble() * 0.45);
        }

        long outNs(final SplittableRandom random)
        {
            return oneWay(baseNs * (1 + asymmetry), random);
        }

        long backNs(final SplittableRandom random)
        {
            return oneWay(baseNs * (1 - asymmetry), random);
        }

        long rttNs(final SplittableRandom random)
        {
            return outNs(random) + backNs(random);
        }

        private long oneWay(final double base, final SplittableRandom random)
        {
            double d = base - Math.log(1 - random.nextDouble()) * queueNs;
            if (random.nextDouble() < 0.01)
            {
                d -= Math.log(1 - random.nextDouble()) * 10 * base;
            }
            return (long)d;
        }
    }
}
