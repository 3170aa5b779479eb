package org.timestudy.analyzer.ingest;

import org.timestudy.analyzer.classify.Verdict;

/**
 * One analysed series on its way to the analysis tables: whose it is, its verdict, and which of its changes or
 * components a row is written for. Mutable and reused.
 */
final class SeriesRow
{
    String probe;
    int address;
    Verdict verdict;
    long remeasureAfterNs;
    int index;

    SeriesRow set(final String probe, final int address, final Verdict verdict, final long remeasureAfterNs)
    {
        this.probe = probe;
        this.address = address;
        this.verdict = verdict;
        this.remeasureAfterNs = remeasureAfterNs;
        this.index = 0;
        return this;
    }
}
