package dev.berth.runtime.container.stats;

import java.util.List;
import java.util.Map;

/**
 * One reading of a container's cgroup, in the units Docker reports: CPU times in nanoseconds, memory in bytes.
 * {@code memoryLimit} and {@code pidsLimit} are 0 when unlimited; {@code perCpuNs} is empty on cgroup v2.
 */
public record CgroupSample(
        long cpuTotalNs,
        List<Long> perCpuNs,
        long cpuUserNs,
        long cpuKernelNs,
        Throttling throttling,
        long memoryUsage,
        long memoryMaxUsage,
        long memoryLimit,
        Map<String, Long> memoryStat,
        List<IoEntry> io,
        long pidsCurrent,
        long pidsLimit) {

    /** CFS throttling counters (nanoseconds for the time). */
    public record Throttling(long periods, long throttledPeriods, long throttledTimeNs) {}

    /** One line of blkio_stats.io_service_bytes_recursive. */
    public record IoEntry(long major, long minor, String op, long value) {}

    /** What a container that is not running reports: all zeros. */
    public static CgroupSample empty() {
        return new CgroupSample(0, List.of(), 0, 0, new Throttling(0, 0, 0), 0, 0, 0, Map.of(), List.of(), 0, 0);
    }
}
