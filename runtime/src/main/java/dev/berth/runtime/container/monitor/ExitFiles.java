package dev.berth.runtime.container.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the exit code conmon writes when a container (or exec session) ends: a decimal number, 128+signal
 * when killed, -1 when conmon could not tell. This is how exit is detected without the engine being the
 * parent: conmon is the subreaper, and the file outlives both conmon and the engine.
 */
public final class ExitFiles {
    private static final Duration POLL = Duration.ofMillis(100);

    private ExitFiles() {}

    /** The code in {@code file}, or empty while it does not exist (or is still being written). */
    public static OptionalInt read(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Completes with the exit code once any of {@code files} appears. Polls (cheaply, on a virtual thread)
     * rather than using a WatchService, because the exit file is written by g_file_set_contents as a rename
     * from a temp file and the dir may not exist yet after an engine restart.
     */
    public static CompletableFuture<Integer> await(Path... files) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread.ofVirtual().name("exit-watch-" + files[0].getFileName()).start(() -> {
            while (!result.isDone()) {
                for (Path f : files) {
                    OptionalInt code = read(f);
                    if (code.isPresent()) {
                        result.complete(code.getAsInt());
                        return;
                    }
                }
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    result.cancel(false);
                    return;
                }
            }
        });
        return result;
    }
}
