package dev.berth.runtime.container.health;

import dev.berth.runtime.container.model.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Docker's health bookkeeping: how one probe result changes status, failing streak and the last-5 log. */
public final class HealthLedger {
    static final int LOG_SIZE = 5;

    private HealthLedger() {}

    /** The health a container has before its first probe. */
    public static RunState.Health starting(RunState.Health previous) {
        return new RunState.Health("starting", 0,
                previous == null || previous.log() == null ? List.of() : previous.log());
    }

    /**
     * Folds a probe into {@code h}. Success makes it healthy. A failure counts toward {@code retries} unless the
     * container is still in its start period and has never been healthy (moby's rule), and makes it unhealthy
     * once the streak reaches {@code retries}.
     */
    public static RunState.Health record(RunState.Health h, RunState.Probe probe, int retries, boolean inStartPeriod) {
        RunState.Health current = h == null ? starting(null) : h;
        List<RunState.Probe> log = new ArrayList<>(current.log() == null ? List.of() : current.log());
        log.add(probe);
        while (log.size() > LOG_SIZE) {
            log.removeFirst();
        }
        if (probe.exitCode() == 0) {
            return new RunState.Health("healthy", 0, List.copyOf(log));
        }
        if (inStartPeriod && current.status().equals("starting")) {
            return new RunState.Health(current.status(), current.failingStreak(), List.copyOf(log));
        }
        int streak = current.failingStreak() + 1;
        String status = streak >= retries ? "unhealthy" : current.status();
        return new RunState.Health(status, streak, List.copyOf(log));
    }

    /** A probe record with RFC 3339 times. */
    public static RunState.Probe probe(Instant start, Instant end, int exitCode, String output) {
        return new RunState.Probe(start.toString(), end.toString(), exitCode, output);
    }
}
