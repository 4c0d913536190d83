package dev.berth.app.engine;

/** A container's load now, from one {@code GET /containers/{id}/stats?stream=false}: CPU percent of one core, memory. */
public record ContainerLoad(String id, double cpuPercent, long memoryBytes, long memoryLimitBytes) {}
