package org.timestudy.targets.resume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.ChildJvm;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real scanning process with SIGKILL twice, resumes it each time, and checks that over the three runs every
 * target was sent, and that each kill repeated at most one batch per sender thread.
 */
class ResumeAfterKillTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void shouldSkipNothingAndRepeatAtMostOneBatchPerThreadWhenKilledWithSigkill() throws Exception
    {
        final Path resume = dir.resolve("scan.resume");
        final long targets = KilledScanner.SPACE.size();

        final long[] committed = new long[KilledScanner.THREADS];
        killWhenSent(start(resume, 1, "fresh"), 1, targets / 5);
        checkInFlight(resume, 1, committed);
        killWhenSent(start(resume, 2, "resume"), 2, targets / 2);
        checkInFlight(resume, 2, committed);
        final Process last = start(resume, 3, "resume");
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(stderr(3)).isZero();

        final BitSet seen = new BitSet();
        final int[] repeatsPerThread = new int[KilledScanner.THREADS];
        long records = 0;
        for (int run = 1; run <= 3; run++)
        {
            for (int t = 0; t < KilledScanner.THREADS; t++)
            {
                final Path f = dir.resolve("run" + run + "-t" + t);
                if (!Files.exists(f))
                {
                    continue;
                }
                final byte[] bytes = Files.readAllBytes(f);
                // a kill in the middle of write() may leave a partial record: that batch was never committed
                final ByteBuffer b = ByteBuffer.wrap(bytes, 0, bytes.length - bytes.length % 8);
                while (b.hasRemaining())
                {
                    final int address = b.getInt();
                    assertThat(b.getInt()).isEqualTo(123);
                    final int index = Math.toIntExact(KilledScanner.SPACE.addresses().indexOf(address));
                    assertThat(index).isNotNegative();
                    if (seen.get(index))
                    {
                        repeatsPerThread[t]++;
                    }
                    seen.set(index);
                    records++;
                }
            }
        }
        assertThat(seen.cardinality()).as("targets sent at least once").isEqualTo((int)targets);
        for (int t = 0; t < KilledScanner.THREADS; t++)
        {
            assertThat(repeatsPerThread[t]).as("targets thread %d sent twice over two kills", t)
                .isLessThanOrEqualTo(2 * KilledScanner.BATCH);
        }
        assertThat(records - targets).isLessThanOrEqualTo(2L * KilledScanner.THREADS * KilledScanner.BATCH);
    }

    /**
     * At a kill, what a thread wrote in that run less what it committed in that run is the batch in flight: never
     * negative (a committed batch that was not sent would be skipped), at most one batch.
     */
    private void checkInFlight(final Path resume, final int run, final long[] committed) throws IOException
    {
        final ScanFingerprint fp = ScanFingerprint.of(
            org.timestudy.targets.permute.ScanOrder.of(KilledScanner.SPACE, KilledScanner.SEED), KilledScanner.THREADS);
        try (ResumeFile file = ResumeFile.resume(resume, fp))
        {
            for (int t = 0; t < KilledScanner.THREADS; t++)
            {
                final long produced = file.point(t).produced();
                final long written = Files.size(dir.resolve("run" + run + "-t" + t)) / 8;
                assertThat(written - (produced - committed[t])).as("run %d thread %d: records in flight", run, t)
                    .isBetween(0L, (long)KilledScanner.BATCH);
                assertThat(produced).as("run %d thread %d made progress", run, t).isGreaterThan(committed[t]);
                committed[t] = produced;
            }
        }
    }

    private Process start(final Path resume, final int run, final String mode) throws IOException
    {
        // the project's JVM flags, as Surefire gave them to this JVM (Agrona needs its --add-exports)
        final List<String> cmd = ChildJvm.command(KilledScanner.class, resume.toString(), dir.toString(),
            Integer.toString(run), mode);
        return new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("stderr" + run).toFile())
            .start();
    }

    private void killWhenSent(final Process p, final int run, final long targets) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sentBytes() < targets * 8)
        {
            assertThat(p.isAlive()).as("scanner ended before it was killed: " + stderr(run)).isTrue();
            assertThat(System.nanoTime() - deadline).as("scanner too slow").isNegative();
            Thread.onSpinWait();
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    private long sentBytes() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(f -> f.getFileName().toString().startsWith("run"))
                .map(Path::toFile).mapToLong(File::length).sum();
        }
    }

    private String stderr(final int run)
    {
        try
        {
            final Path f = dir.resolve("stderr" + run);
            return Files.exists(f) ? Files.readString(f) : "";
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }
}
