package dev.berth.app.engine;

/**
 * One sample of a container's resource use as {@code docker stats} shows it: CPU in percent of one core (so 4 busy
 * cores read 400 %), memory in use without the page cache, and the memory limit.
 */
public record ContainerStats(double cpuPercent, long memoryBytes, long memoryLimitBytes) {

    /**
     * The docker CLI's arithmetic: the container's CPU time since the previous sample over the host's, times the
     * number of CPUs; memory usage minus the inactive file cache (cgroup v2 {@code inactive_file}, v1
     * {@code total_inactive_file}). A first sample with no previous one reads 0 %.
     */
    public static ContainerStats compute(long cpuTotal, long previousCpuTotal, long systemTotal,
            long previousSystemTotal, long onlineCpus, long memoryUsage,
            long inactiveFile, long memoryLimit) {
        double cpu = 0;
        long cpuDelta = cpuTotal - previousCpuTotal;
        long systemDelta = systemTotal - previousSystemTotal;
        if (previousSystemTotal > 0 && systemDelta > 0 && cpuDelta > 0) {
            cpu = (double) cpuDelta / systemDelta * Math.max(1, onlineCpus) * 100.0;
        }
        long memory = inactiveFile > 0 && inactiveFile < memoryUsage ? memoryUsage - inactiveFile : memoryUsage;
        return new ContainerStats(cpu, Math.max(0, memory), Math.max(0, memoryLimit));
    }
}
