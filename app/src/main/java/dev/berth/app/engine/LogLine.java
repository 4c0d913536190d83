package dev.berth.app.engine;

import java.time.Instant;

/** One line of a container's log: which stream, when the engine received it, and the text (ANSI codes kept). */
public record LogLine(Stream stream, Instant time, String text) {

    /** Where a line came from; a container with a TTY has only one stream, reported as stdout. */
    public enum Stream {
        STDOUT, STDERR
    }
}
