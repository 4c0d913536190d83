package dev.berth.runtime.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * How berthd's start divides its time, logged once it serves: from the process's start (the JVM's own start-up)
 * through each phase of the engine's set-up to the first socket listening. What a faster start has to cut is read
 * off this line ({@code berthd started in 1234 ms: jvm 310, images 40, networks 420, …}).
 */
final class StartupPhases {
    private final LongSupplier nanos;
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long last;

    /** Counted from this process's start; the time before the first mark is the JVM's ("jvm"). */
    static StartupPhases sinceProcessStart() {
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(0L);
        return new StartupPhases(System::nanoTime, Math.max(0, sinceStart));
    }

    StartupPhases(LongSupplier nanos, long millisBeforeMain) {
        this.nanos = nanos;
        this.last = nanos.getAsLong();
        millis.put("jvm", millisBeforeMain);
    }

    /** Ends the phase called {@code name} now. */
    void mark(String name) {
        long now = nanos.getAsLong();
        millis.merge(name, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    long totalMillis() {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "started in T ms: jvm A, phase B, …". */
    String summary() {
        StringJoiner parts = new StringJoiner(", ");
        millis.forEach((name, ms) -> parts.add(name + " " + ms));
        return "started in " + totalMillis() + " ms: " + parts;
    }
}
