package org.timestudy.analyzer.clock;

import org.timestudy.ntp.NtpTime;
import java.util.Arrays;

/**
 * The samples of one series, one (address, probe type), in reusable primitive arrays. Fill it with the {@code add*}
 * methods in any order, hand it to a classifier, {@link #reset()} it for the next series. Every sample carries our
 * true time, its method, an offset point with its uncertainty u (the half-width of the interval that must hold the
 * true offset), the round-trip delay, and its {@link SampleStatus} bits.
 * <p>
 * Not thread-safe: one buffer per thread.
 */
public final class SeriesBuffer
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_DATE_SECONDS = 9_000_000_000L;
    private static final int MIN_PRECISION_LOG2 = -40;
    private static final int MAX_PRECISION_LOG2 = 10;

    private int count;
    private long[] trueNs;
    private long[] offsetNs;
    private long[] uncertaintyNs;
    private long[] delayNs;
    private byte[] method;
    private int[] status;
    private int[] kodCode;

    /**
     * @param initialCapacity samples held before the arrays grow.
     */
    public SeriesBuffer(final int initialCapacity)
    {
        allocate(Math.max(4, initialCapacity));
    }

    /**
     * Empties the buffer, keeping its arrays.
     *
     * @return this.
     */
    public SeriesBuffer reset()
    {
        count = 0;
        return this;
    }

    /**
     * Adds an NTP sample from its offset and delay. δ is clamped from below at the server's precision, and
     * u = δ/2 + 2^precision.
     *
     * @param trueNs        our time at the midpoint (T1 + T4) / 2, ns since 1970.
     * @param thetaNs       offset θ in ns.
     * @param deltaNs       round-trip delay δ in ns.
     * @param precisionLog2 the server's precision field (log2 seconds).
     * @param status        {@link SampleStatus} bits (UNSYNC for LI = 3 or stratum 16).
     * @return this.
     */
    public SeriesBuffer addNtp(
        final long trueNs, final long thetaNs, final long deltaNs, final int precisionLog2, final int status)
    {
        final long precisionNs = precisionNs(precisionLog2);
        final long delay = Math.max(deltaNs, precisionNs);
        return add(trueNs, Method.NTP, thetaNs, (delay >> 1) + precisionNs, delay, status, 0);
    }

    /**
     * Adds an NTP exchange from its four timestamps; the differences are taken as integers (±68 years).
     *
     * @param t1Ns          our send time, ns since 1970.
     * @param t2            the server's receive timestamp, 64-bit NTP format.
     * @param t3            the server's transmit timestamp, 64-bit NTP format.
     * @param t4Ns          our receive time, ns since 1970.
     * @param precisionLog2 the server's precision field (log2 seconds).
     * @param status        {@link SampleStatus} bits.
     * @return this.
     */
    public SeriesBuffer addNtpExchange(
        final long t1Ns, final long t2, final long t3, final long t4Ns, final int precisionLog2, final int status)
    {
        if (t4Ns < t1Ns)
        {
            return add(t1Ns, Method.NTP, 0, 0, 0, status | SampleStatus.INVALID, 0);
        }
        final long midNs = t1Ns + ((t4Ns - t1Ns) >> 1);
        return addNtp(midNs, NtpTime.offsetNanosFromEpochNs(t1Ns, t2, t3, t4Ns), NtpTime.delayNanosFromEpochNs(t1Ns, t2, t3, t4Ns),
            precisionLog2, status);
    }

    /**
     * Adds a naive HTTP Date sample: the true offset lies in [D − t4, D + 1 − t1]; the point is the interval's middle,
     * D + 0.5 − (t1 + t4)/2, and u its half-width, 0.5 s + RTT/2.
     *
     * @param t1Ns             request sent, ns since 1970.
     * @param t4Ns             response received, ns since 1970.
     * @param dateEpochSeconds the Date header, seconds since 1970.
     * @param status           {@link SampleStatus} bits (CACHED when an Age or cache-status header was seen).
     * @return this.
     */
    public SeriesBuffer addHttpDate(final long t1Ns, final long t4Ns, final long dateEpochSeconds, final int status)
    {
        if (t4Ns < t1Ns || dateEpochSeconds > MAX_DATE_SECONDS || dateEpochSeconds < -MAX_DATE_SECONDS)
        {
            return add(t1Ns, Method.HTTP_NAIVE, 0, 0, 0, status | SampleStatus.INVALID, 0);
        }
        final long dateNs = dateEpochSeconds * NANOS_PER_SECOND;
        final long lowNs = dateNs - t4Ns;
        final long highNs = dateNs + NANOS_PER_SECOND - t1Ns;
        final long halfNs = (highNs - lowNs) >> 1;
        return add(t1Ns + ((t4Ns - t1Ns) >> 1), Method.HTTP_NAIVE, lowNs + halfNs, halfNs, t4Ns - t1Ns, status, 0);
    }

    /**
     * Adds a boundary-timed HTTP sample: the engine has bracketed the moment the server's second ticks over.
     *
     * @param trueNs        our time of the bracketed tick, ns since 1970.
     * @param offsetNs      the offset estimate in ns.
     * @param uncertaintyNs bracket resolution + RTT/2, in ns.
     * @param rttNs         round-trip time of the requests, in ns.
     * @param status        {@link SampleStatus} bits.
     * @return this.
     */
    public SeriesBuffer addHttpBoundary(
        final long trueNs, final long offsetNs, final long uncertaintyNs, final long rttNs, final int status)
    {
        if (uncertaintyNs < 0 || rttNs < 0)
        {
            return add(trueNs, Method.HTTP_BOUNDARY, 0, 0, 0, status | SampleStatus.INVALID, 0);
        }
        return add(trueNs, Method.HTTP_BOUNDARY, offsetNs, uncertaintyNs, rttNs, status, 0);
    }

    /**
     * Adds a probe that gave no offset: silence, ICMP unreachable, a reply without Date, or a Kiss-o'-Death.
     *
     * @param trueNs  when the probe was sent, ns since 1970.
     * @param method  the probe's method.
     * @param status  {@link SampleStatus} bits, at least one of {@link SampleStatus#NO_MEASUREMENT}.
     * @param kodCode the packed KoD code ({@link SampleStatus#kodCode(CharSequence)}), or 0.
     * @return this.
     */
    public SeriesBuffer addNoMeasurement(final long trueNs, final Method method, final int status, final int kodCode)
    {
        final int bits = (status & SampleStatus.NO_MEASUREMENT) == 0 ? status | SampleStatus.SILENT : status;
        return add(trueNs, method, 0, 0, 0, bits, kodCode);
    }

    /**
     * @return number of samples held.
     */
    public int count()
    {
        return count;
    }

    /**
     * @param i sample index.
     * @return our true time of the sample, ns since 1970.
     */
    public long trueNs(final int i)
    {
        return trueNs[i];
    }

    /**
     * @param i sample index.
     * @return the offset point (remote minus true), ns.
     */
    public long offsetNs(final int i)
    {
        return offsetNs[i];
    }

    /**
     * @param i sample index.
     * @return half-width of the interval holding the true offset, ns.
     */
    public long uncertaintyNs(final int i)
    {
        return uncertaintyNs[i];
    }

    /**
     * @param i sample index.
     * @return round-trip delay (NTP δ, HTTP RTT), ns.
     */
    public long delayNs(final int i)
    {
        return delayNs[i];
    }

    /**
     * @param i sample index.
     * @return the method.
     */
    public Method method(final int i)
    {
        return Method.of(method[i]);
    }

    /**
     * @param i sample index.
     * @return the method's ordinal.
     */
    public int methodOrdinal(final int i)
    {
        return method[i];
    }

    /**
     * @param i sample index.
     * @return {@link SampleStatus} bits.
     */
    public int status(final int i)
    {
        return status[i];
    }

    /**
     * @param i sample index.
     * @return packed Kiss-o'-Death code, or 0.
     */
    public int kodCode(final int i)
    {
        return kodCode[i];
    }

    long[] trueNsArray()
    {
        return trueNs;
    }

    long[] offsetNsArray()
    {
        return offsetNs;
    }

    long[] uncertaintyNsArray()
    {
        return uncertaintyNs;
    }

    byte[] methodArray()
    {
        return method;
    }

    int[] statusArray()
    {
        return status;
    }

    int[] kodCodeArray()
    {
        return kodCode;
    }

    /**
     * Replaces the content by samples of another buffer, as they are, in the given order.
     *
     * @param from  the other buffer.
     * @param order indices of its samples.
     * @param n     samples to take.
     */
    void copyInOrder(final SeriesBuffer from, final int[] order, final int n)
    {
        if (trueNs.length < n)
        {
            allocate(n);
        }
        for (int k = 0; k < n; k++)
        {
            final int i = order[k];
            trueNs[k] = from.trueNs[i];
            offsetNs[k] = from.offsetNs[i];
            uncertaintyNs[k] = from.uncertaintyNs[i];
            delayNs[k] = from.delayNs[i];
            method[k] = from.method[i];
            status[k] = from.status[i];
            kodCode[k] = from.kodCode[i];
        }
        count = n;
    }

    private SeriesBuffer add(
        final long t,
        final Method m,
        final long offset,
        final long uncertainty,
        final long delay,
        final int bits,
        final int kod)
    {
        if (count == trueNs.length)
        {
            grow();
        }
        final int i = count++;
        trueNs[i] = t;
        offsetNs[i] = offset;
        uncertaintyNs[i] = Math.max(0, uncertainty);
        delayNs[i] = Math.max(0, delay);
        method[i] = (byte)m.ordinal();
        status[i] = bits;
        kodCode[i] = kod;
        return this;
    }

    private void allocate(final int capacity)
    {
        trueNs = new long[capacity];
        offsetNs = new long[capacity];
        uncertaintyNs = new long[capacity];
        delayNs = new long[capacity];
        method = new byte[capacity];
        status = new int[capacity];
        kodCode = new int[capacity];
    }

    private void grow()
    {
        final int capacity = trueNs.length * 2;
        trueNs = Arrays.copyOf(trueNs, capacity);
        offsetNs = Arrays.copyOf(offsetNs, capacity);
        uncertaintyNs = Arrays.copyOf(uncertaintyNs, capacity);
        delayNs = Arrays.copyOf(delayNs, capacity);
        method = Arrays.copyOf(method, capacity);
        status = Arrays.copyOf(status, capacity);
        kodCode = Arrays.copyOf(kodCode, capacity);
    }

    static long precisionNs(final int precisionLog2)
    {
        final int p = Math.max(MIN_PRECISION_LOG2, Math.min(MAX_PRECISION_LOG2, precisionLog2));
        return Math.round(Math.scalb(1e9, p));
    }
}
