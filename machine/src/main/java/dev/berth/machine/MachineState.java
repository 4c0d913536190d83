package dev.berth.machine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the host process of a machine says about it, in {@code state.json}: the CLI and the app read it to show
 * progress and errors without talking to the process.
 *
 * @param state       {@code starting}, {@code running}, {@code stopping}, {@code stopped}, {@code failed}
 * @param stage       while starting, the boot stage in words ({@link BootProgress})
 * @param message     a failure's reason in words, or a note (the accelerator fell back to TCG)
 * @param hostPid     the host process, or 0
 * @param accelerator how the guest's CPU runs ({@code tcg}, {@code kvm}, …)
 * @param bootMillis  how long the last boot took to the engine's first answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineState(String state, String stage, String message, long hostPid, int apiPort, String socket,
        String accelerator, long bootMillis, long updatedAtMillis) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static MachineState stopped() {
        return new MachineState("stopped", "", "", 0, 0, "", "", 0, System.currentTimeMillis());
    }

    public boolean running() {
        return state.equals("running");
    }

    public boolean failed() {
        return state.equals("failed");
    }

    /** Reads the state, {@link #stopped()} when there is none. */
    public static MachineState read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), MachineState.class);
        } catch (NoSuchFileException e) {
            return stopped();
        } catch (IOException e) {
            return new MachineState("failed", "",
                    "the machine's state file " + file + " is unreadable: " + e.getMessage(),
                    0, 0, "", "", 0, System.currentTimeMillis());
        }
    }

    /** Writes it atomically. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MachineException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public MachineState with(String newState, String newStage, String newMessage) {
        return new MachineState(newState, newStage, newMessage, hostPid, apiPort, socket, accelerator, bootMillis,
                System.currentTimeMillis());
    }

    /** This machine failed for {@code reason}, as the host process {@code pid} saw it. */
    public MachineState failed(long pid, String reason) {
        return new MachineState("failed", "", reason, pid, apiPort, socket, accelerator, 0, System.currentTimeMillis());
    }
}
