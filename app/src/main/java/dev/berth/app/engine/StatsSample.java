package dev.berth.app.engine;

import java.time.Instant;

/**
 * One reading of {@code GET /containers/{id}/stats}: CPU as a percentage of one core times the cores used (as
 * {@code docker stats} shows it), memory against its limit, and cumulative network and block IO byte counters.
 */
public record StatsSample(Instant time, double cpuPercent, long memoryUsage, long memoryLimit, long netRx, long netTx,
        long blockRead, long blockWrite, long pids) {

    /** Memory as a percentage of the limit, 0 when there is none. */
    public double memoryPercent() {
        return memoryLimit <= 0 ? 0 : 100.0 * memoryUsage / memoryLimit;
    }
}
