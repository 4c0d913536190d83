package dev.berth.runtime.container.monitor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record of conmon's k8s-file log: when, which stream (1 stdout, 2 stderr), and the bytes. A full
 * record ({@code F}) ends a line and its {@code data} includes the newline; a partial one ({@code P}) is a
 * piece of a longer line (or output that ended without a newline) and does not.
 */
public record LogLine(Instant time, int stream, boolean partial, byte[] data) {
    /** The payload as UTF-8 text, for tests and humans. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
