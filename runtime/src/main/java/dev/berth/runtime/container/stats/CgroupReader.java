package dev.berth.runtime.container.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a container's resource usage from its cgroup; one implementation per cgroup version. */
public interface CgroupReader {
    /** The usage of the cgroup at {@code cgroupsPath} (e.g. "/berth/<id>"), empty when the cgroup does not exist. */
    Optional<CgroupSample> read(String cgroupsPath);

    /**
     * The reader for the host mounted at {@code root} (normally /sys/fs/cgroup): v1 when per-controller
     * hierarchies are mounted (legacy or hybrid, where runc puts the limits), otherwise the unified v2 tree.
     */
    static CgroupReader forHost(Path root) {
        if (Files.isDirectory(root.resolve("memory")) && Files.isDirectory(root.resolve("cpuacct"))) {
            return new CgroupV1Reader(root);
        }
        return new CgroupV2Reader(root);
    }
}
