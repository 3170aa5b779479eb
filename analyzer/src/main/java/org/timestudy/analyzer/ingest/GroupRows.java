package org.timestudy.analyzer.ingest;

import org.timestudy.analyzer.classify.Groups;
import org.timestudy.analyzer.classify.Verdict;

import org.timestudy.targets.address.Ipv4;

import java.util.List;

/**
 * Rows of the group tables, built once per group after every series is classified (few, so records).
 */
final class GroupRows
{
    private GroupRows()
    {
    }

    /**
     * One name and the clocks behind it.
     *
     * @param name      the name.
     * @param cnames    its CNAME chain, '>'-separated, or null.
     * @param probe     probe type compared.
     * @param addresses its IPv4 addresses.
     * @param agreement how their verdicts agree ({@code disagreeing} indexes into {@code addresses}).
     */
    record NameGroup(String name, String cnames, String probe, int[] addresses, Groups.NameAgreement agreement)
    {
    }

    /**
     * One listed reference server.
     *
     * @param address       its address.
     * @param name          the name it was listed under, or null.
     * @param listedStratum the stratum the list claims.
     * @param status        what it turned out to be (a {@link Groups.ReferenceStatus} name, or NOT_OBSERVED).
     * @param verdict       its NTP verdict, or null when not observed.
     */
    record Reference(int address, String name, int listedStratum, String status, Verdict verdict)
    {
    }

    /**
     * The NTP and HTTP clocks of one address.
     *
     * @param address   the address.
     * @param ntp       its NTP verdict.
     * @param http      its HTTP verdict.
     * @param agreement how they agree.
     */
    record MethodPair(int address, Verdict ntp, Verdict http, Groups.MethodAgreement agreement)
    {
    }

    /**
     * @param addresses addresses.
     * @param indexes   which of them, or null for all.
     * @return the chosen addresses as space-separated dotted quads.
     */
    static String dotted(final int[] addresses, final List<Integer> indexes)
    {
        final StringBuilder sb = new StringBuilder();
        final int n = indexes == null ? addresses.length : indexes.size();
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                sb.append(' ');
            }
            sb.append(Ipv4.format(addresses[indexes == null ? i : indexes.get(i)]));
        }
        return sb.toString();
    }
}
