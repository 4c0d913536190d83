package dev.berth.runtime.api.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Which resource limits the host's cgroups can enforce, for {@code /info}'s MemoryLimit, CPUShares, ... */
public record CgroupFeatures(boolean memory, boolean swap, boolean cpuCfs, boolean cpuShares, boolean cpuSet,
        boolean pids) {

    /** Reads the controllers under {@code root}/sys/fs/cgroup, v2 (unified) or v1 (one hierarchy per controller). */
    public static CgroupFeatures probe(Path root) {
        Path cg = root.resolve("sys/fs/cgroup");
        Path controllers = cg.resolve("cgroup.controllers");
        if (Files.exists(controllers)) {
            Set<String> c;
            try {
                c = Arrays.stream(Files.readString(controllers).trim().split("\\s+")).collect(Collectors.toSet());
            } catch (IOException e) {
                c = Set.of();
            }
            boolean swap = c.contains("memory") && Files.exists(root.resolve("proc/swaps"));
            return new CgroupFeatures(c.contains("memory"), swap, c.contains("cpu"), c.contains("cpu"),
                    c.contains("cpuset"), c.contains("pids"));
        }
        return new CgroupFeatures(
                Files.exists(cg.resolve("memory/memory.limit_in_bytes")),
                Files.exists(cg.resolve("memory/memory.memsw.limit_in_bytes")),
                Files.exists(cg.resolve("cpu/cpu.cfs_period_us")),
                Files.exists(cg.resolve("cpu/cpu.shares")),
                Files.exists(cg.resolve("cpuset/cpuset.cpus")),
                Files.exists(cg.resolve("pids")));
    }
}
