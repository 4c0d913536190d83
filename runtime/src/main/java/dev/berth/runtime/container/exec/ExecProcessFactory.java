package dev.berth.runtime.container.exec;

import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.oci.Capabilities;
import dev.berth.runtime.container.oci.ContainerSpecOptions;
import dev.berth.runtime.container.oci.OciSpecBuilder;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.container.run.EtcFiles;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.container.run.SpecFactory;
import dev.berth.runtime.container.run.UserLookup;
import dev.berth.runtime.container.store.ContainerStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI process of an exec: the container's own spec options (so capabilities, rlimits and environment
 * match the container's), then the exec's command, user (looked up in the container's /etc/passwd), extra
 * environment, working directory, TTY and privileges on top.
 */
final class ExecProcessFactory {
    private final ContainerStore containers;
    private final OciSpecBuilder specs;

    ExecProcessFactory(ContainerStore containers, OciSpecBuilder specs) {
        this.containers = containers;
        this.specs = specs;
    }

    RuntimeSpec.Process process(Container c, ExecConfig config, int consoleHeight, int consoleWidth) {
        Path dir = containers.dir(c.id());
        Path rootfs = RootFs.merged(dir);
        // The /etc files exist already (the container runs); the exec process does not use mounts anyway.
        EtcFiles.Paths etc = new EtcFiles.Paths(dir.resolve("hostname"), dir.resolve("hosts"),
                dir.resolve("resolv.conf"));
        ContainerSpecOptions options = SpecFactory.options(c, rootfs, etc, null);
        String user = config.user().isEmpty() ? c.configView().user() : config.user();
        UserLookup.Ids ids = UserLookup.resolve(rootfs, user, c.hostConfigView().groupAdd());
        List<String> extraEnv = new ArrayList<>(config.env());
        if (config.tty() && extraEnv.stream().noneMatch(e -> e.startsWith("TERM="))) {
            extraEnv.addFirst("TERM=xterm"); // dockerd does the same for exec -t; an explicit -e TERM wins
        }
        RuntimeSpec.Process base = specs.execProcess(options, config.cmd(), extraEnv, config.workingDir(),
                ids.uid(), ids.gid(), config.tty());
        RuntimeSpec.Capabilities caps = base.capabilities();
        if (config.privileged()) {
            List<String> all = Capabilities.effective(true, List.of(), List.of());
            caps = new RuntimeSpec.Capabilities(all, all, all, null);
        }
        RuntimeSpec.ConsoleSize size = config.tty() && consoleHeight > 0 && consoleWidth > 0
                ? new RuntimeSpec.ConsoleSize(consoleHeight, consoleWidth) : null;
        return new RuntimeSpec.Process(base.terminal(), size,
                new RuntimeSpec.User(ids.uid(), ids.gid(),
                        ids.additionalGids().isEmpty() ? null : ids.additionalGids()),
                base.args(), lastWins(base.env()), base.cwd(), caps, base.rlimits(), base.noNewPrivileges(), null);
    }

    /** One entry per variable, the later value winning, because libc's getenv would return the first duplicate. */
    static List<String> lastWins(List<String> env) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            byName.put(eq < 0 ? e : e.substring(0, eq), e);
        }
        return List.copyOf(byName.values());
    }
}
