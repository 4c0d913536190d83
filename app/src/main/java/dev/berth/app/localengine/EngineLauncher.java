package dev.berth.app.localengine;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One way of bringing the local engine up and down; {@link LocalEngineController} keeps the state around it. */
public interface EngineLauncher {
    /** How the engine is started, shown to the person so they know who runs it and where its log is. */
    enum Mode {
        DIRECT, PKEXEC, SERVICE, VM
    }

    Mode mode();

    /** Begins starting the engine and returns at once; the returned launch tells whether it has already failed. */
    Launch launch() throws IOException;

    /** Stops the engine and blocks until it is down: empty when it stopped, else the reason it could not, in words. */
    Optional<String> stop();

    /** Where the engine's log can be read: a file, or the command that shows it. */
    String logLocation();

    /** The last lines the engine logged since its latest start, to explain a failure. */
    List<String> lastLogLines();

    /** Something to know about the running engine (the Berth VM runs under emulation, say); else empty. */
    default String note() {
        return "";
    }

    /** Why an engine that was running is gone, in words, when the launcher knows (the VM was killed); else empty. */
    default String stoppedReason() {
        return "";
    }

    /** {@link #stoppedReason()} once it is on record, which for a VM is a moment after its socket went quiet. */
    default CompletableFuture<String> stoppedReasonWhenKnown() {
        return CompletableFuture.completedFuture(stoppedReason());
    }

    /** A start under way. */
    @FunctionalInterface
    interface Launch {
        /** Empty while the start may still succeed; the reason once it no longer can. */
        Optional<String> failure();

        /** How far the start got, in words ("Starting the engine"), for a start that takes a while; else empty. */
        default String progress() {
            return "";
        }
    }
}
