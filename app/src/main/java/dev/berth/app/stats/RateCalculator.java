package dev.berth.app.stats;

import dev.berth.app.engine.StatsSample;
import java.time.Duration;
import java.time.Instant;

/** Turns cumulative counters of consecutive samples into per-second rates (the first sample has none yet). */
final class RateCalculator {
    private static final double MIB = 1024.0 * 1024.0;
    private final Instant origin;
    private StatsSample previous;

    RateCalculator(Instant origin) {
        this.origin = origin;
    }

    StatsPoint next(StatsSample s) {
        double seconds = Duration.between(origin, s.time()).toMillis() / 1000.0;
        double rx = 0;
        double tx = 0;
        double read = 0;
        double write = 0;
        if (previous != null) {
            double dt = Math.max(0.001, Duration.between(previous.time(), s.time()).toMillis() / 1000.0);
            rx = rate(s.netRx(), previous.netRx(), dt);
            tx = rate(s.netTx(), previous.netTx(), dt);
            read = rate(s.blockRead(), previous.blockRead(), dt);
            write = rate(s.blockWrite(), previous.blockWrite(), dt);
        }
        previous = s;
        return new StatsPoint(seconds, s.cpuPercent(), s.memoryUsage() / MIB, s.memoryLimit() / MIB, rx, tx, read,
                write);
    }

    /** KiB/s; a counter that went backwards (the container restarted) counts as no traffic. */
    private static double rate(long now, long before, double seconds) {
        return now < before ? 0 : (now - before) / 1024.0 / seconds;
    }
}
