package org.timestudy.analyzer.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The analysis manifest, {@code analysis/_analysis.json}: which run's files are the dataset's current analysis, the
 * classifier settings it used, and what it read and wrote. Replaced atomically once every file of the run is in
 * place, so it never names a run whose files are incomplete; readers ({@code ./timestudy query}) read only the files
 * of the run it names.
 *
 * @param format     {@link #FORMAT}.
 * @param run        run id, part of every file name the run wrote ({@code part-RUN.parquet}).
 * @param startedAt  ISO-8601 UTC.
 * @param finishedAt ISO-8601 UTC.
 * @param settings   classifier settings: minSamples, minSpanNs, burstWindowNs, minDriftPpm, maxOffsetIntervalPpm.
 * @param rows       observation rows read.
 * @param series     series classified.
 * @param tableRows  rows written per analysis table (by directory).
 */
public record AnalysisManifest(
    String format,
    String run,
    String startedAt,
    String finishedAt,
    Map<String, Number> settings,
    long rows,
    long series,
    Map<String, Long> tableRows)
{
    /** Format of the analysis written by this code. */
    public static final String FORMAT = "timestudy-analysis/1";
    /** File name of the manifest inside the analysis directory. */
    public static final String FILE_NAME = "_analysis.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param dataset a dataset directory.
     * @return its current analysis, or null when it has none.
     * @throws IllegalArgumentException when the manifest is unreadable or of another format.
     */
    public static AnalysisManifest load(final Path dataset)
    {
        final Path file = dataset.resolve(Table.ANALYSIS_DIRECTORY).resolve(FILE_NAME);
        final AnalysisManifest m;
        try
        {
            m = MAPPER.readValue(Files.readAllBytes(file), AnalysisManifest.class);
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the analysis manifest " + file + ": " + ex.getMessage(),
                ex);
        }
        if (!FORMAT.equals(m.format()))
        {
            throw new IllegalArgumentException("analysis manifest " + file + " has format '" + m.format() +
                "', this version writes '" + FORMAT + "': run ./timestudy analyze again");
        }
        return m;
    }

    /**
     * @param table an analysis table.
     * @return the file of this run's rows of that table, relative to the dataset root.
     */
    public String file(final Table table)
    {
        return table.directory() + "/" + AnalysisFiles.fileName(run);
    }

    void store(final Path dataset)
    {
        final Path file = dataset.resolve(Table.ANALYSIS_DIRECTORY).resolve(FILE_NAME);
        final Path temp = file.resolveSibling("." + FILE_NAME + ".tmp");
        try
        {
            Files.write(temp, MAPPER.writeValueAsBytes(this));
            Dataset.syncFileAndMove(temp, file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
