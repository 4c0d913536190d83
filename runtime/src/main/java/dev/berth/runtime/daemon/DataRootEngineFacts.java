package dev.berth.runtime.daemon;

import dev.berth.runtime.api.system.ContainerCounts;
import dev.berth.runtime.api.system.EngineFacts;
import dev.berth.runtime.api.system.RuntimeInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link EngineFacts} read from the data root's layout, for as long as no image or container service is
 * wired to answer: image records under {@code images/}, container directories under {@code containers/}
 * (none can be running without a container service). The integrator replaces this with the services' figures.
 */
final class DataRootEngineFacts implements EngineFacts {
    private final Path dataRoot;
    private final java.util.function.IntSupplier imageCount;
    private final java.util.function.Supplier<ContainerCounts> containerCounts;

    DataRootEngineFacts(Path dataRoot, java.util.function.IntSupplier imageCount,
            java.util.function.Supplier<ContainerCounts> containerCounts) {
        this.dataRoot = dataRoot;
        this.imageCount = imageCount;
        this.containerCounts = containerCounts;
    }

    @Override
    public int images() {
        return imageCount.getAsInt();
    }

    @Override
    public ContainerCounts containers() {
        return containerCounts.get();
    }

    @Override
    public String storageDriver() {
        return "overlayfs";
    }

    @Override
    public List<String[]> driverStatus() {
        String backing;
        try {
            backing = Files.getFileStore(dataRoot).type();
        } catch (IOException e) {
            backing = "unknown";
        }
        return List.<String[]>of(new String[]{"Backing Filesystem", backing});
    }

    @Override
    public Map<String, RuntimeInfo> runtimes() {
        Map<String, RuntimeInfo> found = new LinkedHashMap<>();
        for (String name : List.of("runc", "crun")) {
            if (onPath(name)) {
                found.put(name, new RuntimeInfo(name));
            }
        }
        return found;
    }

    @Override
    public String defaultRuntime() {
        return "runc";
    }

    @Override
    public String loggingDriver() {
        return "json-file";
    }

    @Override
    public Map<String, List<String>> plugins() {
        return Map.of("Volume", List.of("local"), "Network", List.of("bridge", "host", "null"), "Log",
                List.of("json-file"));
    }

    @Override
    public List<String> securityOptions() {
        List<String> options = new ArrayList<>();
        if (seccompAvailable()) {
            // As dockerd 25+ names its default profile ("docker info": Security Options: seccomp, Profile: builtin).
            options.add("name=seccomp,profile=builtin");
        }
        if (Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
            options.add("name=cgroupns");
        }
        return options;
    }

    /** Whether this kernel filters system calls (a "Seccomp:" line in /proc/self/status). */
    private static boolean seccompAvailable() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(l -> l.startsWith("Seccomp:"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    private static int count(Path dir, java.util.function.Predicate<Path> which) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(which).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/sbin:/usr/bin:/sbin:/bin" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
