package dev.berth.runtime.container.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;

/**
 * The verdict of a runtime probe kept for the rest of this boot, so that a berthd restarted (an upgrade, a crash, a
 * service restart) does not create and delete throw-away containers again: probing crun and runc took half a
 * second of every start. Kept in the exec root, which is under /run and so empty after a reboot (a new kernel or
 * cgroup layout is probed again), and tied to the runtime binary's size and modification time (an upgraded runtime
 * is probed again).
 */
final class ProbeVerdicts {
    private ProbeVerdicts() {}

    static RuntimeUsability remembered(OciRuntime runtime, Supplier<RuntimeUsability> probe) {
        Path file = runtime.stateRoot().resolveSibling(runtime.name() + ".probe.json");
        String stamp = stamp(runtime.binary());
        if (stamp == null) {
            return probe.get();
        }
        try {
            JsonNode kept = Json.MAPPER.readTree(Files.readAllBytes(file));
            if (stamp.equals(kept.path("binary").asText())) {
                return new RuntimeUsability(kept.path("usable").asBoolean(), kept.path("reason").asText());
            }
        } catch (IOException | RuntimeException e) {
            // Nothing kept (or unreadable): probe.
        }
        RuntimeUsability verdict = probe.get();
        try {
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("binary", stamp);
            json.put("usable", verdict.usable());
            json.put("reason", verdict.reason());
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            // Only a speed-up: the next start probes again.
        }
        return verdict;
    }

    /** Path, size and modification time of the binary; null when it is missing (nothing worth keeping). */
    static String stamp(Path binary) {
        try {
            BasicFileAttributes a = Files.readAttributes(binary, BasicFileAttributes.class);
            return binary.toRealPath() + " " + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }
}
