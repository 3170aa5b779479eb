package org.timestudy.analyzer.query;

import java.util.List;

/**
 * Queries worth knowing, printed by {@code ./timestudy query --examples}. Each is tested against a real dataset.
 */
public final class ExampleQueries
{
    /**
     * One example.
     *
     * @param name  short name.
     * @param title what it answers.
     * @param sql   the query.
     */
    public record Example(String name, String title, String sql)
    {
    }

    /** Every example, in the order printed. */
    public static final List<Example> ALL = List.of(
        new Example("off-by-1s", "Hosts off by more than 1 s (latest observation of each), worst first",
            "SELECT address, stratum, refid, round(offset_s, 3) AS offset_s, round(delay_s, 4) AS delay_s, t4\n" +
            "FROM latest WHERE abs(offset_s) > 1 ORDER BY abs(offset_s) DESC LIMIT 20"),
        new Example("offset-bands", "Offset distribution in bands (latest observation of each host)",
            "SELECT CASE WHEN abs(offset_s) <= 0.1 THEN '1: <= 0.1 s'\n" +
            "            WHEN abs(offset_s) <= 1 THEN '2: 0.1 s - 1 s'\n" +
            "            WHEN abs(offset_s) <= 60 THEN '3: 1 s - 1 min'\n" +
            "            WHEN abs(offset_s) <= 3600 THEN '4: 1 min - 1 h'\n" +
            "            ELSE '5: > 1 h' END AS band,\n" +
            "       count(*) AS hosts, round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS percent\n" +
            "FROM latest WHERE offset_s IS NOT NULL GROUP BY band ORDER BY band"),
        new Example("off-shares", "Share of hosts off by more than 0.1 s, 1 s, 1 min and 1 h (latest observation)",
            "SELECT count(*) AS hosts,\n" +
            "       round(100.0 * count(*) FILTER (WHERE abs(offset_s) > 0.1) / count(*), 2) AS pct_over_100ms,\n" +
            "       round(100.0 * count(*) FILTER (WHERE abs(offset_s) > 1) / count(*), 2) AS pct_over_1s,\n" +
            "       round(100.0 * count(*) FILTER (WHERE abs(offset_s) > 60) / count(*), 2) AS pct_over_1min,\n" +
            "       round(100.0 * count(*) FILTER (WHERE abs(offset_s) > 3600) / count(*), 2) AS pct_over_1h\n" +
            "FROM latest WHERE offset_s IS NOT NULL"),
        new Example("strata", "Stratum histogram (latest observation of each host)",
            "SELECT stratum, count(*) AS hosts, bar(count(*), 0, max(count(*)) OVER (), 30) AS histogram\n" +
            "FROM latest GROUP BY stratum ORDER BY stratum"),
        new Example("kiss-codes", "Kiss-o'-Death codes and how many hosts sent each",
            "SELECT refid AS kiss_code, count(DISTINCT address_int) AS hosts FROM observations\n" +
            "WHERE kiss_of_death GROUP BY refid ORDER BY hosts DESC"),
        new Example("http-off-by-1s", "HTTP: hosts whose Date is off by more than 1 s beyond its error bound " +
            "(latest response per address and scheme), worst first",
            "SELECT name, address, scheme, round(offset_s, 3) AS offset_s, round(offset_error_s, 3) AS error_s,\n" +
            "       server, date_raw, cached FROM (\n" +
            "  SELECT * FROM observations WHERE probe = 'http' AND offset_s IS NOT NULL\n" +
            "  QUALIFY row_number() OVER (PARTITION BY address, scheme ORDER BY t4 DESC) = 1)\n" +
            "WHERE abs(offset_s) > 1 + offset_error_s ORDER BY abs(offset_s) DESC LIMIT 20"),
        new Example("http-outcomes", "HTTP: outcomes and Date forms per mode and scheme",
            "SELECT http_mode, scheme, outcome, date_form, count(*) AS probes, count(DISTINCT address) AS hosts\n" +
            "FROM observations WHERE probe = 'http' GROUP BY ALL ORDER BY ALL"),
        new Example("scans", "Scans with their parameters and final counters",
            "SELECT scan_id, started, ended, parameters, counters FROM scans ORDER BY started"),
        new Example("per-day", "Observations and distinct hosts per probe type and day",
            "SELECT probe, date, count(*) AS observations, count(DISTINCT address_int) AS hosts\n" +
            "FROM observations GROUP BY ALL ORDER BY ALL"));

    private ExampleQueries()
    {
    }

    /**
     * @return every example as text: a comment line with its name and title, then the query and a semicolon.
     */
    public static String text()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Example e : ALL)
        {
            sb.append("-- ").append(e.name()).append(": ").append(e.title()).append('\n').append(e.sql())
                .append(";\n\n");
        }
        return sb.toString();
    }
}
