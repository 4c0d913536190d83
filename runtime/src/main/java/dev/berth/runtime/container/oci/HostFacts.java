package dev.berth.runtime.container.oci;

import dev.berth.runtime.linux.ProcessLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What {@link OciSpecBuilder} must know about the host: limits we may not exceed and features that
 * may be missing. Read at run time by {@link #detect()}; tests pass their own.
 */
public record HostFacts(
        Function<String, OptionalLong> hardLimits,
        boolean cgroupNamespace,
        boolean swapAccounting,
        Optional<Path> initBinary) {

    /** Static init binaries, in order of preference: they are bind-mounted into any rootfs, so no shared libraries. */
    static final List<Path> INIT_CANDIDATES = List.of(
            Path.of("/usr/bin/tini-static"), Path.of("/usr/bin/docker-init"),
            Path.of("/usr/libexec/docker/docker-init"),
            Path.of("/usr/bin/catatonit"), Path.of("/usr/libexec/podman/catatonit"));

    /** Reads this host's limits and features now. */
    public static HostFacts detect() {
        return new HostFacts(
                type -> ProcessLimits.hardLimit(ProcessLimits.procName(type)),
                Files.exists(Path.of("/proc/self/ns/cgroup")),
                Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes"))
                        || Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")),
                INIT_CANDIDATES.stream().filter(Files::isExecutable).findFirst());
    }

    /** The host's hard limit of an RLIMIT_* type; empty when unlimited. */
    public OptionalLong hardLimit(String rlimitType) {
        return hardLimits.apply(rlimitType);
    }
}
