package dev.berth.runtime.image.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter between attempts: 200 ms, 400 ms, 800 ms … capped at 10 s. */
final class Backoff {
    private final Duration base;
    private final Duration cap;

    Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    static Backoff standard() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    /** The delay before retry number {@code retry} (0-based), or {@code hint} (e.g. Retry-After) if larger and sane. */
    Duration delay(int retry, Duration hint) {
        long millis = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry, 20));
        // Jitter keeps parallel downloads that failed together from retrying in lockstep.
        millis = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
        if (hint != null && hint.toMillis() > millis) {
            millis = Math.min(hint.toMillis(), cap.toMillis());
        }
        return Duration.ofMillis(millis);
    }

    void sleep(int retry, Duration hint) {
        try {
            Thread.sleep(delay(retry, hint));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.berth.runtime.errors.EngineException("interrupted while waiting to retry", e);
        }
    }
}
