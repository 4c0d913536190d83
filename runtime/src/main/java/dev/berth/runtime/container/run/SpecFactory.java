package dev.berth.runtime.container.run;

import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.ContainerConfig;
import dev.berth.runtime.container.model.HostConfig;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.container.oci.ContainerSpecOptions;
import dev.berth.runtime.container.oci.SpecMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates a container's Docker configuration into the OCI runtime options its config.json is built from. */
public final class SpecFactory {
    private SpecFactory() {}

    /** Cgroup of a container, below Berth's own: {@code /berth/<id>} in every controller. */
    public static String cgroupsPath(String id) {
        return "/berth/" + id;
    }

    public static ContainerSpecOptions options(Container c, Path rootfs, EtcFiles.Paths etc, String netnsPath) {
        return options(c, rootfs, etc, netnsPath, List.of());
    }

    /** @param linkEnv the variables of the container's legacy links; its own Env wins where both name a variable */
    public static ContainerSpecOptions options(Container c, Path rootfs, EtcFiles.Paths etc, String netnsPath,
            List<String> linkEnv) {
        ContainerConfig config = c.configView();
        HostConfig host = c.hostConfigView();
        UserLookup.Ids ids = UserLookup.resolve(rootfs, config.user(), host.groupAdd());
        List<String> args = new ArrayList<>();
        args.add(c.path());
        args.addAll(c.args());
        List<String> env = new ArrayList<>(config.env() == null ? List.of() : config.env());
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            env.addFirst("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOSTNAME="))) {
            env.add("HOSTNAME=" + config.hostname());
        }
        if (config.tty() && env.stream().noneMatch(e -> e.startsWith("TERM="))) {
            env.add("TERM=xterm");
        }
        for (String v : linkEnv) {
            String name = v.substring(0, v.indexOf('=') + 1);
            if (env.stream().noneMatch(e -> e.startsWith(name))) {
                env.add(v);
            }
        }
        List<SpecMount> mounts = new ArrayList<>();
        for (MountPoint m : c.mounts()) {
            switch (m.type()) {
                case "bind" -> mounts.add(new SpecMount(SpecMount.Kind.BIND, m.source(), m.destination(), !m.rw(),
                        m.propagation().isEmpty() ? null : m.propagation(), null));
                case "volume" -> mounts.add(SpecMount.volume(m.mountSource().toString(), m.destination(), !m.rw()));
                case "tmpfs" -> mounts.add(SpecMount.tmpfs(m.destination(), m.mode()));
                default -> throw new IllegalStateException("unknown mount type " + m.type());
            }
        }
        mounts.add(SpecMount.bind(etc.hostname().toString(), "/etc/hostname", false));
        mounts.add(SpecMount.bind(etc.hosts().toString(), "/etc/hosts", false));
        mounts.add(SpecMount.bind(etc.resolvConf().toString(), "/etc/resolv.conf", false));
        List<ContainerSpecOptions.Ulimit> ulimits = host.ulimits().stream()
                .map(u -> new ContainerSpecOptions.Ulimit(u.name(), u.soft(), u.hard())).toList();
        double cpus = host.nanoCpus() > 0 ? host.nanoCpus() / 1e9
                : host.cpuQuota() > 0 && host.cpuPeriod() > 0 ? (double) host.cpuQuota() / host.cpuPeriod() : 0;
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("dev.berth.container.name", c.name());
        return ContainerSpecOptions.builder()
                .rootfs(rootfs)
                .args(args)
                .env(env)
                .cwd(config.workingDir().isEmpty() ? "/" : config.workingDir())
                .user(ids.uid(), ids.gid())
                .additionalGids(ids.additionalGids())
                .hostname(config.hostname())
                .domainname(config.domainname())
                .terminal(config.tty())
                .privileged(host.privileged())
                .capAdd(host.capAdd())
                .capDrop(host.capDrop())
                .readonlyRootfs(host.readonlyRootfs())
                .noNewPrivileges(host.securityOpt().stream()
                        .anyMatch(o -> o.equals("no-new-privileges") || o.equals("no-new-privileges:true")
                                || o.equals("no-new-privileges=true")))
                .seccomp(securityOption(host.securityOpt(), "seccomp"))
                .memory(host.memory())
                .memorySwap(host.memorySwap())
                .cpus(cpus)
                .cpuShares(host.cpuShares())
                .pidsLimit(host.pidsLimit())
                .ulimits(ulimits)
                .shmSize(host.shmSize())
                .sysctls(host.sysctls())
                .mounts(mounts)
                .init(host.init())
                .networkNamespacePath(netnsPath)
                .cgroupsPath(cgroupsPath(c.id()))
                .oomScoreAdj(host.oomScoreAdj() == null ? null : host.oomScoreAdj().intValue())
                .annotations(annotations)
                .build();
    }

    /** The value of {@code name=value} (or the legacy {@code name:value}) in SecurityOpt, or null. */
    static String securityOption(java.util.List<String> options, String name) {
        for (String o : options) {
            if (o.startsWith(name + "=") || o.startsWith(name + ":")) {
                return o.substring(name.length() + 1);
            }
        }
        return null;
    }
}
