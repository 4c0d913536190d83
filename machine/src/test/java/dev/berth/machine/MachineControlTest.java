package dev.berth.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineControlTest {
    @TempDir
    Path home;

    @Test
    void aHostThatEndsWithoutRecordingAStateIsAFailureWithItsLastLogLineNotAWaitUntilTheTimeout() throws Exception {
        MachinePaths paths = new MachinePaths(home, "berth");
        MachineControl control = new MachineControl(paths,
                List.of("sh", "-c", "echo 'berth machine: the machine '\"$1\"' is already running' >&2; exit 1",
                        "host"));
        long start = System.nanoTime();
        Optional<String> failure = control.start(Duration.ofMinutes(5), stage -> {});
        assertEquals(Optional
                .of("the machine's host process ended at once: berth machine: the machine berth is already running"),
                failure);
        assertTrue(System.nanoTime() - start < Duration.ofMinutes(1).toNanos(), "reported as soon as the host ended");
    }

    @Test
    void aStartWaitsForTheHostOfAVmThatJustDiedToExitBeforeLaunchingAnother() throws Exception {
        MachinePaths paths = new MachinePaths(home, "berth");
        Process dying = new ProcessBuilder("sleep", "2").start();
        new MachineState("failed", "", "the VM stopped unexpectedly", dying.pid(), 0, "", "", 0,
                System.currentTimeMillis())
                .write(paths.state());
        Path launchedAfter = home.resolve("launched-after-exit");
        MachineControl control = new MachineControl(paths, List.of("sh", "-c",
                "if kill -0 " + dying.pid() + " 2>/dev/null; then echo taken; else echo free > " + launchedAfter
                        + "; fi; exit 1",
                "host"));
        control.start(Duration.ofMinutes(1), stage -> {});
        assertTrue(java.nio.file.Files.exists(launchedAfter), "the new host ran after the old one had exited");
    }
}
