package dev.berth.runtime.container.xray;

/**
 * The container's cgroup: where it is, which cgroup version holds its limits, and limits beside usage. Limits are 0
 * (memory, pids) or -1 (cpu quota) when unlimited; {@code cpuShares} is cpu.shares on v1, cpu.weight on v2
 * ({@code cpuWeightScale} says which).
 */
public record CgroupLimits(String version, String path, long memoryLimitBytes, long memoryUsageBytes,
        long cpuQuotaMicros, long cpuPeriodMicros, long cpuShares, String cpuWeightScale,
        long pidsMax, long pidsCurrent) {}
