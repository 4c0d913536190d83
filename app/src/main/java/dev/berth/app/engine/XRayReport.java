package dev.berth.app.engine;

import java.util.List;

/**
 * What {@code GET /berth/v1/containers/{id}/xray} tells about a running container (Berth engines only): its
 * processes with host and in-container pids, its namespaces beside the host's, its cgroup, its overlay root and its
 * privileges. Field names follow the endpoint's JSON.
 */
public record XRayReport(String id, String name, String image, long hostPid, List<Process> processes,
        List<Namespace> namespaces, Cgroup cgroup, Overlay overlay, Security security) {

    /** One process: pid on the host and inside the container's pid namespace. */
    public record Process(long hostPid, long containerPid, long hostPpid, String name, String cmdline, long uid) {}

    /** One namespace: its inode, the host's inode of the same type, and whether they are the same namespace. */
    public record Namespace(String type, long inode, long hostInode, boolean shared) {}

    /** Limits (0 or -1 when unlimited) beside usage. */
    public record Cgroup(String version, String path, long memoryLimitBytes, long memoryUsageBytes, long cpuQuotaMicros,
            long cpuPeriodMicros, long cpuShares, String cpuWeightScale, long pidsMax, long pidsCurrent) {}

    /** A read-only lower dir: position 0 is the topmost layer. */
    public record Layer(int position, String lowerDir, String diffId, String chainId, long sizeBytes) {}

    /** A path added, changed or deleted by the container. */
    public record Change(String path, String kind) {}

    /** The overlay root: image layers below, the container's upper dir on top. */
    public record Overlay(String merged, String upperDir, String workDir, boolean mounted, List<Layer> lowers,
            List<Change> changes, boolean changesTruncated) {}

    /** User, capabilities, seccomp and no_new_privs of the first process. */
    public record Security(long uid, long gid, String user, String configuredUser, List<String> capEffective,
            List<String> capBounding, String seccomp, boolean noNewPrivs) {}
}
