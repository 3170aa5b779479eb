package org.timestudy.analyzer.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Comparisons over verdicts of related series: the addresses behind one name (round-robin DNS, CNAME), the NTP and
 * HTTP clocks of one address, and listed reference servers. Pure functions; the caller knows which verdicts belong
 * together.
 */
public final class Groups
{
    private static final double PPM = 1e-6;

    private Groups()
    {
    }

    /**
     * How the addresses behind one name agree.
     *
     * @param members        verdicts compared.
     * @param measured       members with an offset that means something (not ERRATIC, not empty).
     * @param agree          true when at least two members were measured, none is ERRATIC, and every measured
     *                       offset is within max(τ, 3σ) of the median.
     * @param medianOffsetNs median offset of the measured members, ns.
     * @param spreadNs       largest minus smallest measured offset, ns.
     * @param disagreeing    indexes (into the input) of members that are ERRATIC or off the median.
     */
    public record NameAgreement(
        int members, int measured, boolean agree, long medianOffsetNs, long spreadNs, List<Integer> disagreeing)
    {
    }

    /**
     * How the NTP and HTTP clocks of one address agree.
     *
     * @param compared      true when both series have an offset.
     * @param agree         true when the difference is within max(the coarser τ, 3σ) and neither is ERRATIC.
     * @param differenceNs  HTTP offset minus NTP offset, both carried to the later of their times with their rates.
     * @param uncertaintyNs standard uncertainty of the difference, ns.
     * @param sameClass     true when both series have the same class.
     */
    public record MethodAgreement(
        boolean compared, boolean agree, long differenceNs, long uncertaintyNs, boolean sameClass)
    {
    }

    /** What a listed reference server (stratum 1 or 2 on a public list) turned out to be. */
    public enum ReferenceStatus
    {
        /** Synced, within tolerance. */
        OK,
        /** Its clock is wrong: a class other than SYNCED and INSUFFICIENT, or off by more than max(τ, 3σ). */
        WRONG,
        /** It says it is unsynchronised (LI = 3 or stratum 16). */
        UNSYNCHRONISED,
        /** No offset at all: silent, unreachable, Kiss-o'-Death. */
        UNUSABLE,
        /** Too little data to tell, and not visibly off. */
        UNDECIDED
    }

    /**
     * @param members verdicts of the addresses behind one name.
     * @return how they agree.
     */
    public static NameAgreement compareName(final List<Verdict> members)
    {
        final List<Integer> disagreeing = new ArrayList<>();
        final long[] offsets = new long[members.size()];
        int measured = 0;
        boolean erratic = false;
        for (int i = 0; i < members.size(); i++)
        {
            final Verdict v = members.get(i);
            if (v.clockClass() == ClockClass.ERRATIC)
            {
                erratic = true;
                disagreeing.add(i);
            }
            else if (v.hasOffset())
            {
                offsets[measured++] = v.offsetNs();
            }
        }
        if (measured == 0)
        {
            return new NameAgreement(members.size(), 0, false, 0, 0, List.copyOf(disagreeing));
        }
        final long[] sorted = Arrays.copyOf(offsets, measured);
        Arrays.sort(sorted);
        final long median = sorted[(measured - 1) / 2];
        final long spread = sorted[measured - 1] - sorted[0];
        long medianUncertainty = 0;
        for (final Verdict v : members)
        {
            if (v.hasOffset() && v.offsetNs() == median)
            {
                medianUncertainty = v.offsetUncertaintyNs();
                break;
            }
        }
        for (int i = 0; i < members.size(); i++)
        {
            final Verdict v = members.get(i);
            if (v.clockClass() == ClockClass.ERRATIC || !v.hasOffset())
            {
                continue;
            }
            final double sigma = Math.hypot(v.offsetUncertaintyNs(), medianUncertainty);
            if (Math.abs((double)v.offsetNs() - median) > Math.max(v.method().toleranceNs(), 3 * sigma))
            {
                disagreeing.add(i);
            }
        }
        disagreeing.sort(Integer::compare);
        final boolean agree = measured >= 2 && !erratic && disagreeing.isEmpty();
        return new NameAgreement(members.size(), measured, agree, median, spread, List.copyOf(disagreeing));
    }

    /**
     * @param ntp  the address's NTP verdict.
     * @param http the address's HTTP verdict (naive or boundary).
     * @return how they agree.
     */
    public static MethodAgreement compareMethods(final Verdict ntp, final Verdict http)
    {
        if (!ntp.hasOffset() || !http.hasOffset())
        {
            return new MethodAgreement(false, false, 0, 0, ntp.clockClass() == http.clockClass());
        }
        final long at = Math.max(ntp.offsetAtNs(), http.offsetAtNs());
        final double ntpOffset = carried(ntp, at);
        final double httpOffset = carried(http, at);
        final double sigma = Math.hypot(carriedSigma(ntp, at), carriedSigma(http, at));
        final double difference = httpOffset - ntpOffset;
        final long tolerance = Math.max(ntp.method().toleranceNs(), http.method().toleranceNs());
        final boolean agree = ntp.clockClass() != ClockClass.ERRATIC && http.clockClass() != ClockClass.ERRATIC &&
            Math.abs(difference) <= Math.max(tolerance, 3 * sigma);
        return new MethodAgreement(true, agree, clamp(difference), clamp(sigma),
            ntp.clockClass() == http.clockClass());
    }

    /**
     * @param verdict       the reference server's verdict.
     * @param listedStratum the stratum the list claims (1 or 2; used only to say which lists to hold it to).
     * @return what the server turned out to be.
     */
    public static ReferenceStatus checkReference(final Verdict verdict, final int listedStratum)
    {
        if (verdict.has(Tag.UNSYNC))
        {
            return ReferenceStatus.UNSYNCHRONISED;
        }
        if (!verdict.hasOffset())
        {
            return ReferenceStatus.UNUSABLE;
        }
        final ClockClass c = verdict.clockClass();
        final double limit = Math.max(verdict.method().toleranceNs(), 3.0 * verdict.offsetUncertaintyNs());
        final boolean off = Math.abs((double)verdict.offsetNs()) > limit;
        if (c == ClockClass.SYNCED)
        {
            return off ? ReferenceStatus.WRONG : ReferenceStatus.OK;
        }
        if (c == ClockClass.INSUFFICIENT)
        {
            return off ? ReferenceStatus.WRONG : ReferenceStatus.UNDECIDED;
        }
        return listedStratum >= 1 ? ReferenceStatus.WRONG : ReferenceStatus.UNDECIDED;
    }

    /**
     * @param verdicts       verdicts of listed reference servers.
     * @param listedStratums the stratum each is listed with.
     * @return indexes of the servers whose status is WRONG or UNSYNCHRONISED.
     */
    public static List<Integer> wrongReferences(final List<Verdict> verdicts, final int[] listedStratums)
    {
        final List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++)
        {
            final ReferenceStatus s = checkReference(verdicts.get(i), listedStratums[i]);
            if (s == ReferenceStatus.WRONG || s == ReferenceStatus.UNSYNCHRONISED)
            {
                wrong.add(i);
            }
        }
        return List.copyOf(wrong);
    }

    private static double carried(final Verdict v, final long atNs)
    {
        final double rate = v.clockClass() == ClockClass.STUCK || v.clockClass() == ClockClass.DRIFT ||
            v.clockClass() == ClockClass.RESET_DRIFT ? v.rateMinusOnePpm() * PPM : 0;
        return v.offsetNs() + rate * (atNs - v.offsetAtNs());
    }

    private static double carriedSigma(final Verdict v, final long atNs)
    {
        return Math.hypot(v.offsetUncertaintyNs(), v.rateSigmaPpm() * PPM * (atNs - v.offsetAtNs()));
    }

    private static long clamp(final double ns)
    {
        return (long)Math.max(-4e18, Math.min(4e18, ns));
    }
}
