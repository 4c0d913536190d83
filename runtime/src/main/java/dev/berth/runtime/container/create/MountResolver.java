package dev.berth.runtime.container.create;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.container.model.ContainerConfig;
import dev.berth.runtime.container.model.HostConfig;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code -v}, {@code --mount}, {@code --tmpfs} and the image's VOLUMEs into the container's mounts:
 * named volumes (created on demand), anonymous volumes for every VOLUME nobody mounted over, host binds
 * and tmpfs — refusing relative targets and two mounts on one path, as dockerd does.
 */
public final class MountResolver {
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");

    private final VolumeProvider volumes;

    public MountResolver(VolumeProvider volumes) {
        this.volumes = volumes;
    }

    public List<MountPoint> resolve(String containerId, ContainerConfig config, HostConfig host) {
        Map<String, MountPoint> byTarget = new LinkedHashMap<>();
        for (String bind : host.binds()) {
            add(byTarget, parseBind(containerId, bind));
        }
        JsonNode mounts = host.mounts();
        if (mounts != null) {
            for (JsonNode m : mounts) {
                add(byTarget, parseMount(containerId, m));
            }
        }
        host.tmpfs().forEach((target, options) -> add(byTarget, tmpfs(target, options)));
        for (String target : config.volumes()) {
            String clean = cleanTarget(target);
            if (!byTarget.containsKey(clean)) {
                VolumeProvider.Volume v = volumes.acquire(null, containerId);
                byTarget.put(clean,
                        new MountPoint("volume", v.name(), v.dataDir().toString(), clean, "local", "", true, ""));
            }
        }
        return new ArrayList<>(byTarget.values());
    }

    private static void add(Map<String, MountPoint> byTarget, MountPoint m) {
        if (byTarget.putIfAbsent(m.destination(), m) != null) {
            throw new InvalidArgumentException("Duplicate mount point: " + m.destination());
        }
    }

    /** {@code src:dst[:opts]}; an absolute source is a host path, anything else a volume name. */
    private MountPoint parseBind(String containerId, String spec) {
        String[] parts = spec.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
            throw new InvalidArgumentException("invalid volume specification: '" + spec + "'");
        }
        String target = cleanTarget(parts[1]);
        String mode = parts.length == 3 ? parts[2] : "";
        boolean rw = true;
        String propagation = "";
        for (String opt : mode.isEmpty() ? new String[0] : mode.split(",")) {
            switch (opt) {
                case "ro" -> rw = false;
                case "rw", "z", "Z", "nocopy", "copy" -> {
                }
                default -> {
                    if (!PROPAGATIONS.contains(opt)) {
                        throw new InvalidArgumentException("invalid mode: " + opt);
                    }
                    propagation = opt;
                }
            }
        }
        if (parts[0].startsWith("/")) {
            Path source = Path.of(parts[0]).normalize();
            if (!Files.exists(source)) {
                // docker creates a missing host directory for -v binds (not for --mount)
                try {
                    Files.createDirectories(source);
                } catch (java.io.IOException e) {
                    throw new InvalidArgumentException("invalid bind source " + source + ": " + e.getMessage());
                }
            }
            return new MountPoint("bind", "", source.toString(), target, "", mode, rw,
                    propagation.isEmpty() ? "rprivate" : propagation);
        }
        VolumeProvider.Volume v = volumes.acquire(validVolumeName(parts[0]), containerId);
        return new MountPoint("volume", v.name(), v.dataDir().toString(), target, "local", mode, rw, "");
    }

    /** One entry of HostConfig.Mounts (docker run --mount). */
    private MountPoint parseMount(String containerId, JsonNode m) {
        String type = m.path("Type").asText("volume");
        String target = cleanTarget(m.path("Target").asText(""));
        boolean rw = !m.path("ReadOnly").asBoolean(false);
        String source = m.path("Source").asText("");
        return switch (type) {
            case "bind" -> {
                if (!source.startsWith("/") || !Files.exists(Path.of(source))) {
                    throw new InvalidArgumentException(
                            "invalid mount config for type \"bind\": bind source path does not exist: " + source);
                }
                String propagation = m.path("BindOptions").path("Propagation").asText("rprivate");
                yield new MountPoint("bind", "", Path.of(source).normalize().toString(), target, "", "", rw,
                        propagation);
            }
            case "volume" -> {
                String subpath = MountPoint.checkSubpath(m.path("VolumeOptions").path("Subpath").asText(""));
                VolumeProvider.Volume v = volumes.acquire(source.isEmpty() ? null : validVolumeName(source),
                        containerId);
                yield new MountPoint("volume", v.name(), v.dataDir().toString(), target, "local", "z", rw, "", subpath);
            }
            case "tmpfs" -> {
                long size = m.path("TmpfsOptions").path("SizeBytes").asLong(0);
                int mode = m.path("TmpfsOptions").path("Mode").asInt(0);
                List<String> opts = new ArrayList<>();
                if (size > 0) {
                    opts.add("size=" + size);
                }
                if (mode > 0) {
                    opts.add("mode=" + Integer.toOctalString(mode));
                }
                yield tmpfs(target, String.join(",", opts));
            }
            default -> throw new InvalidArgumentException("invalid mount config: mount type unknown: \"" + type + "\"");
        };
    }

    private static MountPoint tmpfs(String target, String options) {
        return new MountPoint("tmpfs", "", "", cleanTarget(target), "", options == null ? "" : options, true, "");
    }

    private static String cleanTarget(String target) {
        if (target == null || !target.startsWith("/")) {
            throw new InvalidArgumentException("invalid mount config: mount path must be absolute: " + target);
        }
        String clean = Path.of(target).normalize().toString();
        if (clean.equals("/")) {
            throw new InvalidArgumentException("invalid mount config: destination can't be '/'");
        }
        return clean;
    }

    private static String validVolumeName(String name) {
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new InvalidArgumentException("create " + name + ": \"" + name
                    + "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed."
                    + " If you intended to pass a host directory, use absolute path");
        }
        return name;
    }
}
