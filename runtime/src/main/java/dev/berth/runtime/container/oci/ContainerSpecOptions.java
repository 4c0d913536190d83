package dev.berth.runtime.container.oci;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the container service knows about a container, in Docker's terms, from which {@link OciSpecBuilder}
 * makes a {@code config.json}. Null or zero means "Docker's default"; use {@link #builder()}.
 */
public record ContainerSpecOptions(
        Path rootfs,
        List<String> args,
        List<String> env,
        String cwd,
        long uid,
        long gid,
        List<Long> additionalGids,
        String hostname,
        String domainname,
        boolean terminal,
        int consoleHeight,
        int consoleWidth,
        boolean privileged,
        List<String> capAdd,
        List<String> capDrop,
        boolean readonlyRootfs,
        boolean noNewPrivileges,
        long memoryBytes,
        long memorySwapBytes,
        double cpus,
        long cpuShares,
        long pidsLimit,
        List<Ulimit> ulimits,
        long shmSizeBytes,
        Map<String, String> sysctls,
        List<SpecMount> mounts,
        boolean init,
        String networkNamespacePath,
        String cgroupsPath,
        Integer oomScoreAdj,
        Map<String, String> annotations,
        String seccomp) {

    public ContainerSpecOptions {
        args = List.copyOf(args == null ? List.of() : args);
        env = List.copyOf(env == null ? List.of() : env);
        additionalGids = List.copyOf(additionalGids == null ? List.of() : additionalGids);
        capAdd = List.copyOf(capAdd == null ? List.of() : capAdd);
        capDrop = List.copyOf(capDrop == null ? List.of() : capDrop);
        ulimits = List.copyOf(ulimits == null ? List.of() : ulimits);
        sysctls = Map.copyOf(sysctls == null ? Map.of() : sysctls);
        mounts = List.copyOf(mounts == null ? List.of() : mounts);
        annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
    }

    /** A resource limit as `docker run --ulimit name=soft:hard` gives it (name without RLIMIT_, e.g. "nofile"). */
    public record Ulimit(String name, long soft, long hard) {}

    /** Starts a builder with Docker's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder, because most containers set only a handful of these options. */
    public static final class Builder {
        private Path rootfs;
        private List<String> args = List.of();
        private List<String> env = List.of();
        private String cwd;
        private long uid;
        private long gid;
        private List<Long> additionalGids = List.of();
        private String hostname;
        private String domainname;
        private boolean terminal;
        private int consoleHeight;
        private int consoleWidth;
        private boolean privileged;
        private List<String> capAdd = List.of();
        private List<String> capDrop = List.of();
        private boolean readonlyRootfs;
        private boolean noNewPrivileges;
        private long memoryBytes;
        private long memorySwapBytes;
        private double cpus;
        private long cpuShares;
        private long pidsLimit;
        private List<Ulimit> ulimits = List.of();
        private long shmSizeBytes;
        private Map<String, String> sysctls = Map.of();
        private List<SpecMount> mounts = List.of();
        private boolean init;
        private String networkNamespacePath;
        private String cgroupsPath;
        private Integer oomScoreAdj;
        private Map<String, String> annotations = Map.of();
        private String seccomp;

        public Builder rootfs(Path v) {
            rootfs = v;
            return this;
        }
        public Builder args(List<String> v) {
            args = v;
            return this;
        }
        public Builder args(String... v) {
            args = List.of(v);
            return this;
        }
        public Builder env(List<String> v) {
            env = v;
            return this;
        }
        public Builder cwd(String v) {
            cwd = v;
            return this;
        }
        public Builder user(long u, long g) {
            uid = u;
            gid = g;
            return this;
        }
        public Builder additionalGids(List<Long> v) {
            additionalGids = v;
            return this;
        }
        public Builder hostname(String v) {
            hostname = v;
            return this;
        }
        public Builder domainname(String v) {
            domainname = v;
            return this;
        }
        public Builder terminal(boolean v) {
            terminal = v;
            return this;
        }
        public Builder consoleSize(int height, int width) {
            consoleHeight = height;
            consoleWidth = width;
            return this;
        }
        public Builder privileged(boolean v) {
            privileged = v;
            return this;
        }
        public Builder capAdd(List<String> v) {
            capAdd = v;
            return this;
        }
        public Builder capDrop(List<String> v) {
            capDrop = v;
            return this;
        }
        public Builder readonlyRootfs(boolean v) {
            readonlyRootfs = v;
            return this;
        }
        public Builder noNewPrivileges(boolean v) {
            noNewPrivileges = v;
            return this;
        }
        public Builder memory(long bytes) {
            memoryBytes = bytes;
            return this;
        }
        public Builder memorySwap(long bytes) {
            memorySwapBytes = bytes;
            return this;
        }
        public Builder cpus(double v) {
            cpus = v;
            return this;
        }
        public Builder cpuShares(long v) {
            cpuShares = v;
            return this;
        }
        public Builder pidsLimit(long v) {
            pidsLimit = v;
            return this;
        }
        public Builder ulimits(List<Ulimit> v) {
            ulimits = v;
            return this;
        }
        public Builder shmSize(long bytes) {
            shmSizeBytes = bytes;
            return this;
        }
        public Builder sysctls(Map<String, String> v) {
            sysctls = v;
            return this;
        }
        public Builder mounts(List<SpecMount> v) {
            mounts = v;
            return this;
        }
        public Builder init(boolean v) {
            init = v;
            return this;
        }
        public Builder networkNamespacePath(String v) {
            networkNamespacePath = v;
            return this;
        }
        public Builder cgroupsPath(String v) {
            cgroupsPath = v;
            return this;
        }
        public Builder oomScoreAdj(Integer v) {
            oomScoreAdj = v;
            return this;
        }
        public Builder annotations(Map<String, String> v) {
            annotations = v;
            return this;
        }
        /** The value of {@code --security-opt seccomp=...}: "unconfined", a Docker profile's JSON, or null for the default. */
        public Builder seccomp(String v) {
            seccomp = v;
            return this;
        }

        public ContainerSpecOptions build() {
            return new ContainerSpecOptions(rootfs, args, env, cwd, uid, gid, additionalGids, hostname, domainname,
                    terminal, consoleHeight, consoleWidth, privileged, capAdd, capDrop, readonlyRootfs, noNewPrivileges,
                    memoryBytes, memorySwapBytes, cpus, cpuShares, pidsLimit, ulimits, shmSizeBytes, sysctls, mounts,
                    init, networkNamespacePath, cgroupsPath, oomScoreAdj, annotations, seccomp);
        }
    }
}
