package org.timestudy.engine.status;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The once-a-second status line, in zmap's shape, and the same figures as a CSV row for {@code --status-file}:
 *
 * <pre>
 *   0:12 31% (0:26 left); send: 37500 3.10 Kp/s (3.12 Kp/s avg); recv: 1204 101 p/s (100 p/s avg);
 *   hitrate: 3.21%; pcap drops: 0; send fails: 0; invalid: 2
 * </pre>
 */
public final class StatusLine implements AutoCloseable
{
    /** CSV header of the status file. */
    public static final String CSV_HEADER = "elapsed_s,percent_done,eta_s,sent,sent_pps,sent_avg_pps,recv," +
        "recv_pps,recv_avg_pps,hitrate,pcap_drops,send_failures,invalid,t1_missing,journaled";

    private final Counters counters;
    private final long totalTargets;
    private final long resumedTargets;
    private final Writer csv;
    private long lastSent;
    private long lastRecv;
    private double lastElapsedS;

    /**
     * @param counters     the scan's counters.
     * @param totalTargets   targets over all rounds.
     * @param resumedTargets targets done before this run (a resumed scan), counted in the progress.
     * @param csvFile        where to write the CSV, or null.
     */
    public StatusLine(final Counters counters, final long totalTargets, final long resumedTargets, final Path csvFile)
    {
        this.counters = counters;
        this.totalTargets = Math.max(1, totalTargets);
        this.resumedTargets = resumedTargets;
        try
        {
            this.csv = csvFile == null ? null : Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
            if (csv != null)
            {
                csv.write(CSV_HEADER + "\n");
                csv.flush();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Prints one status line and appends one CSV row.
     *
     * @param elapsedS seconds since sending started.
     * @param out      where to print, or null for the CSV only.
     * @return warnings to print (drops above 5%, send failures above 1%), or null.
     */
    public String report(final double elapsedS, final PrintStream out)
    {
        final long sent = counters.get(EngineCounter.PROBES_SENT);
        final long done = counters.get(EngineCounter.TARGETS_DONE);
        final long recv = counters.get(EngineCounter.REPLIES_VALID);
        final long drops = counters.get(EngineCounter.PCAP_DROPS) + counters.get(EngineCounter.PCAP_IFDROPS);
        final long fails = counters.get(EngineCounter.SEND_FAILURES);
        final long captured = counters.get(EngineCounter.FRAMES_CAPTURED);
        final long invalid = counters.get(EngineCounter.DROP_WRONG_COOKIE) + counters.get(EngineCounter.DROP_WRONG_MODE) +
            counters.get(EngineCounter.DROP_WRONG_VERSION) +
            counters.get(EngineCounter.DROP_TRUNCATED) + counters.get(EngineCounter.DROP_OVERSIZED) +
            counters.get(EngineCounter.DROP_DUPLICATE) + counters.get(EngineCounter.DROP_NOT_IN_SCAN);
        final double dt = Math.max(1e-9, elapsedS - lastElapsedS);
        final double sentPps = (sent - lastSent) / dt;
        final double recvPps = (recv - lastRecv) / dt;
        final double sentAvg = sent / Math.max(1e-9, elapsedS);
        final double recvAvg = recv / Math.max(1e-9, elapsedS);
        final long progress = Math.min(resumedTargets + done, totalTargets);
        final double percent = 100.0 * progress / totalTargets;
        final double etaS = done == 0 ? Double.NaN : (totalTargets - progress) * elapsedS / done;
        final double hitrate = done == 0 ? 0 : 100.0 * recv / done;
        lastSent = sent;
        lastRecv = recv;
        lastElapsedS = elapsedS;
        if (out != null)
        {
            out.printf("%s %.0f%% (%s left); send: %d %s (%s avg); recv: %d %s (%s avg); hitrate: %.2f%%; " +
                "pcap drops: %d; send fails: %d; invalid: %d%n", clock(elapsedS), percent, clock(etaS), sent,
                rate(sentPps), rate(sentAvg), recv, rate(recvPps), rate(recvAvg), hitrate, drops, fails, invalid);
        }
        if (csv != null)
        {
            try
            {
                csv.write(String.format("%.3f,%.3f,%.1f,%d,%.1f,%.1f,%d,%.1f,%.1f,%.5f,%d,%d,%d,%d,%d%n", elapsedS,
                    percent, Double.isNaN(etaS) ? -1 : etaS, sent, sentPps, sentAvg, recv, recvPps, recvAvg,
                    hitrate / 100, drops, fails, invalid, counters.get(EngineCounter.T1_MISSING),
                    counters.get(EngineCounter.RECORDS_JOURNALED)));
                csv.flush();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        final StringBuilder warn = new StringBuilder();
        if (captured > 100 && drops > 0.05 * (captured + drops))
        {
            warn.append(String.format("warning: pcap dropped %.1f%% of frames (%d): lower the rate (-r)%n",
                100.0 * drops / (captured + drops), drops));
        }
        if (sent + fails > 100 && fails > 0.01 * (sent + fails))
        {
            warn.append(String.format("warning: %.1f%% of sends failed (%d)%n", 100.0 * fails / (sent + fails),
                fails));
        }
        return warn.length() == 0 ? null : warn.toString();
    }

    /**
     * @param seconds duration.
     * @return {@code m:ss} or {@code h:mm:ss}, {@code ?} when unknown.
     */
    public static String clock(final double seconds)
    {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds))
        {
            return "?";
        }
        final long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) :
            String.format("%d:%02d", s / 60, s % 60);
    }

    /**
     * @param pps packets per second.
     * @return e.g. {@code 3.10 Kp/s}.
     */
    public static String rate(final double pps)
    {
        if (pps >= 1e6)
        {
            return String.format("%.2f Mp/s", pps / 1e6);
        }
        if (pps >= 1e3)
        {
            return String.format("%.2f Kp/s", pps / 1e3);
        }
        return String.format("%.0f p/s", pps);
    }

    @Override
    public void close()
    {
        if (csv != null)
        {
            try
            {
                csv.close();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
