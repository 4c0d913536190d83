package dev.berth.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a process's cgroup files on v1, v2 or hybrid hosts, from /proc/PID/cgroup. Used to read what the
 * runtime really applied (limits, usage) rather than trusting config.json.
 */
public final class CgroupFiles {
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private CgroupFiles() {}

    /** Whether the host mounts the v2 unified hierarchy at the cgroup root (pure v2, not hybrid). */
    public static boolean unifiedOnly() {
        return Files.exists(CGROUP_ROOT.resolve("cgroup.controllers"));
    }

    /** The memory limit in bytes applied to {@code pid}'s cgroup; empty when unlimited or not found. */
    public static Optional<Long> memoryLimit(long pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
        Optional<Path> v1 = controllerDir(lines, "memory");
        if (v1.isPresent()) {
            return parseLimit(firstLine(v1.get().resolve("memory.limit_in_bytes")));
        }
        Optional<String> v2 = unifiedPath(lines);
        if (v2.isPresent() && unifiedOnly()) {
            return parseLimit(firstLine(CGROUP_ROOT.resolve(v2.get().substring(1)).resolve("memory.max")));
        }
        return Optional.empty();
    }

    /** The v1 directory of {@code controller} for a process, given the lines of its /proc/PID/cgroup. */
    static Optional<Path> controllerDir(List<String> procCgroupLines, String controller) {
        for (String line : procCgroupLines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && !parts[1].isEmpty() && List.of(parts[1].split(",")).contains(controller)) {
                Path dir = CGROUP_ROOT.resolve(parts[1]).resolve(parts[2].substring(1));
                if (Files.isDirectory(dir)) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unifiedPath(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst();
    }

    /** Pseudo-files report size 0; Files.readString trusts the size and may return a truncated value. */
    private static String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "" : lines.getFirst().trim();
    }

    private static Optional<Long> parseLimit(String value) {
        if (value.equals("max")) {
            return Optional.empty();
        }
        long limit = Long.parseLong(value);
        // v1 reports "no limit" as a huge page-aligned number near Long.MAX_VALUE.
        return limit >= Long.MAX_VALUE / 2 ? Optional.empty() : Optional.of(limit);
    }
}
