package org.timestudy.analyzer.ingest;

import static org.timestudy.analyzer.ingest.MethodPairColumn.*;

/**
 * Writes one address's NTP-versus-HTTP comparison per row of {@link Table#METHOD_PAIRS}.
 */
final class MethodPairWriteSupport extends RowWriteSupport<GroupRows.MethodPair>
{
    private final byte[] addressText = new byte[Ipv4Text.MAX_LENGTH];

    MethodPairWriteSupport(final String runId)
    {
        super(Table.METHOD_PAIRS, AnalysisFiles.RUN_KEY, runId);
    }

    /** {@inheritDoc} */
    @Override
    public void write(final GroupRows.MethodPair p)
    {
        row.address(ADDRESS, p.address(), addressText);
        row.int32(ADDRESS_INT, p.address());
        row.text(NTP_CLASS, p.ntp().clockClass().label());
        row.text(HTTP_CLASS, p.http().clockClass().label());
        row.bool(COMPARED, p.agreement().compared());
        if (p.agreement().compared())
        {
            row.float64(DIFFERENCE_S, p.agreement().differenceNs() / 1e9);
            row.float64(DIFFERENCE_UNCERTAINTY_S, p.agreement().uncertaintyNs() / 1e9);
        }
        row.bool(AGREE, p.agreement().agree());
        row.bool(SAME_CLASS, p.agreement().sameClass());
        row.endRow();
    }
}
