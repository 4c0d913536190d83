package dev.berth.runtime.volume;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code DriverOpts} of Docker's local driver: {@code type}, {@code device}, {@code o} (and {@code size},
 * which needs quota support berthd does not have). Berth mounts two kinds: {@code type=tmpfs} and bind mounts
 * of a host directory ({@code type=none o=bind device=/path}); other file systems (nfs, cifs, ...) are refused
 * when the volume is created rather than failing later at container start.
 */
public final class LocalDriverOptions {
    private static final Set<String> KNOWN = Set.of("type", "device", "o", "size");
    // moby volume/local: each of these options needs the others listed.
    private static final Map<String, List<String>> REQUIRES = Map.of(
            "device", List.of("type"),
            "type", List.of("device"),
            "o", List.of("device", "type"));

    private LocalDriverOptions() {}

    /** Checks {@code opts} as dockerd does, plus berth's limit to tmpfs and bind; errors are InvalidArgumentExceptions. */
    public static void validate(Map<String, String> opts) {
        if (opts.isEmpty()) {
            return;
        }
        for (String key : new TreeSet<>(opts.keySet())) {
            if (!KNOWN.contains(key)) {
                throw new InvalidArgumentException(
                        "invalid option: \"" + key + "\" (the local driver takes type, device and o)");
            }
        }
        if (opts.containsKey("size")) {
            throw new InvalidArgumentException("quota size requested but no quota support");
        }
        for (String key : new TreeSet<>(REQUIRES.keySet())) {
            if (opts.containsKey(key)) {
                for (String needed : REQUIRES.get(key)) {
                    if (!opts.containsKey(needed)) {
                        throw new InvalidArgumentException("missing required option: \"" + needed + "\"");
                    }
                }
            }
        }
        String type = opts.get("type");
        String device = opts.get("device");
        if (hasBindFlag(opts.get("o"))) {
            if (!device.startsWith("/")) {
                throw new InvalidArgumentException(
                        "invalid bind device \"" + device + "\": must be an absolute host path");
            }
        } else if (!"tmpfs".equals(type)) {
            throw new InvalidArgumentException(
                    "unsupported volume type \"" + type + "\": the local driver of berthd mounts "
                            + "type=tmpfs or a host directory with o=bind,device=/path");
        }
    }

    /** True if the mount options {@code o} contain the {@code bind} (or {@code rbind}) flag. */
    static boolean hasBindFlag(String o) {
        return o != null
                && Arrays.stream(o.split(",")).map(String::trim).anyMatch(f -> f.equals("bind") || f.equals("rbind"));
    }

    /** The mount a volume with {@code opts} needs on {@code target}; a bind source that is gone is an InvalidArgumentException. */
    static MountSpec mountSpec(Map<String, String> opts, Path target) {
        String o = opts.getOrDefault("o", "");
        MountSpec spec = new MountSpec(opts.get("device"), target, opts.get("type"), o);
        if (spec.bind() && !Files.isDirectory(Path.of(spec.source()))) {
            // dockerd fails the same way, at mount time: the directory may legitimately appear after create.
            throw new InvalidArgumentException("failed to mount local volume: mount " + spec.source() + ":" + target
                    + ": no such file or directory");
        }
        return spec;
    }
}
