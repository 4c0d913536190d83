package dev.berth.app.shell;

import java.time.Instant;

/** One notification: how serious, a short title, the detail (the engine's words for failures), and when. */
public record Notice(Level level, String title, String detail, Instant at) {
    /** Decides the toast's color and whether it stays until dismissed. */
    public enum Level {
        INFO, SUCCESS, WARNING, ERROR
    }
}
