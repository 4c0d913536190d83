package dev.berth.runtime.container.monitor;

import java.time.Instant;

/**
 * Which log records to return, as `docker logs` asks: streams, a time window (since inclusive, until
 * exclusive, null for open), the last {@code tail} lines (negative for all), and whether to follow.
 */
public record LogQuery(boolean stdout, boolean stderr, Instant since, Instant until, int tail, boolean follow) {
    /** Everything, both streams, no follow. */
    public static LogQuery all() {
        return new LogQuery(true, true, null, null, -1, false);
    }

    public LogQuery following() {
        return new LogQuery(stdout, stderr, since, until, tail, true);
    }

    public LogQuery withTail(int lines) {
        return new LogQuery(stdout, stderr, since, until, lines, follow);
    }

    boolean wants(LogLine line) {
        if (line.stream() == 1 ? !stdout : !stderr) {
            return false;
        }
        if (since != null && line.time().isBefore(since)) {
            return false;
        }
        return until == null || line.time().isBefore(until);
    }
}
