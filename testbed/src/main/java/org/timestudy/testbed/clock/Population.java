package org.timestudy.testbed.clock;

import org.timestudy.ntp.NtpFields;
import org.timestudy.analyzer.classify.ClockClass;
import org.timestudy.analyzer.classify.SubTag;
import org.timestudy.analyzer.clock.SampleStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated Internet's clocks: each address's clock model, behaviour change and response behaviour derived from
 * (seed, address) and a {@link PopulationMix}, as pure functions of true time and a request number. Nothing is
 * stored per address and the hot-path methods ({@link #remoteTimeNs}, {@link #offsetNs}, {@link #ntpResponse},
 * {@link #kissOfDeath}, ...) allocate nothing, so one instance serves any number of threads at any request rate.
 * <p>
 * Clock models, with their parameters (all drawn per address):
 * <ul>
 *   <li>SYNCED: a bias within ±0.3 ms plus per-request jitter within ±0.5 ms (|offset| &lt; 1 ms);</li>
 *   <li>OFFSET: a constant, either sign: 35% time-zone-like (k·1800 s, k = 1..28), 15% wrong minute (k·60 s,
 *       k = 1..59 not a multiple of 30), 50% log-uniform in [2 s, 500 days]; plus the synced jitter;</li>
 *   <li>DRIFT: R − 1 log-uniform in the mix's drift range, either sign, last reset so that the offset at the epoch
 *       is 3 s to 3 h;</li>
 *   <li>RESET+DRIFT: R − 1 in the mix's reset range, the offset returning to its baseline (0, or for 15% a whole
 *       number of hours) at resets spaced by a period in the mix's range, exactly (PERIODIC) or jittered ±45%;</li>
 *   <li>STUCK: the remote time frozen at 1 h to 20 years before the epoch;</li>
 *   <li>MULTI-CLOCK: 2 (70%) or 3 clocks behind the address, synced or offset at least 10 s apart, one picked per
 *       request (or per connection: whatever the caller numbers);</li>
 *   <li>ERRATIC: a fresh offset per request, uniform within ±E, E log-uniform in [30 s, 2 days];</li>
 *   <li>a behaviour change for a share of addresses, once, at a time in the mix's change window: synced → drift
 *       (drifting from zero), synced → offset, offset → synced, drift → synced, or offset → another offset.</li>
 * </ul>
 * Rates and periods run on model time, {@code (true − epoch) · timescale}; offsets do not scale.
 */
public final class Population
{
    private static final double NANOS = 1e9;
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long HALF_HOUR_NS = 1800 * SECOND_NS;
    private static final long MINUTE_NS = 60 * SECOND_NS;
    private static final long HOUR_NS = 3600 * SECOND_NS;
    private static final double DAY_S = 86_400;
    private static final double YEAR_S = 365.25 * DAY_S;
    private static final long SYNCED_BIAS_NS = 300_000;
    private static final long SYNCED_JITTER_NS = 500_000;
    private static final long MIN_CLOCK_SEPARATION_NS = 10 * SECOND_NS;

    private static final int K_CLASS = 0;
    private static final int K_CHANGE = 1;
    private static final int K_NTP_RESPONSE = 2;
    private static final int K_HTTP_RESPONSE = 3;
    private static final int K_DATE_FORM = 4;
    private static final int K_KOD = 5;
    private static final int K_RATE_LIMIT = 6;
    private static final int K_SLOW = 7;
    private static final int K_CACHE = 8;
    private static final int K_MODEL = 10;
    private static final int K_BEFORE = 11;
    private static final int K_AFTER = 12;
    private static final int K_CHANGE_PAIR = 13;
    private static final int K_CHANGE_TIME = 14;

    /** The changes a changing address may go through, before and after. */
    private static final ClockClass[][] CHANGES = {
        {ClockClass.SYNCED, ClockClass.DRIFT},
        {ClockClass.SYNCED, ClockClass.OFFSET},
        {ClockClass.OFFSET, ClockClass.SYNCED},
        {ClockClass.DRIFT, ClockClass.SYNCED},
        {ClockClass.OFFSET, ClockClass.OFFSET},
    };

    private final long seed;
    private final PopulationMix mix;
    private final long epochNs;
    private final double timescale;

    private Population(final long seed, final PopulationMix mix)
    {
        this.seed = seed;
        this.mix = mix.concluded() ? mix : mix.conclude();
        this.epochNs = mix.epochNs();
        this.timescale = mix.timescale();
    }

    /**
     * @param seed the population's seed.
     * @param mix  the mix (concluded here if not yet).
     * @return the population.
     */
    public static Population of(final long seed, final PopulationMix mix)
    {
        return new Population(seed, mix);
    }

    /**
     * @return the seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @return the mix.
     */
    public PopulationMix mix()
    {
        return mix;
    }

    /**
     * The time an address's clock shows when a request reaches it.
     *
     * @param address    IPv4 address as an int.
     * @param trueNs     true time at the server, ns since 1970.
     * @param requestSeq the request's number (or the connection's, for per-connection alternation); it drives the
     *                   jitter, the erratic draws and which clock of a multi-clock address answers.
     * @return the remote time, ns since 1970.
     */
    public long remoteTimeNs(final int address, final long trueNs, final long requestSeq)
    {
        return trueNs + offsetNs(address, trueNs, requestSeq);
    }

    /**
     * @param address    IPv4 address as an int.
     * @param trueNs     true time at the server, ns since 1970.
     * @param requestSeq the request's number.
     * @return remote minus true time, ns.
     */
    public long offsetNs(final int address, final long trueNs, final long requestSeq)
    {
        final long h = SeedHash.address(seed, address);
        if (changes(h))
        {
            final long changeNs = changeAtNs(h);
            final int pair = changePair(h);
            if (trueNs < changeNs)
            {
                return simpleOffsetNs(CHANGES[pair][0], SeedHash.stream(h, K_BEFORE), trueNs, requestSeq,
                    Long.MIN_VALUE);
            }
            return simpleOffsetNs(CHANGES[pair][1], afterHash(h, pair), trueNs, requestSeq, changeNs);
        }
        final ClockClass kind = baseClass(h);
        final long hm = SeedHash.stream(h, K_MODEL);
        if (kind == ClockClass.MULTI_CLOCK)
        {
            final int j = componentOf(hm, requestSeq);
            return componentOffsetNs(hm, j) + jitterNs(SeedHash.stream(hm, 40 + j), requestSeq);
        }
        return simpleOffsetNs(kind, hm, trueNs, requestSeq, Long.MIN_VALUE);
    }

    /**
     * The offset without per-request noise: what an estimator should converge to (for MULTI-CLOCK, the first
     * clock's; for ERRATIC, 0).
     *
     * @param address IPv4 address as an int.
     * @param trueNs  true time, ns since 1970.
     * @return offset in ns.
     */
    public long expectedOffsetNs(final int address, final long trueNs)
    {
        final long h = SeedHash.address(seed, address);
        final ClockClass kind;
        final long hm;
        long resetAtNs = Long.MIN_VALUE;
        if (changes(h))
        {
            final long changeNs = changeAtNs(h);
            final int pair = changePair(h);
            final boolean after = trueNs >= changeNs;
            kind = CHANGES[pair][after ? 1 : 0];
            hm = after ? afterHash(h, pair) : SeedHash.stream(h, K_BEFORE);
            resetAtNs = after ? changeNs : Long.MIN_VALUE;
        }
        else
        {
            kind = baseClass(h);
            hm = SeedHash.stream(h, K_MODEL);
        }
        return switch (kind)
        {
            case SYNCED -> syncedBiasNs(hm);
            case OFFSET -> offsetValueNs(hm);
            case DRIFT -> driftOffsetNs(hm, trueNs, resetAtNs);
            case RESET_DRIFT -> resetDriftOffsetNs(hm, trueNs);
            case STUCK -> frozenAtNs(hm) - trueNs;
            case MULTI_CLOCK -> componentOffsetNs(hm, 0);
            default -> 0;
        };
    }

    /**
     * The rate of change of the offset in true time, as the analyzer should measure it: R − 1 in ppm (model ppm
     * times the timescale; −10^6 for a stuck clock).
     *
     * @param address IPv4 address as an int.
     * @param trueNs  true time, ns since 1970.
     * @return R − 1 in ppm.
     */
    public double ratePpm(final int address, final long trueNs)
    {
        final long h = SeedHash.address(seed, address);
        final ClockClass kind;
        final long hm;
        if (changes(h))
        {
            final int pair = changePair(h);
            final boolean after = trueNs >= changeAtNs(h);
            kind = CHANGES[pair][after ? 1 : 0];
            hm = after ? afterHash(h, pair) : SeedHash.stream(h, K_BEFORE);
        }
        else
        {
            kind = baseClass(h);
            hm = SeedHash.stream(h, K_MODEL);
        }
        return switch (kind)
        {
            case DRIFT -> driftPpm(hm) * timescale;
            case RESET_DRIFT -> resetPpm(hm) * timescale;
            case STUCK -> -1e6;
            default -> 0;
        };
    }

    /**
     * The class an observer can see in a window: the class at its end, except that a RESET+DRIFT clock with no
     * reset inside the window looks exactly like DRIFT.
     *
     * @param address IPv4 address as an int.
     * @param fromNs  first observation, ns since 1970.
     * @param toNs    last observation, ns since 1970.
     * @return the class.
     */
    public ClockClass classOver(final int address, final long fromNs, final long toNs)
    {
        final long h = SeedHash.address(seed, address);
        if (changes(h))
        {
            final int pair = changePair(h);
            return CHANGES[pair][toNs >= changeAtNs(h) ? 1 : 0];
        }
        final ClockClass kind = baseClass(h);
        if (kind == ClockClass.RESET_DRIFT)
        {
            final long hm = SeedHash.stream(h, K_MODEL);
            final double lastReset = lastResetModelS(hm, modelSeconds(toNs));
            return lastReset > modelSeconds(fromNs) ? ClockClass.RESET_DRIFT : ClockClass.DRIFT;
        }
        return kind;
    }

    /**
     * @param address IPv4 address as an int.
     * @return the class of the address's clock (after its change, if it changes).
     */
    public ClockClass clockClass(final int address)
    {
        final long h = SeedHash.address(seed, address);
        return changes(h) ? CHANGES[changePair(h)][1] : baseClass(h);
    }

    /**
     * @param address IPv4 address as an int.
     * @return time of the address's behaviour change, ns since 1970, or {@link Long#MIN_VALUE} when it has none.
     */
    public long changeAtNs(final int address)
    {
        final long h = SeedHash.address(seed, address);
        return changes(h) ? changeAtNs(h) : Long.MIN_VALUE;
    }

    /**
     * @param address IPv4 address as an int.
     * @return how its NTP server answers.
     */
    public Response ntpResponse(final int address)
    {
        return Response.of(mix.pickNtpResponse(SeedHash.stream(SeedHash.address(seed, address), K_NTP_RESPONSE)));
    }

    /**
     * @param address IPv4 address as an int.
     * @return how its HTTP server answers.
     */
    public Response httpResponse(final int address)
    {
        return Response.of(mix.pickHttpResponse(SeedHash.stream(SeedHash.address(seed, address), K_HTTP_RESPONSE)));
    }

    /**
     * @param address    IPv4 address as an int.
     * @param requestSeq the request's number.
     * @return the packed Kiss-o'-Death code this request gets ({@link SampleStatus#kodCode}), or 0 for a normal
     * reply: always for KOD_DENY and KOD_RSTR servers, every other request on average for KOD_RATE.
     */
    public int kissOfDeath(final int address, final long requestSeq)
    {
        final long h = SeedHash.address(seed, address);
        final Response r = Response.of(mix.pickNtpResponse(SeedHash.stream(h, K_NTP_RESPONSE)));
        return switch (r)
        {
            case KOD_DENY -> KOD_DENY;
            case KOD_RSTR -> KOD_RSTR;
            case KOD_RATE -> SeedHash.unit(SeedHash.request(SeedHash.stream(h, K_KOD), requestSeq)) < 0.5 ?
                KOD_RATE : 0;
            default -> 0;
        };
    }

    /**
     * @param address    IPv4 address as an int.
     * @param requestSeq the request's number.
     * @return what a MALFORMED server gets wrong in this reply.
     */
    public Malformation malformation(final int address, final long requestSeq)
    {
        final long h = SeedHash.stream(SeedHash.address(seed, address), K_KOD);
        return Malformation.of((int)(SeedHash.request(h, requestSeq) >>> 62));
    }

    /**
     * @param address IPv4 address as an int.
     * @return replies per second a RATE_LIMITED server sends at most (1..20).
     */
    public int rateLimitPerSecond(final int address)
    {
        return 1 + (int)(SeedHash.unit(SeedHash.stream(SeedHash.address(seed, address), K_RATE_LIMIT)) * 20);
    }

    /**
     * @param address IPv4 address as an int.
     * @return extra delay of a SLOW server, ns (0.2 to 3 s).
     */
    public long slowDelayNs(final int address)
    {
        return (long)(SeedHash.logUniform(SeedHash.stream(SeedHash.address(seed, address), K_SLOW), 0.2, 3) * NANOS);
    }

    /**
     * @param address IPv4 address as an int.
     * @return the form of its HTTP Date header.
     */
    public DateForm dateForm(final int address)
    {
        return DateForm.values()[mix.pickDateForm(SeedHash.stream(SeedHash.address(seed, address), K_DATE_FORM))];
    }

    /**
     * How long the cache in front of a CACHED HTTP server has held its current response: the cache refills every
     * 1 to 60 minutes (drawn per address), so the Date it serves is the server's time at the last refill, and Age is
     * this value.
     *
     * @param address IPv4 address as an int.
     * @param trueNs  true time of the request, ns since 1970.
     * @return age of the cached response, ns.
     */
    public long cacheAgeNs(final int address, final long trueNs)
    {
        final long h = SeedHash.stream(SeedHash.address(seed, address), K_CACHE);
        final long periodNs = (long)(SeedHash.logUniform(h, 60, 3600) * NANOS);
        final long phaseNs = (long)(SeedHash.unit(SeedHash.stream(h, 1)) * periodNs);
        return Math.floorMod(trueNs - phaseNs, periodNs);
    }

    /**
     * The whole truth about one address (allocates; for {@code lab truth} and dumps, not for the hot path).
     *
     * @param address IPv4 address as an int.
     * @return its truth.
     */
    public ClockTruth truth(final int address)
    {
        final long h = SeedHash.address(seed, address);
        final boolean changes = changes(h);
        final int pair = changes ? changePair(h) : 0;
        final ClockClass kind = changes ? CHANGES[pair][1] : baseClass(h);
        final long hm = changes ? afterHash(h, pair) : SeedHash.stream(h, K_MODEL);
        final long changeNs = changes ? changeAtNs(h) : Long.MIN_VALUE;
        final ClockTruth.Model model = model(kind, hm, changes ? changeNs : Long.MIN_VALUE);
        final ClockTruth.Model before = changes ?
            model(CHANGES[pair][0], SeedHash.stream(h, K_BEFORE), Long.MIN_VALUE) : null;
        final List<ClockTruth.Model> components = new ArrayList<>();
        if (kind == ClockClass.MULTI_CLOCK)
        {
            final int count = componentCount(hm);
            for (int j = 0; j < count; j++)
            {
                final long offset = componentOffsetNs(hm, j);
                final ClockClass c = j == 0 && componentSynced(hm) ? ClockClass.SYNCED : ClockClass.OFFSET;
                components.add(new ClockTruth.Model(c, c == ClockClass.OFFSET ? offsetSubTags(offset) : 0,
                    offset / NANOS, 0, Long.MIN_VALUE, 0, false, Long.MIN_VALUE, SYNCED_JITTER_NS / NANOS,
                    componentShare(hm, j)));
            }
        }
        return new ClockTruth(address, kind, model, before, changeNs, List.copyOf(components), ntpResponse(address),
            httpResponse(address), dateForm(address), timescale, epochNs);
    }

    private ClockTruth.Model model(final ClockClass kind, final long hm, final long resetAtNs)
    {
        return switch (kind)
        {
            case SYNCED -> new ClockTruth.Model(kind, 0, syncedBiasNs(hm) / NANOS, 0, Long.MIN_VALUE, 0, false,
                Long.MIN_VALUE, SYNCED_JITTER_NS / NANOS, 1);
            case OFFSET -> new ClockTruth.Model(kind, offsetSubTags(offsetValueNs(hm)), offsetValueNs(hm) / NANOS, 0,
                Long.MIN_VALUE, 0, false, Long.MIN_VALUE, SYNCED_JITTER_NS / NANOS, 1);
            case DRIFT -> new ClockTruth.Model(kind, 0, driftOffsetNs(hm, epochNs, resetAtNs) / NANOS,
                driftPpm(hm) * timescale, driftResetNs(hm, resetAtNs), 0, false, Long.MIN_VALUE, 0, 1);
            case RESET_DRIFT -> new ClockTruth.Model(kind, resetPeriodic(hm) ? SubTag.PERIODIC.bit() : 0,
                resetBaselineNs(hm) / NANOS, resetPpm(hm) * timescale,
                trueNsOf(lastResetModelS(hm, modelSeconds(epochNs))), (long)(resetPeriodS(hm) / timescale * NANOS),
                resetPeriodic(hm), Long.MIN_VALUE, 0, 1);
            case STUCK -> new ClockTruth.Model(kind, 0, (frozenAtNs(hm) - epochNs) / NANOS, -1e6, Long.MIN_VALUE, 0,
                false, frozenAtNs(hm), 0, 1);
            case ERRATIC -> new ClockTruth.Model(kind, 0, 0, 0, Long.MIN_VALUE, 0, false, Long.MIN_VALUE,
                erraticRangeS(hm), 1);
            default -> new ClockTruth.Model(kind, 0, componentOffsetNs(hm, 0) / NANOS, 0, Long.MIN_VALUE, 0, false,
                Long.MIN_VALUE, 0, 1);
        };
    }

    /**
     * The status tags an observer should see for an address's NTP or HTTP series.
     *
     * @param response its response behaviour.
     * @return {@link SampleStatus} bits the samples carry.
     */
    public static int statusOf(final Response response)
    {
        return switch (response)
        {
            case UNSYNC -> SampleStatus.UNSYNC;
            case KOD_RATE, KOD_DENY, KOD_RSTR -> SampleStatus.KOD;
            case NO_DATE -> SampleStatus.NO_DATE;
            case CACHED -> SampleStatus.CACHED;
            case UNREACHABLE -> SampleStatus.UNREACHABLE;
            case SILENT -> SampleStatus.SILENT;
            default -> SampleStatus.OK;
        };
    }

    private static final int KOD_RATE = NtpFields.KISS_RATE;
    private static final int KOD_DENY = NtpFields.KISS_DENY;
    private static final int KOD_RSTR = NtpFields.KISS_RSTR;

    private boolean changes(final long h)
    {
        return SeedHash.unit(SeedHash.stream(h, K_CHANGE)) < mix.changeShare();
    }

    private ClockClass baseClass(final long h)
    {
        return ClockClass.of(mix.pickClass(SeedHash.stream(h, K_CLASS)));
    }

    private static int changePair(final long h)
    {
        return (int)(SeedHash.unit(SeedHash.stream(h, K_CHANGE_PAIR)) * CHANGES.length);
    }

    private long changeAtNs(final long h)
    {
        final double modelNs = mix.changeFromNs() +
            SeedHash.unit(SeedHash.stream(h, K_CHANGE_TIME)) * (mix.changeToNs() - mix.changeFromNs());
        return epochNs + (long)(modelNs / timescale);
    }

    /**
     * The after-model's hash; an offset → offset change gets a hash whose offset differs from the before-offset by
     * at least the clock separation.
     */
    private long afterHash(final long h, final int pair)
    {
        long after = SeedHash.stream(h, K_AFTER);
        if (CHANGES[pair][0] == ClockClass.OFFSET && CHANGES[pair][1] == ClockClass.OFFSET)
        {
            final long before = offsetValueNs(SeedHash.stream(h, K_BEFORE));
            while (Math.abs(offsetValueNs(after) - before) < MIN_CLOCK_SEPARATION_NS)
            {
                after = SeedHash.mix(after);
            }
        }
        return after;
    }

    private long simpleOffsetNs(
        final ClockClass kind, final long hm, final long trueNs, final long requestSeq, final long resetAtNs)
    {
        return switch (kind)
        {
            case SYNCED, OFFSET -> expectedSimple(kind, hm) + jitterNs(hm, requestSeq);
            case DRIFT -> driftOffsetNs(hm, trueNs, resetAtNs);
            case RESET_DRIFT -> resetDriftOffsetNs(hm, trueNs);
            case STUCK -> frozenAtNs(hm) - trueNs;
            case ERRATIC -> (long)(SeedHash.signed(SeedHash.request(hm, requestSeq)) * erraticRangeS(hm) * NANOS);
            default -> 0;
        };
    }

    private long expectedSimple(final ClockClass kind, final long hm)
    {
        return kind == ClockClass.SYNCED ? syncedBiasNs(hm) : offsetValueNs(hm);
    }

    private static long jitterNs(final long hm, final long requestSeq)
    {
        return (long)(SeedHash.signed(SeedHash.request(hm, requestSeq)) * SYNCED_JITTER_NS);
    }

    private static long syncedBiasNs(final long hm)
    {
        return (long)(SeedHash.signed(SeedHash.stream(hm, 1)) * SYNCED_BIAS_NS);
    }

    /** The constant of an OFFSET clock: time-zone-like, wrong-minute, or anything from 2 s to 500 days. */
    private static long offsetValueNs(final long hm)
    {
        final double kind = SeedHash.unit(SeedHash.stream(hm, 2));
        final long sign = SeedHash.stream(hm, 3) < 0 ? -1 : 1;
        final long magnitude;
        if (kind < 0.35)
        {
            magnitude = (1 + (long)(SeedHash.unit(SeedHash.stream(hm, 4)) * 28)) * HALF_HOUR_NS;
        }
        else if (kind < 0.5)
        {
            long k = 1 + (long)(SeedHash.unit(SeedHash.stream(hm, 4)) * 59);
            if (k % 30 == 0)
            {
                k++;
            }
            magnitude = k * MINUTE_NS;
        }
        else
        {
            magnitude = (long)(SeedHash.logUniform(SeedHash.stream(hm, 4), 2, 500 * DAY_S) * NANOS);
        }
        return sign * magnitude;
    }

    private double driftPpm(final long hm)
    {
        final double ppm = SeedHash.logUniform(SeedHash.stream(hm, 5), mix.driftPpmMin(), mix.driftPpmMax());
        return SeedHash.stream(hm, 6) < 0 ? -ppm : ppm;
    }

    /** The last reset of a DRIFT clock (true time): chosen so the offset at the epoch is 3 s to 3 h. */
    private long driftResetNs(final long hm, final long resetAtNs)
    {
        if (resetAtNs != Long.MIN_VALUE)
        {
            return resetAtNs;
        }
        final double offsetAtEpochS = SeedHash.logUniform(SeedHash.stream(hm, 7), 3, 3 * 3600);
        final double ageModelS = offsetAtEpochS / (Math.abs(driftPpm(hm)) * 1e-6);
        return trueNsOf(-ageModelS);
    }

    private long driftOffsetNs(final long hm, final long trueNs, final long resetAtNs)
    {
        final long resetNs = driftResetNs(hm, resetAtNs);
        final double elapsedModelS = (trueNs - resetNs) / NANOS * timescale;
        return (long)(elapsedModelS * driftPpm(hm) * 1e-6 * NANOS);
    }

    private double resetPpm(final long hm)
    {
        final double ppm = SeedHash.logUniform(SeedHash.stream(hm, 8), mix.resetPpmMin(), mix.resetPpmMax());
        return SeedHash.stream(hm, 9) < 0 ? -ppm : ppm;
    }

    private double resetPeriodS(final long hm)
    {
        return SeedHash.logUniform(SeedHash.stream(hm, 10), mix.resetPeriodMinNs() / NANOS,
            mix.resetPeriodMaxNs() / NANOS);
    }

    private boolean resetPeriodic(final long hm)
    {
        return SeedHash.unit(SeedHash.stream(hm, 11)) < mix.periodicShare();
    }

    private static long resetBaselineNs(final long hm)
    {
        if (SeedHash.unit(SeedHash.stream(hm, 12)) >= 0.15)
        {
            return 0;
        }
        final long hours = 1 + (long)(SeedHash.unit(SeedHash.stream(hm, 13)) * 3);
        return (SeedHash.stream(hm, 14) < 0 ? -hours : hours) * HOUR_NS;
    }

    /** Reset k happens at model time φ + kP, jittered by up to ±45% of P unless periodic. */
    private double resetModelS(final long hm, final long k, final double period, final double phase)
    {
        final double jitter = resetPeriodic(hm) ? 0 :
            0.9 * period * (SeedHash.unit(SeedHash.request(SeedHash.stream(hm, 15), k)) - 0.5);
        return phase + k * period + jitter;
    }

    private double lastResetModelS(final long hm, final double modelS)
    {
        final double period = resetPeriodS(hm);
        final double phase = SeedHash.unit(SeedHash.stream(hm, 16)) * period;
        final long k = (long)Math.floor((modelS - phase) / period);
        for (long j = k + 1; j >= k - 1; j--)
        {
            final double at = resetModelS(hm, j, period, phase);
            if (at <= modelS)
            {
                return at;
            }
        }
        return resetModelS(hm, k - 1, period, phase);
    }

    private long resetDriftOffsetNs(final long hm, final long trueNs)
    {
        final double modelS = modelSeconds(trueNs);
        final double sinceResetS = modelS - lastResetModelS(hm, modelS);
        return resetBaselineNs(hm) + (long)(sinceResetS * resetPpm(hm) * 1e-6 * NANOS);
    }

    private long frozenAtNs(final long hm)
    {
        final double ageS = SeedHash.logUniform(SeedHash.stream(hm, 17), 3600, 20 * YEAR_S);
        return epochNs - (long)(ageS * NANOS) / SECOND_NS * SECOND_NS;
    }

    private static double erraticRangeS(final long hm)
    {
        return SeedHash.logUniform(SeedHash.stream(hm, 18), 30, 2 * DAY_S);
    }

    private static int componentCount(final long hm)
    {
        return SeedHash.unit(SeedHash.stream(hm, 19)) < 0.7 ? 2 : 3;
    }

    private static boolean componentSynced(final long hm)
    {
        return SeedHash.unit(SeedHash.stream(hm, 20)) < 0.6;
    }

    private static double componentShare(final long hm, final int j)
    {
        if (componentCount(hm) == 3)
        {
            return 1.0 / 3;
        }
        final double first = 0.35 + 0.3 * SeedHash.unit(SeedHash.stream(hm, 21));
        return j == 0 ? first : 1 - first;
    }

    private static int componentOf(final long hm, final long requestSeq)
    {
        final double u = SeedHash.unit(SeedHash.request(SeedHash.stream(hm, 22), requestSeq));
        if (componentCount(hm) == 3)
        {
            return u < 1.0 / 3 ? 0 : u < 2.0 / 3 ? 1 : 2;
        }
        return u < componentShare(hm, 0) ? 0 : 1;
    }

    /** Clock j of a multi-clock address: the first synced (60%) or offset, the others offset, ≥ 10 s apart. */
    private static long componentOffsetNs(final long hm, final int j)
    {
        long offset = j == 0 && componentSynced(hm) ? syncedBiasNs(SeedHash.stream(hm, 30)) :
            offsetValueNs(SeedHash.stream(hm, 30 + j));
        for (int i = 0; i < j; i++)
        {
            final long other = componentOffsetNs(hm, i);
            if (Math.abs(offset - other) < MIN_CLOCK_SEPARATION_NS)
            {
                offset = other + (offset >= other ? 1 : -1) * (MIN_CLOCK_SEPARATION_NS + 37 * SECOND_NS * (j + 1));
            }
        }
        return offset;
    }

    /**
     * The sub-tags an offset earns by SCIENCE.md §3's rule (TZ within 1 s of k·1800 s; MINUTE within 1 s of k·60 s,
     * 0 &lt; |k| &lt; 60, not TZ).
     *
     * @param offsetNs an offset, ns.
     * @return {@link SubTag} bits.
     */
    static int offsetSubTags(final long offsetNs)
    {
        final long tz = Math.round((double)offsetNs / HALF_HOUR_NS);
        if (tz != 0 && Math.abs(offsetNs - tz * HALF_HOUR_NS) <= SECOND_NS)
        {
            return SubTag.TZ.bit();
        }
        final long minutes = Math.round((double)offsetNs / MINUTE_NS);
        if (minutes != 0 && Math.abs(minutes) < 60 && Math.abs(offsetNs - minutes * MINUTE_NS) <= SECOND_NS)
        {
            return SubTag.MINUTE.bit();
        }
        return 0;
    }

    private double modelSeconds(final long trueNs)
    {
        return (trueNs - epochNs) / NANOS * timescale;
    }

    private long trueNsOf(final double modelS)
    {
        return epochNs + (long)(modelS / timescale * NANOS);
    }
}
