package dev.berth.app.it;

import dev.berth.testkit.TempTree;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.localengine.LocalEngineController;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private podman API service (Debian's {@code podman}, {@code podman system service}) for one test class: its
 * configuration, storage, run root and socket in a temp directory, chosen through podman's own environment variables
 * so the host's /etc/containers is neither read nor changed. runc, because crun refuses this host's hybrid
 * cgroups; cgroupfs and a file event log, because no systemd runs here; no default network, so it leaves the
 * host's iptables alone; the rlimits the host allows. Skipped with the reason when podman is not installed or we are not root.
 */
final class Podman implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<String> insecureRegistry;
    /** podman caps its own (and so its conmon's) process limit at this; runc cannot give a container more. */
    private static final long PODMAN_NPROC = 32768;

    private Path dir;
    private Process process;

    /** @param insecureRegistry {@code host:port} of a plain-HTTP registry the tests pull from, once it runs */
    Podman(Supplier<String> insecureRegistry) {
        this.insecureRegistry = insecureRegistry;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/podman")), "podman is not installed (Debian: apt-get install"
                + " podman; scripts/install-deps --test installs it)");
        assumeTrue(LocalEngineController.runningAsRoot(), "podman's rootful service needs root");
        dir = Files.createTempDirectory(Path.of("/tmp"), "berth-podman-");
        Files.writeString(dir.resolve("containers.conf"), """
                [containers]
                netns = "none"
                default_ulimits = ["nofile=%2$d:%2$d", "nproc=%3$d:%3$d"]
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                events_logfile_path = "%1$s/events.log"
                tmp_dir = "%1$s/tmp"
                [network]
                network_config_dir = "%1$s/networks"
                """.formatted(dir, hardLimit("Max open files"), Math.min(hardLimit("Max processes"), PODMAN_NPROC)));
        Files.writeString(dir.resolve("storage.conf"), """
                [storage]
                driver = "overlay"
                graphroot = "%1$s/storage"
                runroot = "%1$s/run"
                """.formatted(dir));
        Files.writeString(dir.resolve("registries.conf"), """
                unqualified-search-registries = []
                [[registry]]
                location = "%s"
                insecure = true
                """.formatted(insecureRegistry.get()));
        ProcessBuilder pb = new ProcessBuilder(List.of("podman", "system", "service", "--time=0", uri()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("podman.log").toFile());
        pb.environment().putAll(Map.of("CONTAINERS_CONF", dir.resolve("containers.conf").toString(),
                "CONTAINERS_STORAGE_CONF", dir.resolve("storage.conf").toString(),
                "CONTAINERS_REGISTRIES_CONF", dir.resolve("registries.conf").toString()));
        process = pb.start();
        EngineProcesses.awaitAnswer("podman", process, socket(), this::log);
    }

    /**
     * podman asks for 1048576 open files and 4194304 processes per container; where the host's hard limits are
     * lower (20000 open files here) runc's setrlimit fails with EPERM, so containers get the hard limits instead.
     */
    private static long hardLimit(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith(name)) {
                String hard = line.substring(name.length()).trim().split("\\s+")[1];
                return hard.equals("unlimited") ? 1048576 : Long.parseLong(hard);
            }
        }
        throw new IOException("no \"" + name + "\" in /proc/self/limits");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        EngineProcesses.stop(process);
        if (dir != null) {
            // podman leaves its overlay storage mounted (storage/overlay) after the service goes away.
            new ProcessBuilder("sh", "-c",
                    "grep -o ' " + dir + "[^ ]*' /proc/self/mounts | sort -r | xargs -r umount -l")
                    .inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            TempTree.delete(dir);
        }
        // podman's cgroupfs manager makes libpod_parent in every hierarchy and leaves it; empty ones can go.
        new ProcessBuilder("sh", "-c", "for d in /sys/fs/cgroup/*/libpod_parent; do "
                + "[ -d \"$d\" ] && find \"$d\" -depth -type d -exec rmdir {} + 2>/dev/null; done; true")
                .inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    Path socket() {
        return dir.resolve("podman.sock");
    }

    String uri() {
        return "unix://" + socket();
    }

    String log() {
        try {
            return Files.readString(dir.resolve("podman.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
