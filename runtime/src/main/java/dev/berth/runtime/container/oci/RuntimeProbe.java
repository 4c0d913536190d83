package dev.berth.runtime.container.oci;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Decides whether a runtime works here by doing what the engine will do: create (not start) a throw-away
 * container from a spec made by {@link OciSpecBuilder} with Docker's defaults, then delete it. This is how
 * crun's "cgroups in hybrid mode not supported" shows up, rather than guessing from the cgroup layout.
 */
final class RuntimeProbe {
    private RuntimeProbe() {}

    static RuntimeUsability probe(OciRuntime runtime) {
        Path binary = runtime.binary();
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            return RuntimeUsability.unusable(runtime.name() + " is not installed (no executable at " + binary + ")");
        }
        RuntimeCommand.Result version = RuntimeCommand.run(List.of(binary.toString(), "--version"),
                RuntimeCommand.TIMEOUT);
        if (version.exitCode() != 0) {
            return RuntimeUsability.unusable(binary + " --version failed: " + RuntimeCommand.message(version));
        }
        String id = "berth-probe-" + runtime.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = runtime.stateRoot().resolveSibling("probe-" + id);
        try {
            Files.createDirectories(dir.resolve("rootfs"));
            Files.createDirectories(runtime.stateRoot());
            // The process is never started, but runc checks at create time that args[0] exists in the rootfs;
            // bind-mounting the runtime's own binary gives it one without needing any image.
            ContainerSpecOptions options = ContainerSpecOptions.builder()
                    .rootfs(dir.resolve("rootfs"))
                    .args("/probe")
                    .readonlyRootfs(true)
                    .mounts(List.of(SpecMount.bind(binary.toString(), "/probe", true)))
                    .cgroupsPath("/" + id) // flat, so delete leaves no empty parent cgroup behind
                    .build();
            AtomicFiles.write(dir.resolve("config.json"),
                    Json.MAPPER.writeValueAsBytes(new OciSpecBuilder(HostFacts.detect()).build(options)));
            runtime.create(id, dir, dir.resolve("pid"));
            return RuntimeUsability.ok();
        } catch (RuntimeException | IOException e) {
            return RuntimeUsability
                    .unusable(runtime.name() + " cannot create containers on this host: " + e.getMessage());
        } finally {
            cleanUp(runtime, id, dir);
        }
    }

    private static void cleanUp(OciRuntime runtime, String id, Path dir) {
        try {
            runtime.delete(id, true);
        } catch (RuntimeException ignored) {
            // the create failed, so there is nothing to delete
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover empty probe dir under the exec root does no harm
        }
    }
}
