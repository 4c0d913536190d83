package dev.berth.app.engine;

import java.time.Instant;

/**
 * What part of a log to read: {@code tail} last lines (negative: all), only lines after {@code since}
 * ({@code null}: from the start), and whether to keep following new lines.
 */
public record LogOptions(boolean follow, int tail, Instant since) {

    public static LogOptions followAll() {
        return new LogOptions(true, -1, null);
    }
}
