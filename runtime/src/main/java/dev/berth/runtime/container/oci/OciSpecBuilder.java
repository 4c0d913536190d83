package dev.berth.runtime.container.oci;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns {@link ContainerSpecOptions} into a runtime-spec {@code config.json} with Docker's defaults
 * (moby oci/defaults.go): mounts, masked and read-only /proc paths, namespaces, devices and capabilities.
 */
public final class OciSpecBuilder {
    /** Docker's default soft and hard RLIMIT_NOFILE, capped by the host's hard limit. */
    public static final long DEFAULT_NOFILE = 1_048_576L;
    /** Docker's default /dev/shm size (64 MiB). */
    public static final long DEFAULT_SHM_BYTES = 64L * 1024 * 1024;
    static final long CPU_PERIOD_US = 100_000L;
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    static final List<String> MASKED_PATHS = List.of(
            "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
            "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private final HostFacts host;

    public OciSpecBuilder(HostFacts host) {
        this.host = host;
    }

    /** Builds the spec; throws {@link InvalidArgumentException} for options no runtime could honour. */
    public RuntimeSpec build(ContainerSpecOptions o) {
        validate(o);
        List<String> caps = Capabilities.effective(o.privileged(), o.capAdd(), o.capDrop());
        List<String> args = new ArrayList<>(o.args());
        List<RuntimeSpec.Mount> mounts = new ArrayList<>(defaultMounts(o));
        if (o.init()) {
            var init = host.initBinary().orElseThrow(() -> new InvalidArgumentException(
                    "--init needs tini-static, docker-init or catatonit on the host; none is installed"));
            mounts.add(new RuntimeSpec.Mount("/dev/init", "bind", init.toString(), List.of("bind", "ro")));
            args.addAll(0, List.of("/dev/init", "--"));
        }
        mounts = withUserMounts(mounts, o.mounts());
        var process = new RuntimeSpec.Process(
                o.terminal(),
                o.terminal() && o.consoleHeight() > 0 ? new RuntimeSpec.ConsoleSize(o.consoleHeight(), o.consoleWidth())
                        : null,
                new RuntimeSpec.User(o.uid(), o.gid(), o.additionalGids().isEmpty() ? null : o.additionalGids()),
                args,
                env(o),
                o.cwd() == null || o.cwd().isEmpty() ? "/" : o.cwd(),
                // Like Docker 23+: no inheritable set, and ambient only for non-root is left empty.
                new RuntimeSpec.Capabilities(caps, caps, caps, null),
                rlimits(o),
                o.noNewPrivileges() ? Boolean.TRUE : null,
                o.oomScoreAdj());
        var linux = new RuntimeSpec.Linux(
                namespaces(o),
                o.privileged() ? DefaultDevices.hostDevices() : DefaultDevices.nodes(),
                o.cgroupsPath(),
                resources(o),
                o.sysctls().isEmpty() ? null : new LinkedHashMap<>(o.sysctls()),
                o.privileged() ? null : MASKED_PATHS,
                o.privileged() ? null : READONLY_PATHS,
                null,
                SeccompProfiles.forContainer(o.seccomp(), caps, o.privileged()));
        return new RuntimeSpec(
                RuntimeSpec.OCI_VERSION,
                process,
                new RuntimeSpec.Root(o.rootfs().toString(), o.readonlyRootfs() ? Boolean.TRUE : null),
                blankToNull(o.hostname()),
                blankToNull(o.domainname()),
                mounts,
                o.annotations().isEmpty() ? null : new LinkedHashMap<>(o.annotations()),
                linux);
    }

    /** The process of an exec session, with the same capability and rlimit rules as the container's own. */
    public RuntimeSpec.Process execProcess(ContainerSpecOptions container, List<String> args, List<String> env,
            String cwd, long uid, long gid, boolean terminal) {
        if (args.isEmpty()) {
            throw new InvalidArgumentException("exec needs a command");
        }
        var base = build(container).process();
        List<String> mergedEnv = new ArrayList<>(base.env());
        mergedEnv.addAll(env);
        return new RuntimeSpec.Process(terminal, null, new RuntimeSpec.User(uid, gid, null), List.copyOf(args),
                mergedEnv, cwd == null || cwd.isEmpty() ? base.cwd() : cwd, base.capabilities(), base.rlimits(),
                base.noNewPrivileges(), null);
    }

    private static void validate(ContainerSpecOptions o) {
        if (o.rootfs() == null) {
            throw new InvalidArgumentException("container has no root filesystem");
        }
        if (o.args().isEmpty()) {
            throw new InvalidArgumentException("no command specified");
        }
        if (o.memoryBytes() < 0 || o.cpuShares() < 0 || o.cpus() < 0 || o.shmSizeBytes() < 0) {
            throw new InvalidArgumentException("resource limits must not be negative");
        }
        if (o.memoryBytes() > 0 && o.memoryBytes() < 6L * 1024 * 1024) {
            throw new InvalidArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (o.memorySwapBytes() > 0 && o.memorySwapBytes() < o.memoryBytes()) {
            throw new InvalidArgumentException(
                    "Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (o.memorySwapBytes() > 0 && o.memoryBytes() == 0) {
            throw new InvalidArgumentException(
                    "You should always set the Memory limit when using Memoryswap limit, see usage");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (o.cpus() > cores) {
            throw new InvalidArgumentException(
                    "range of CPUs is from 0.01 to " + cores + ".00, as there are only " + cores + " CPUs available");
        }
        for (SpecMount m : o.mounts()) {
            if (m.destination() == null || !m.destination().startsWith("/")) {
                throw new InvalidArgumentException(
                        "invalid mount config: mount path must be absolute: " + m.destination());
            }
            if (m.kind() != SpecMount.Kind.TMPFS && (m.source() == null || !m.source().startsWith("/"))) {
                throw new InvalidArgumentException(
                        "invalid mount config: bind source path must be absolute: " + m.source());
            }
            if (m.propagation() != null && !List.of("private", "rprivate", "shared", "rshared", "slave", "rslave")
                    .contains(m.propagation())) {
                throw new InvalidArgumentException(
                        "invalid mount config: invalid propagation mode: " + m.propagation());
            }
        }
    }

    private List<RuntimeSpec.Mount> defaultMounts(ContainerSpecOptions o) {
        long shm = o.shmSizeBytes() > 0 ? o.shmSizeBytes() : DEFAULT_SHM_BYTES;
        String sysMode = o.privileged() ? "rw" : "ro";
        return List.of(
                new RuntimeSpec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                new RuntimeSpec.Mount("/dev", "tmpfs", "tmpfs",
                        List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new RuntimeSpec.Mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new RuntimeSpec.Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", sysMode)),
                new RuntimeSpec.Mount("/sys/fs/cgroup", "cgroup", "cgroup",
                        List.of("nosuid", "noexec", "nodev", "relatime", sysMode)),
                new RuntimeSpec.Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                new RuntimeSpec.Mount("/dev/shm", "tmpfs", "shm",
                        List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + shm)));
    }

    /** User mounts replace defaults at the same destination and are ordered parents first, as moby sorts them. */
    private static List<RuntimeSpec.Mount> withUserMounts(List<RuntimeSpec.Mount> defaults, List<SpecMount> user) {
        List<String> userDestinations = user.stream().map(m -> clean(m.destination())).toList();
        List<RuntimeSpec.Mount> out = new ArrayList<>(defaults.stream()
                .filter(m -> !userDestinations.contains(m.destination())).toList());
        user.stream()
                .sorted(Comparator.comparingInt(m -> clean(m.destination()).split("/").length))
                .forEach(m -> out.add(toSpec(m)));
        return out;
    }

    private static RuntimeSpec.Mount toSpec(SpecMount m) {
        String destination = clean(m.destination());
        if (m.kind() == SpecMount.Kind.TMPFS) {
            List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "noexec"));
            if (m.tmpfsOptions() != null && !m.tmpfsOptions().isBlank()) {
                options.addAll(Arrays.asList(m.tmpfsOptions().split(",")));
            }
            return new RuntimeSpec.Mount(destination, "tmpfs", "tmpfs", options);
        }
        List<String> options = List.of("rbind", m.readOnly() ? "ro" : "rw",
                m.propagation() == null ? "rprivate" : m.propagation());
        return new RuntimeSpec.Mount(destination, "bind", m.source(), options);
    }

    private List<String> env(ContainerSpecOptions o) {
        List<String> env = new ArrayList<>(o.env());
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.addFirst(DEFAULT_PATH);
        }
        if (o.hostname() != null && !o.hostname().isBlank() && env.stream().noneMatch(e -> e.startsWith("HOSTNAME="))) {
            env.add(1, "HOSTNAME=" + o.hostname());
        }
        if (o.terminal() && env.stream().noneMatch(e -> e.startsWith("TERM="))) {
            env.add("TERM=xterm");
        }
        return env;
    }

    /** RLIMIT_NOFILE defaults to Docker's 1048576 and every hard limit is capped at the host's own hard limit. */
    private List<RuntimeSpec.Rlimit> rlimits(ContainerSpecOptions o) {
        Map<String, long[]> limits = new LinkedHashMap<>();
        limits.put("RLIMIT_NOFILE", new long[]{DEFAULT_NOFILE, DEFAULT_NOFILE});
        for (ContainerSpecOptions.Ulimit u : o.ulimits()) {
            String type = "RLIMIT_" + u.name().trim().toUpperCase(Locale.ROOT);
            if (dev.berth.runtime.linux.ProcessLimits.procName(type).isEmpty()) {
                throw new InvalidArgumentException("invalid ulimit type: " + u.name());
            }
            if (u.soft() > u.hard()) {
                throw new InvalidArgumentException(
                        "ulimit soft limit must be less than or equal to hard limit: " + u.soft() + " > " + u.hard());
            }
            limits.put(type, new long[]{u.soft(), u.hard()});
        }
        List<RuntimeSpec.Rlimit> out = new ArrayList<>();
        limits.forEach((type, softHard) -> {
            OptionalLong hostHard = host.hardLimit(type);
            long hard = hostHard.isPresent() ? Math.min(softHard[1], hostHard.getAsLong()) : softHard[1];
            long soft = Math.min(softHard[0], hard);
            out.add(new RuntimeSpec.Rlimit(type, hard, soft));
        });
        return out;
    }

    private List<RuntimeSpec.Namespace> namespaces(ContainerSpecOptions o) {
        List<RuntimeSpec.Namespace> ns = new ArrayList<>(List.of(
                new RuntimeSpec.Namespace("pid", null),
                new RuntimeSpec.Namespace("ipc", null),
                new RuntimeSpec.Namespace("uts", null),
                new RuntimeSpec.Namespace("mount", null),
                new RuntimeSpec.Namespace("network", blankToNull(o.networkNamespacePath()))));
        if (host.cgroupNamespace()) {
            ns.add(new RuntimeSpec.Namespace("cgroup", null));
        }
        return ns;
    }

    private RuntimeSpec.Resources resources(ContainerSpecOptions o) {
        RuntimeSpec.Memory memory = null;
        if (o.memoryBytes() > 0) {
            Long swap = null;
            if (host.swapAccounting()) {
                // Docker: unset swap means twice the memory; -1 means unlimited.
                swap = o.memorySwapBytes() == 0 ? 2 * o.memoryBytes() : o.memorySwapBytes();
            }
            memory = new RuntimeSpec.Memory(o.memoryBytes(), null, swap);
        }
        RuntimeSpec.Cpu cpu = null;
        if (o.cpus() > 0 || o.cpuShares() > 0) {
            cpu = new RuntimeSpec.Cpu(
                    o.cpuShares() > 0 ? o.cpuShares() : null,
                    o.cpus() > 0 ? Math.round(o.cpus() * CPU_PERIOD_US) : null,
                    o.cpus() > 0 ? CPU_PERIOD_US : null,
                    null, null);
        }
        var pids = o.pidsLimit() != 0 ? new RuntimeSpec.Pids(o.pidsLimit()) : null;
        return new RuntimeSpec.Resources(o.privileged() ? DefaultDevices.allowAll() : DefaultDevices.rules(), memory,
                cpu, pids);
    }

    private static String clean(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
