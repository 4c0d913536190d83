package dev.berth.runtime.container.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where a container is in its life (moby's State): created → running (⇄ paused) → exited, maybe restarting,
 * and the facts of its last run. Guard methods say which operations make sense now.
 */
public record RunState(
        Status status,
        long pid,
        int exitCode,
        boolean oomKilled,
        String error,
        String startedAt,
        String finishedAt,
        Health health) {

    /** Docker's status words, as {@code docker ps} prints them. */
    public enum Status {
        CREATED("created"), RUNNING("running"), PAUSED("paused"), RESTARTING("restarting"), REMOVING(
                "removing"), EXITED("exited"), DEAD("dead");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Health of a container with a healthcheck: starting, healthy or unhealthy, with the last probes. */
    public record Health(String status, int failingStreak, java.util.List<Probe> log) {}

    /** One healthcheck run. */
    public record Probe(String start, String end, int exitCode, String output) {}

    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /** A container that was created and never started. */
    public static RunState created() {
        return new RunState(Status.CREATED, 0, 0, false, "", ZERO_TIME, ZERO_TIME, null);
    }

    @JsonIgnore
    public boolean isRunning() {
        return status == Status.RUNNING || status == Status.PAUSED || status == Status.RESTARTING;
    }

    @JsonIgnore
    public boolean isPaused() {
        return status == Status.PAUSED;
    }

    @JsonIgnore
    public boolean canStart() {
        return status == Status.CREATED || status == Status.EXITED;
    }

    public RunState running(long pid, String startedAt) {
        return new RunState(Status.RUNNING, pid, 0, false, "", startedAt, ZERO_TIME,
                health == null ? null : new Health("starting", 0, health.log()));
    }

    public RunState exited(int code, boolean oom, String finishedAt, String error) {
        return new RunState(Status.EXITED, 0, code, oom, error == null ? "" : error, startedAt, finishedAt,
                health == null ? null : new Health("unhealthy", health.failingStreak(), health.log()));
    }

    public RunState withStatus(Status s) {
        return new RunState(s, pid, exitCode, oomKilled, error, startedAt, finishedAt, health);
    }

    public RunState withHealth(Health h) {
        return new RunState(status, pid, exitCode, oomKilled, error, startedAt, finishedAt, h);
    }

    public RunState withError(String e) {
        return new RunState(status, pid, exitCode, oomKilled, e, startedAt, finishedAt, health);
    }
}
