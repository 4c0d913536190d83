package dev.berth.runtime.container.oci;

import java.util.List;
import java.util.Map;

/**
 * The OCI runtime-spec {@code config.json} as records (runtime-spec config.md and config-linux.md).
 * Absent (null) fields are left out of the JSON by the shared mapper, so the runtime applies its own default.
 */
public record RuntimeSpec(
        String ociVersion,
        Process process,
        Root root,
        String hostname,
        String domainname,
        List<Mount> mounts,
        Map<String, String> annotations,
        Linux linux) {

    /** The version of the runtime-spec this model follows. */
    public static final String OCI_VERSION = "1.0.2";

    /** The container's process (also the body of {@code runc exec --process}). */
    public record Process(
            Boolean terminal,
            ConsoleSize consoleSize,
            User user,
            List<String> args,
            List<String> env,
            String cwd,
            Capabilities capabilities,
            List<Rlimit> rlimits,
            Boolean noNewPrivileges,
            Integer oomScoreAdj) {}

    /** Initial terminal size. */
    public record ConsoleSize(int height, int width) {}

    /** Numeric identity of the process inside the container. */
    public record User(long uid, long gid, List<Long> additionalGids) {}

    /** Capability sets, names with the CAP_ prefix. */
    public record Capabilities(List<String> bounding, List<String> effective, List<String> permitted,
            List<String> ambient) {}

    /** One POSIX resource limit. */
    public record Rlimit(String type, long hard, long soft) {}

    /** The root filesystem. */
    public record Root(String path, Boolean readonly) {}

    /** One mount, in the order the runtime performs them. */
    public record Mount(String destination, String type, String source, List<String> options) {}

    /** Linux-specific settings. */
    public record Linux(
            List<Namespace> namespaces,
            List<Device> devices,
            String cgroupsPath,
            Resources resources,
            Map<String, String> sysctl,
            List<String> maskedPaths,
            List<String> readonlyPaths,
            String rootfsPropagation,
            Seccomp seccomp) {}

    /** A seccomp filter: {@code defaultAction} for every syscall the rules do not name (SCMP_ACT_*). */
    public record Seccomp(String defaultAction, Integer defaultErrnoRet, List<String> architectures,
            List<SyscallRule> syscalls) {}

    /** One seccomp rule: {@code action} for {@code names}, optionally only when {@code args} match. */
    public record SyscallRule(List<String> names, String action, Integer errnoRet, List<SyscallArg> args) {}

    /** A condition on one syscall argument (SCMP_CMP_*). */
    public record SyscallArg(int index, long value, Long valueTwo, String op) {}

    /** A namespace to create, or to join when {@code path} is set. */
    public record Namespace(String type, String path) {}

    /** A device node to create in the container's /dev. */
    public record Device(String path, String type, long major, long minor, Integer fileMode, Long uid, Long gid) {}

    /** cgroup settings; also the body of {@code runc update -r}. */
    public record Resources(List<DeviceRule> devices, Memory memory, Cpu cpu, Pids pids) {}

    /** A device cgroup rule; null major/minor mean any. */
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {}

    /** Memory limits in bytes; swap is memory+swap, -1 for unlimited. */
    public record Memory(Long limit, Long reservation, Long swap) {}

    /** CPU scheduling: relative shares and the CFS quota/period in microseconds. */
    public record Cpu(Long shares, Long quota, Long period, String cpus, String mems) {}

    /** Maximum number of tasks. */
    public record Pids(long limit) {}
}
