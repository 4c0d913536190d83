package dev.berth.runtime.container.stats;

import java.time.Instant;
import java.util.Map;

/** Everything one stats object is made of, taken at one instant. */
public record StatsSnapshot(Instant read, CgroupSample cgroup, long systemCpuNs, int onlineCpus, long hostMemory,
        Map<String, NetDev.Counters> networks) {

    /** A container that does not run: zeros, and the zero time Docker uses. */
    public static StatsSnapshot notRunning() {
        return new StatsSnapshot(null, CgroupSample.empty(), 0, 0, 0, Map.of());
    }
}
