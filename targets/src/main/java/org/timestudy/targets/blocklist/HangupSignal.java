package org.timestudy.targets.blocklist;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans SIGHUP out to every opt-out list of this JVM. The JVM allows one handler per signal, so one handler is
 * installed, the first time a listener registers; listeners only set a flag that their reloader polls.
 */
final class HangupSignal
{
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile String installError;
    private static boolean installed;

    private HangupSignal()
    {
    }

    /**
     * @param listener called on the signal thread: it must only set a flag.
     * @return null if SIGHUP will reach the listener, else why not (e.g. the JVM runs with -Xrs).
     */
    static synchronized String register(final Runnable listener)
    {
        if (!installed)
        {
            installed = true;
            try
            {
                final SignalHandler previous = Signal.handle(new Signal("HUP"),
                    signal -> LISTENERS.forEach(Runnable::run));
                if (previous == SignalHandler.SIG_IGN)
                {
                    // A JVM started with SIGHUP ignored (nohup, or a parent's SIG_IGN) keeps it ignored, and says so
                    // only by returning SIG_IGN: the handler was not installed.
                    installError = "SIGHUP is ignored in this process (started under nohup, or by a parent that " +
                        "ignores it)";
                }
            }
            catch (final IllegalArgumentException | UnsupportedOperationException ex)
            {
                installError = "SIGHUP cannot be handled in this JVM: " + ex.getMessage();
            }
        }
        LISTENERS.add(listener);
        return installError;
    }

    static void unregister(final Runnable listener)
    {
        LISTENERS.remove(listener);
    }
}
