package dev.berth.runtime.container.lifecycle;

import java.util.StringJoiner;

/** Milliseconds spent in each phase of a container start, for the debug log: where start latency goes. */
final class StartTimer {
    private final StringJoiner phases = new StringJoiner(", ");
    private long last = System.nanoTime();

    /** Ends the phase named {@code phase}, which began at the previous mark (or at construction). */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    @Override
    public String toString() {
        return phases.toString();
    }
}
