package org.timestudy.testbed.lab;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.timestudy.testbed.junit.LabExtension;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A lab comes up isolated and goes down leaving nothing: no namespace, no link, no process, no file. A lab left
 * behind by a dead JVM is cleaned up by the next one.
 */
@Tag("lab")
class LabLifecycleTest
{
    @BeforeEach
    void needsRoot()
    {
        if (!Lab.isRoot())
        {
            System.err.println("LabLifecycleTest: " + LabExtension.SKIP_REASON);
        }
        assumeTrue(Lab.isRoot(), LabExtension.SKIP_REASON);
    }

    @Test
    void shouldComeUpIsolatedAndGoDownLeavingNothing()
    {
        final Lab lab = Lab.up();
        final LabLayout layout = lab.layout();
        final List<Long> pids = lab.manifest().servers().stream().map(LabManifest.Server::pid).toList();
        try
        {
            lab.checkIsolated();
            assertThat(Lab.exists(layout)).isTrue();
            assertThat(pids).allMatch(LabLifecycleTest::alive);
            assertThat(Files.exists(lab.manifestFile())).isTrue();
            // No way out: the scanner's only routes are its link and the lab space.
            final String routes = lab.inScanner("ip", "route", "show").check().stdout();
            assertThat(routes).doesNotContain("default");
            assertThat(routes.lines().map(l -> l.split(" ")[0]).toList())
                .containsExactlyInAnyOrder(LabLayout.LAB_SPACE, "198.19.255.0/30");
            // A destination outside the lab has no route at all.
            assertThat(lab.inScanner("ip", "route", "get", "8.8.8.8").ok()).isFalse();
            assertThat(lab.inInternet("ip", "route", "get", "8.8.8.8").ok()).isFalse();
        }
        finally
        {
            lab.close();
        }
        assertLeftNothing(layout, pids);
    }

    @Test
    void shouldCleanUpALabLeftBehindByADeadOwner() throws Exception
    {
        final Lab lab = Lab.up();
        final LabLayout layout = lab.layout();
        final List<Long> pids = lab.manifest().servers().stream().map(LabManifest.Server::pid).toList();
        // Pretend the JVM that made it died: give it an owner that is no longer alive.
        final Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(layout.stateDir().resolve("owner"), dead.pid() + " 1");

        assertThat(Lab.downStale(System.err)).contains(layout.id());
        assertLeftNothing(layout, pids);
    }

    @Test
    void shouldRefuseABadId()
    {
        assertThatThrownBy(() -> new LabLayout("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabLayout("waytoolongid")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertLeftNothing(final LabLayout layout, final List<Long> pids)
    {
        assertThat(Lab.exists(layout)).as("namespaces or state dir of lab %s", layout.id()).isFalse();
        assertThat(Exec.run("ip", "netns", "list").stdout()).doesNotContain(layout.scannerNamespace())
            .doesNotContain(layout.internetNamespace());
        assertThat(Exec.run("ip", "-o", "link", "show").stdout()).doesNotContain(layout.scannerInterface())
            .doesNotContain(layout.internetInterface());
        assertThat(pids).noneMatch(LabLifecycleTest::alive);
        assertThat(Files.exists(layout.stateDir())).isFalse();
    }

    private static boolean alive(final long pid)
    {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
