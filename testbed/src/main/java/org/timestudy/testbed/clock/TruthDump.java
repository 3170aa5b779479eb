package org.timestudy.testbed.clock;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Bulk ground truth: one JSON object per line for a range of addresses.
 */
public final class TruthDump
{
    private TruthDump()
    {
    }

    /**
     * @param population   the population.
     * @param firstAddress first address (IPv4 as an int).
     * @param count        number of consecutive addresses.
     * @param out          where the lines go.
     */
    public static void writeJsonLines(
        final Population population, final int firstAddress, final int count, final Appendable out)
    {
        try
        {
            for (int i = 0; i < count; i++)
            {
                out.append(population.truth(firstAddress + i).toJson()).append('\n');
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
