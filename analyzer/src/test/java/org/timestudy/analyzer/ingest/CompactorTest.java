package org.timestudy.analyzer.ingest;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.journal.Journal;
import org.timestudy.journal.JournalAppender;
import org.timestudy.journal.JournalException;
import org.timestudy.journal.JournalReader;
import org.timestudy.journal.RecordType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactorTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAddNothingWhenCompactedTwice() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        SurveyJournal.write(journal, 1, 30_000);
        final long ntp = countNtp(journal);

        final Compactor.Report first = compact(journal, dataset);
        final Compactor.Report second = compact(journal, dataset);

        assertThat(first.counts().ntp()).isEqualTo(ntp);
        assertThat(second.counts().records()).isZero();
        assertThat(second.lastIndex()).isEqualTo(first.lastIndex());
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);
        assertThat(Manifest.load(dataset.resolve(Manifest.FILE_NAME)).journals()).hasSize(1);
    }

    @Test
    void shouldAddOnlyNewRecordsWhenTheJournalGrew() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        final SurveyJournal survey = new SurveyJournal(3, 5000, 20_000);
        append(journal, survey, 10_000);
        final Compactor.Report first = compact(journal, dataset);
        append(journal, survey, 7_000);
        final Compactor.Report second = compact(journal, dataset);

        final long ntp = countNtp(journal);
        assertThat(first.counts().ntp() + second.counts().ntp()).isEqualTo(ntp);
        assertThat(second.afterIndex()).isEqualTo(first.lastIndex());
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);
        final Manifest m = Manifest.load(dataset.resolve(Manifest.FILE_NAME));
        assertThat(m.runs()).hasSize(2);
        assertThat(m.journals().get(0).counts().ntp()).isEqualTo(ntp);
    }

    @Test
    void shouldNotDuplicateWhenARunEndedBetweenRenamingFilesAndCommittingTheManifest() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        SurveyJournal.write(journal, 5, 20_000);
        final long ntp = countNtp(journal);
        final Manifest[] afterFirstCheckpoint = new Manifest[1];
        new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset).checkpointRecords(5_000)
            .onCheckpoint(r ->
            {
                if (afterFirstCheckpoint[0] == null)
                {
                    afterFirstCheckpoint[0] = Manifest.load(dataset.resolve(Manifest.FILE_NAME));
                }
            })).run();
        // The state a crash leaves after the later checkpoints renamed their files but before their manifests:
        afterFirstCheckpoint[0].store(dataset.resolve(Manifest.FILE_NAME));
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);

        final Compactor.Report rerun = compact(journal, dataset);

        assertThat(rerun.filesDeleted()).isPositive();
        assertThat(rerun.afterIndex()).isEqualTo(afterFirstCheckpoint[0].journals().get(0).lastIndex());
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);
    }

    @Test
    void shouldCompleteWithoutDuplicatesWhenACompactionIsKilledAndRerun() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        SurveyJournal.write(journal, 9, 400_000);
        final long ntp = countNtp(journal);
        final Process child = ChildJvm.start(CompactMain.class, dir.resolve("compact.log"), "--journal",
            journal.toString(), "--out", dataset.toString(), "--checkpoint-records", "50000", "--row-group-rows",
            "20000");
        final Path manifest = dataset.resolve(Manifest.FILE_NAME);
        try
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(manifest) && child.isAlive())
            {
                assertThat(System.nanoTime() - deadlineNs).as("first checkpoint in time").isNegative();
                Thread.onSpinWait();
            }
            assertThat(child.isAlive()).as("killed mid-run: the journal must be long enough").isTrue();
        }
        finally
        {
            ChildJvm.kill9(child);
        }
        final Manifest.JournalEntry cut = Manifest.load(manifest).journals().get(0);
        assertThat(cut.counts().ntp()).isPositive().isLessThan(ntp);

        final Compactor.Report rerun = compact(journal, dataset);

        assertThat(rerun.afterIndex()).isEqualTo(cut.lastIndex());
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);
        assertThat(tempFiles(dataset)).isEmpty();
        assertThat(Manifest.load(manifest).journals().get(0).counts().ntp()).isEqualTo(ntp);
    }

    @Test
    void shouldCompactEveryCompleteRecordOfAJournalCutByKill9() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        final Process writer = ChildJvm.start(JournalWriterMain.class, dir.resolve("writer.log"),
            journal.toString(), "11", "20000000");
        try
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (countRecords(journal) < 50_000)
            {
                assertThat(writer.isAlive()).as("writer running").isTrue();
                assertThat(System.nanoTime() - deadlineNs).as("writer progress in time").isNegative();
                Thread.onSpinWait();
            }
        }
        finally
        {
            ChildJvm.kill9(writer);
        }
        final long ntp = countNtp(journal);

        final Compactor.Report report = compact(journal, dataset);

        assertThat(report.counts().malformed()).isZero();
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);
        assertThat(DatasetAssertions.queryLong(dataset, Table.NTP_OBSERVATIONS,
            "SELECT count(*) FROM t WHERE mode <> 4 OR port <> 123 OR t4 < TIMESTAMP '2026-11-27'")).isZero();
    }

    @Test
    void shouldStopAtTheCurrentEndOfAJournalBeingWrittenAndFollowItWhenAsked() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        final SurveyJournal survey = new SurveyJournal(13, 5000, 20_000);
        append(journal, survey, 1_000);
        final Compactor follower = new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)
            .follow(true).checkpointIntervalS(1));
        final CompletableFuture<Compactor.Report> run = CompletableFuture.supplyAsync(follower::run);
        append(journal, survey, 2_000);
        final long ntp = countNtp(journal);
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committedNtp(dataset) < ntp)
        {
            assertThat(System.nanoTime() - deadlineNs).as("follow caught up in time").isNegative();
            Thread.onSpinWait();
        }
        follower.stop();
        final Compactor.Report report = run.get(60, TimeUnit.SECONDS);

        assertThat(report.counts().ntp()).isEqualTo(ntp);
        assertThat(DatasetAssertions.ntpRowsAndDistinct(dataset)).containsExactly(ntp, ntp);
        append(journal, survey, 500);
        final Compactor.Report more = compact(journal, dataset);
        assertThat(more.counts().ntp()).isEqualTo(countNtp(journal) - ntp);
    }

    @Test
    void shouldRefuseAnEmptyJournalAMissingOneAndAnotherFormat() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        assertThatThrownBy(() -> compact(journal, dataset)).isInstanceOf(JournalException.class)
            .hasMessageContaining("does not exist");
        Journal.openForWrite(journal).close();
        assertThatThrownBy(() -> compact(journal, dataset)).isInstanceOf(JournalException.class)
            .hasMessageContaining("is empty");
        Files.writeString(journal.resolve(Journal.MARKER_FILE), "format=timestudy-journal/0\n");
        assertThatThrownBy(() -> compact(journal, dataset)).isInstanceOf(JournalException.class)
            .hasMessageContaining("timestudy-journal/0");
        assertThat(dataset).doesNotExist();
    }

    @Test
    void shouldRefuseARecordOfAnotherLayoutVersionAndCommitNothingOfTheRun() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        final SurveyJournal survey = new SurveyJournal(17, 100, 20_000);
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            survey.appendNext(a);
            final int length = survey.encodeNext(a.buffer());
            a.buffer().putShort(2, (short)99, java.nio.ByteOrder.LITTLE_ENDIAN);
            a.append(length);
        }
        assertThatThrownBy(() -> compact(journal, dataset)).isInstanceOf(JournalException.class)
            .hasMessageContaining("layout version 99");
        assertThat(Files.exists(dataset.resolve(Manifest.FILE_NAME))).isFalse();
        assertThat(tempFiles(dataset)).isEmpty();
    }

    @Test
    void shouldCountRecordsOfUnknownTypeAndMalformedRecordsAsSkipped() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path dataset = dir.resolve("dataset");
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            new org.timestudy.journal.RecordFlyweight().wrap(a.buffer(), 0).type(77).version(RecordType.LAYOUT_VERSION)
                .length(32).scanId(1);
            a.append(32);
            new org.timestudy.journal.RecordFlyweight().wrap(a.buffer(), 0).type(RecordType.NTP_REPLY)
                .version(RecordType.LAYOUT_VERSION).length(40).scanId(1);
            a.append(40);
            a.append(new org.timestudy.journal.ScanEventFlyweight().wrap(a.buffer(), 0).encode(
                RecordType.SCAN_START, 1, 1, "{not json"));
        }

        final Compactor.Report report = compact(journal, dataset);

        assertThat(report.counts()).isEqualTo(new Manifest.Counts(0, 0, 0, 0, 1, 2));
        assertThat(Manifest.load(dataset.resolve(Manifest.FILE_NAME)).journals().get(0).counts())
            .isEqualTo(report.counts());
    }

    @Test
    void shouldKeepASecondCompactionOutOfADatasetBeingWritten()
    {
        try (Dataset ignored = Dataset.openForWrite(dir))
        {
            assertThatThrownBy(() -> Dataset.openForWrite(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another compaction");
        }
    }

    private static Compactor.Report compact(final Path journal, final Path dataset)
    {
        return new Compactor(new Compactor.Context().journalDir(journal).datasetDir(dataset)).run();
    }

    private static void append(final Path journal, final SurveyJournal survey, final int records)
    {
        try (ChronicleQueue q = Journal.openForWrite(journal); JournalAppender a = new JournalAppender(q))
        {
            for (int i = 0; i < records; i++)
            {
                survey.appendNext(a);
            }
        }
    }

    private static long committedNtp(final Path dataset)
    {
        final Path manifest = dataset.resolve(Manifest.FILE_NAME);
        if (!Files.exists(manifest))
        {
            return 0;
        }
        final List<Manifest.JournalEntry> journals = Manifest.load(manifest).journals();
        return journals.isEmpty() ? 0 : journals.get(0).counts().ntp();
    }

    private static long countNtp(final Path journal)
    {
        return count(journal, true);
    }

    private static long countRecords(final Path journal)
    {
        try
        {
            return count(journal, false);
        }
        catch (final JournalException ex)
        {
            // the writer has not finished writing the journal's marker yet
            return 0;
        }
    }

    private static long count(final Path journal, final boolean ntpOnly)
    {
        final long[] n = new long[1];
        try (ChronicleQueue q = Journal.openForRead(journal); JournalReader reader = new JournalReader(q))
        {
            while (reader.read((type, buffer, length, index) -> n[0] += !ntpOnly || type == RecordType.NTP_REPLY ?
                1 : 0, 4096) > 0)
            {
                // read to the end
            }
        }
        return n[0];
    }

    private static List<Path> tempFiles(final Path dataset) throws Exception
    {
        if (!Files.exists(dataset))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dataset))
        {
            return files.filter(p -> p.getFileName().toString().endsWith(DataFileName.TEMP_SUFFIX)).toList();
        }
    }
}
