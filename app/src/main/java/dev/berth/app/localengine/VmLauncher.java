package dev.berth.app.localengine;

import dev.berth.machine.BootProgress;
import dev.berth.machine.MachineControl;
import dev.berth.machine.MachineState;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Berth engine inside the Berth VM: started through the machine module as {@code berth machine start} does, in
 * a host process of its own that serves the engine socket and outlives the window (so the docker CLI keeps working
 * when the app is closed). The boot's stages are the launch's progress; a failed boot's reason and the VM console's
 * last lines are what the app shows.
 */
public final class VmLauncher implements EngineLauncher {
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final MachineControl machine;

    public VmLauncher(MachineControl machine) {
        this.machine = machine;
    }

    public MachineControl machine() {
        return machine;
    }

    @Override
    public Mode mode() {
        return Mode.VM;
    }

    @Override
    public Launch launch() throws IOException {
        AtomicReference<String> progress = new AtomicReference<>("");
        AtomicReference<Optional<String>> failure = new AtomicReference<>(Optional.empty());
        Thread.ofVirtual().name("berth-vm-start").start(() -> {
            try {
                machine.start(BOOT_TIMEOUT, progress::set).ifPresent(reason -> failure.set(Optional.of(reason)));
            } catch (IOException | RuntimeException e) {
                failure.set(Optional.of(e.getMessage()));
            }
        });
        return new Launch() {
            @Override
            public Optional<String> failure() {
                return failure.get();
            }

            @Override
            public String progress() {
                return progress.get();
            }
        };
    }

    @Override
    public Optional<String> stop() {
        return machine.stop(STOP_TIMEOUT) ? Optional.empty()
                : Optional.of("The Berth VM did not stop within " + STOP_TIMEOUT.toSeconds() + " s.");
    }

    @Override
    public String logLocation() {
        return machine.paths().consoleLog().toString();
    }

    /** The VM console's last lines; a note from the machine (TCG instead of KVM, say) comes first. */
    @Override
    public List<String> lastLogLines() {
        try {
            String console = Files.exists(machine.paths().consoleLog()) ? Files.readString(machine.paths().consoleLog())
                    : "";
            return BootProgress.tail(console, 20);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The machine's own note (the accelerator it fell back from, a full disk), empty if none. */
    @Override
    public String note() {
        MachineState s = machine.status();
        return s.failed() ? "" : s.message();
    }

    /** The host process records why its VM died and then ends: its end is when the reason is on record. */
    @Override
    public java.util.concurrent.CompletableFuture<String> stoppedReasonWhenKnown() {
        return ProcessHandle.of(machine.status().hostPid())
                .map(host -> host.onExit().thenApply(gone -> stoppedReason()))
                .orElseGet(() -> java.util.concurrent.CompletableFuture.completedFuture(stoppedReason()));
    }

    /** The machine's failure ("the VM stopped unexpectedly …") once its host process recorded one. */
    @Override
    public String stoppedReason() {
        MachineState s = machine.status();
        // The first line: the console's tail that follows it is the log's to show.
        if (!s.failed()) {
            return "";
        }
        String first = s.message().lines().findFirst().orElse("").replaceFirst("; its console's last lines:$", "");
        return first.isEmpty() ? "" : Character.toUpperCase(first.charAt(0)) + first.substring(1) + ".";
    }
}
