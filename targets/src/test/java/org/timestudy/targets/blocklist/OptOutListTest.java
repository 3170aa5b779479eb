package org.timestudy.targets.blocklist;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.timestudy.targets.TargetInputException;
import org.timestudy.targets.TargetSpace;
import org.timestudy.targets.address.AddressRange;
import org.timestudy.targets.address.AddressSet;
import org.timestudy.targets.address.Ipv4;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptOutListTest
{
    /** The promise: an edit of the opt-out file is in force within one second. */
    private static final long BOUND_NS = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void shouldApplyEachEditWithinOneSecondWhileASenderIsReading() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("optout.txt"), "# nobody yet\n");
        final int a = Ipv4.parse("192.0.2.10");
        final int b = Ipv4.parse("192.0.2.20");
        try (OptOutList list = OptOutList.watch(file))
        {
            final SendGuard guard = SendGuard.of(AddressSet.EMPTY, list);
            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicLong checks = new AtomicLong();
            final AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            final Thread sender = new Thread(() ->
            {
                try
                {
                    while (!stop.get())
                    {
                        guard.isBlocked(a);
                        guard.isBlocked(b);
                        checks.incrementAndGet();
                    }
                }
                catch (final Throwable t)
                {
                    readerFailure.set(t);
                }
            });
            sender.start();
            assertThat(guard.isBlocked(a)).isFalse();

            // in-place rewrite, a new file renamed over it, a deletion of an entry: each within the bound
            assertThat(timeToTakeEffectNs(() -> Files.writeString(file, "192.0.2.10\n"),
                () -> guard.isBlocked(a))).isLessThan(BOUND_NS);
            final Path tmp = dir.resolve("optout.tmp");
            Files.writeString(tmp, "192.0.2.10\n192.0.2.16/28\n");
            assertThat(timeToTakeEffectNs(() -> Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE), () -> guard.isBlocked(b))).isLessThan(BOUND_NS);
            assertThat(timeToTakeEffectNs(() -> Files.writeString(file, "192.0.2.16/28\n"),
                () -> !guard.isBlocked(a))).isLessThan(BOUND_NS);
            // same size, same second: a rewrite the file's timestamp may not show
            assertThat(timeToTakeEffectNs(() -> Files.writeString(file, "192.0.2.32/28\n"),
                () -> !guard.isBlocked(b))).isLessThan(BOUND_NS);

            stop.set(true);
            sender.join();
            assertThat(readerFailure.get()).isNull();
            assertThat(checks.get()).isPositive();
            assertThat(list.reloads()).isEqualTo(4);
            assertThat(list.failedReloads()).isZero();
        }
    }

    @Test
    @Timeout(30)
    void shouldReloadOnSighupWithoutWaitingForThePoll() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("optout.txt"), "192.0.2.1\n");
        final int a = Ipv4.parse("198.51.100.7");
        try (OptOutList list = OptOutList.watch(file, TimeUnit.HOURS.toMillis(1)).start())
        {
            // HangupSignalTest covers a process that cannot get SIGHUP (started under nohup): it must say so.
            Assumptions.assumeTrue(list.hangupError() == null, () -> "SIGHUP cannot reach this JVM: " +
                list.hangupError());
            // the first poll runs at start; from now on only SIGHUP reloads
            awaitTrue(() -> list.current().ipv4().size() == 1);
            Files.writeString(file, "198.51.100.7\n");
            final long start = System.nanoTime();
            final Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid()))
                .inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            awaitTrue(() -> list.isBlocked(a));
            assertThat(System.nanoTime() - start).isLessThan(BOUND_NS);
            assertThat(list.reloads()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(30)
    void shouldKeepThePreviousListAndCountTheFailureWhenAnEditIsMalformed() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("optout.txt"), "192.0.2.1\n");
        try (OptOutList list = OptOutList.watch(file, 20).start())
        {
            Files.writeString(file, "192.0.2.1\n192.0.2.999\n");
            awaitTrue(() -> list.failedReloads() > 0);
            assertThat(list.isBlocked(Ipv4.parse("192.0.2.1"))).isTrue();
            assertThat(list.lastError()).contains(file + ":2: not an IPv4 address, CIDR or range: '192.0.2.999'")
                .contains("previous list stays in force");
            Files.delete(file);
            final long failures = list.failedReloads();
            awaitTrue(() -> list.failedReloads() > failures);
            assertThat(list.lastError()).contains("missing");
            assertThat(list.isBlocked(Ipv4.parse("192.0.2.1"))).isTrue();
        }
    }

    @Test
    void shouldRefuseAMissingOrMalformedListAtStart()
    {
        assertThatThrownBy(() -> OptOutList.watch(dir.resolve("nope.txt"), 100))
            .isInstanceOf(TargetInputException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> OptOutList.watch(Files.writeString(dir.resolve("bad.txt"), "x\n"), 100))
            .isInstanceOf(TargetInputException.class).hasMessageContaining("bad.txt:1:");
    }

    @Test
    void shouldGuardWithTheStaticBlocklistsToo() throws Exception
    {
        final TargetSpace space = new org.timestudy.targets.TargetSpaceBuilder().target("0.0.0.0/0").build();
        final Path file = Files.writeString(dir.resolve("optout.txt"), "8.8.8.0/24\n");
        try (OptOutList list = OptOutList.watch(file, 100))
        {
            final SendGuard guard = SendGuard.of(space, list);
            assertThat(guard.isBlocked(Ipv4.parse("10.0.0.1"))).isTrue();
            assertThat(guard.isBlocked(Ipv4.parse("8.8.8.8"))).isTrue();
            assertThat(guard.isBlocked(Ipv4.parse("8.8.4.4"))).isFalse();
            assertThat(SendGuard.of(AddressSet.of(AddressRange.parse("1.0.0.0/8")), null)
                .isBlocked(Ipv4.parse("1.2.3.4"))).isTrue();
        }
    }

    private interface Edit
    {
        void run() throws Exception;
    }

    private static long timeToTakeEffectNs(final Edit edit, final BooleanSupplier inForce) throws Exception
    {
        final long start = System.nanoTime();
        edit.run();
        awaitTrue(inForce);
        return System.nanoTime() - start;
    }

    private static void awaitTrue(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
