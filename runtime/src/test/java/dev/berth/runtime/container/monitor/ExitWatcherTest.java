package dev.berth.runtime.container.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exits as conmon reports them, and the monitor that dies without reporting (a full disk kills it so). */
class ExitWatcherTest {
    @TempDir
    Path dir;

    @Test
    void anExitFileCompletesTheWait() throws Exception {
        try (ExitWatcher watcher = new ExitWatcher(dir.resolve("exits"))) {
            CompletableFuture<Integer> exit = watcher.await("abc", dir.resolve("persisted"), () -> true);
            Files.writeString(dir.resolve("exits/abc"), "3");
            assertEquals(3, exit.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aMonitorThatDiedWithoutAnExitFileFailsTheWaitWithTheReason() throws Exception {
        try (ExitWatcher watcher = new ExitWatcher(dir.resolve("exits"))) {
            AtomicBoolean alive = new AtomicBoolean(true);
            CompletableFuture<Integer> exit = watcher.await("gone", dir.resolve("persisted"), alive::get);
            alive.set(false);
            ExecutionException e = assertThrows(ExecutionException.class, () -> exit.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("conmon) ended without reporting"),
                    e.getCause().getMessage());
        }
    }

    @Test
    void aMonitorThatWroteItsCodeAndThenExitedIsAnOrdinaryExit() throws Exception {
        try (ExitWatcher watcher = new ExitWatcher(dir.resolve("exits"))) {
            Files.writeString(dir.resolve("persisted"), "0");
            CompletableFuture<Integer> exit = watcher.await("done", dir.resolve("persisted"), () -> false);
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        }
    }
}
