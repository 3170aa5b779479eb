package org.timestudy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the demo writes: a new directory is made and marked; a previous demo's output is emptied; anything else is
 * left alone.
 */
class DemoOutputTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMakeAndMarkANewDirectory() throws Exception
    {
        final Path out = Demo.prepare(dir.resolve("a/b"));
        assertThat(out).isAbsolute().isDirectory();
        assertThat(out.resolve(Demo.MARKER)).exists();
    }

    @Test
    void shouldEmptyAPreviousDemosOutput() throws Exception
    {
        final Path out = Demo.prepare(dir.resolve("demo"));
        Files.createDirectories(out.resolve("dataset/observations"));
        Files.writeString(out.resolve("dataset/observations/x.parquet"), "x");
        Demo.prepare(dir.resolve("demo"));
        try (var files = Files.list(out))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Demo.MARKER);
        }
    }

    @Test
    void shouldRefuseADirectoryThatIsNotTheDemos() throws Exception
    {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> Demo.prepare(dir)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("is not a demo's output");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }
}
