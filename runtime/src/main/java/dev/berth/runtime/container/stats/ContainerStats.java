package dev.berth.runtime.container.stats;

import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.run.SpecFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Takes stats snapshots of containers: their cgroup, the host's CPU/memory totals, and their network namespace. */
public final class ContainerStats {
    private final CgroupReader cgroups;
    private final HostCpu host;
    private final Path proc;

    public ContainerStats(CgroupReader cgroups, Path proc) {
        this.cgroups = cgroups;
        this.host = new HostCpu(proc);
        this.proc = proc;
    }

    /** Reads the real host: /sys/fs/cgroup and /proc. */
    public static ContainerStats forHost() {
        return new ContainerStats(CgroupReader.forHost(Path.of("/sys/fs/cgroup")), Path.of("/proc"));
    }

    /** A snapshot of {@code c} now; all zeros when it is not running (or its cgroup is already gone). */
    public StatsSnapshot snapshot(Container c) {
        if (!c.state().isRunning() || c.state().pid() <= 0) {
            return StatsSnapshot.notRunning();
        }
        return cgroups.read(SpecFactory.cgroupsPath(c.id()))
                .map(sample -> new StatsSnapshot(Instant.now(), sample, host.systemCpuNs(), host.onlineCpus(),
                        host.memTotal(),
                        networks(c)))
                .orElse(StatsSnapshot.notRunning());
    }

    private Map<String, NetDev.Counters> networks(Container c) {
        return NetDev.read(proc.resolve(Long.toString(c.state().pid())).resolve("net").resolve("dev"));
    }
}
