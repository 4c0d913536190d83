package dev.berth.app.dashboard;

/** A running container and its load now (CPU percent of one core; memory in bytes, limit 0 when none). */
public record BusyContainer(String id, String name, double cpuPercent, long memoryBytes, long memoryLimitBytes) {}
