package org.timestudy.targets.resume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.permute.ScanOrder;
import org.timestudy.targets.permute.Walk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumeFileTest
{
    private static final TargetSpace SPACE = TargetSpace.of(AddressSet.of(AddressRange.parse("10.0.0.0/16")), 123);

    @TempDir
    Path dir;

    @Test
    void shouldReturnTheLastCommitOfEachThread()
    {
        final ScanOrder order = ScanOrder.of(SPACE, 11, 2, 0, 0);
        final ScanFingerprint fp = ScanFingerprint.of(order, 3);
        final Path path = dir.resolve("scan.resume");
        try (ResumeFile file = ResumeFile.create(path, fp))
        {
            assertThat(file.point(2)).isEqualTo(ResumePoint.START);
            file.commit(0, 10, 7);
            file.commit(0, 25, 19);
            file.commit(2, 4, 4);
            assertThat(file.point(0)).isEqualTo(new ResumePoint(25, 19));
        }
        try (ResumeFile file = ResumeFile.resume(path, fp))
        {
            assertThat(file.point(0)).isEqualTo(new ResumePoint(25, 19));
            assertThat(file.point(1)).isEqualTo(ResumePoint.START);
            assertThat(file.point(2)).isEqualTo(new ResumePoint(4, 4));
            file.commit(0, 40, 30);
            assertThat(file.point(0)).isEqualTo(new ResumePoint(40, 30));
            final Walk walk = file.walk(order, 0);
            assertThat(walk.position()).isEqualTo(40);
            assertThat(walk.produced()).isEqualTo(30);
        }
    }

    @Test
    void shouldFallBackToThePreviousCommitWhenTheLastWasCutShort() throws Exception
    {
        final ScanOrder order = ScanOrder.of(SPACE, 11);
        final Path path = dir.resolve("scan.resume");
        try (ResumeFile file = ResumeFile.create(path, ScanFingerprint.of(order, 1)))
        {
            file.commit(0, 10, 5);
            file.commit(0, 20, 9);
        }
        // a third commit (sequence 3, copy 1) that died after its begin sequence and position were stored
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            final int copy = ResumeFile.HEADER_LENGTH + ResumeFile.COPY_LENGTH;
            ch.write(ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putLong(3).putLong(999).flip(), copy);
        }
        try (ResumeFile file = ResumeFile.resume(path, ScanFingerprint.of(order, 1)))
        {
            assertThat(file.point(0)).isEqualTo(new ResumePoint(20, 9));
            file.commit(0, 30, 12);
            assertThat(file.point(0)).isEqualTo(new ResumePoint(30, 12));
        }
    }

    @Test
    void shouldRefuseToResumeADifferentScan()
    {
        final Path path = dir.resolve("scan.resume");
        ResumeFile.create(path, ScanFingerprint.of(ScanOrder.of(SPACE, 1, 4, 2, 0), 2)).close();

        assertThatThrownBy(() -> ResumeFile.resume(path, ScanFingerprint.of(ScanOrder.of(SPACE, 2, 4, 2, 0), 2)))
            .isInstanceOf(TargetInputException.class).hasMessageContaining("different scan")
            .hasMessageContaining("seed was 1, is 2");
        final TargetSpace sameSize = TargetSpace.of(AddressSet.of(AddressRange.parse("10.1.0.0/16")), 123);
        assertThatThrownBy(() -> ResumeFile.resume(path,
            ScanFingerprint.of(ScanOrder.of(sameSize, 1, 4, 2, 0), 2)))
            .hasMessageContaining("target set (same size, different addresses or ports)");
        assertThatThrownBy(() -> ResumeFile.resume(path, ScanFingerprint.of(ScanOrder.of(SPACE, 1, 4, 3, 0), 2)))
            .hasMessageContaining("--shard was 2, is 3");
        assertThatThrownBy(() -> ResumeFile.resume(path, ScanFingerprint.of(ScanOrder.of(SPACE, 1, 4, 2, 0), 3)))
            .hasMessageContaining("sender threads was 2, is 3");
        assertThatThrownBy(() -> ResumeFile.resume(path, ScanFingerprint.of(ScanOrder.of(SPACE, 1, 4, 2, 99), 2)))
            .hasMessageContaining("--max-targets was 0, is 99");
    }

    @Test
    void shouldRefuseAFileThatIsNotAResumeFile() throws Exception
    {
        final Path path = Files.write(dir.resolve("junk"), new byte[200]);
        final ScanFingerprint fp = ScanFingerprint.of(ScanOrder.of(SPACE, 1), 1);
        assertThatThrownBy(() -> ResumeFile.resume(path, fp))
            .isInstanceOf(TargetInputException.class).hasMessageContaining("not a timestudy resume file");
        assertThatThrownBy(() -> ResumeFile.resume(dir.resolve("none"), fp))
            .isInstanceOf(TargetInputException.class).hasMessageContaining("no resume file");
    }
}
