package org.timestudy.targets.blocklist;

import java.nio.file.Path;

/**
 * Child-JVM main for {@link HangupSignalTest}: prints why SIGHUP cannot reload an opt-out list in this process, or
 * "null" when it can.
 */
public final class HangupProbe
{
    private HangupProbe()
    {
    }

    /**
     * @param args the opt-out file.
     */
    public static void main(final String[] args)
    {
        try (OptOutList list = OptOutList.watch(Path.of(args[0])))
        {
            System.out.println(list.hangupError());
        }
    }
}
