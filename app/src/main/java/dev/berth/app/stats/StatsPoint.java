package dev.berth.app.stats;

/**
 * One point of the charts: seconds since the view started following, CPU %, memory and its limit in MiB, and IO
 * rates in KiB/s computed from the engine's cumulative counters.
 */
public record StatsPoint(double seconds, double cpuPercent, double memoryMiB, double memoryLimitMiB, double netRxKiBs,
        double netTxKiBs, double blockReadKiBs, double blockWriteKiBs) {}
