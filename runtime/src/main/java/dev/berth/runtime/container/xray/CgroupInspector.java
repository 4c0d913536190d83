package dev.berth.runtime.container.xray;

import dev.berth.runtime.container.stats.CgroupReader;
import dev.berth.runtime.container.stats.CgroupSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's cgroup under a cgroup root (normally {@code /sys/fs/cgroup}): its member processes and its limits.
 * On a v1 or hybrid host the limits live in per-controller hierarchies ({@code memory/}, {@code cpu/}, {@code pids/});
 * on a pure v2 host in one directory. Usage comes from the stats readers ({@link CgroupReader}).
 */
public final class CgroupInspector {
    private final Path root;
    private final CgroupReader usage;

    public CgroupInspector(Path root) {
        this.root = root;
        this.usage = CgroupReader.forHost(root);
    }

    /** True when limits are kept per controller (v1 or hybrid), as {@link CgroupReader#forHost} decides. */
    boolean v1() {
        return Files.isDirectory(root.resolve("memory")) && Files.isDirectory(root.resolve("cpuacct"));
    }

    /**
     * The host pids in the cgroup at {@code path} (e.g. "/berth/&lt;id&gt;"): {@code cgroup.procs} of the first hierarchy
     * that has the group (v1 pids or memory controller, the hybrid unified tree, or the v2 root).
     */
    public List<Long> procs(String path) {
        for (Path dir : List.of(root.resolve("pids" + path), root.resolve("memory" + path),
                root.resolve("unified" + path), root.resolve(path.substring(1)))) {
            Path procs = dir.resolve("cgroup.procs");
            if (Files.isRegularFile(procs)) {
                List<Long> pids = numbers(procs);
                if (!pids.isEmpty()) {
                    return pids;
                }
            }
        }
        return List.of();
    }

    /** Limits beside usage for the cgroup at {@code path}. */
    public CgroupLimits limits(String path) {
        CgroupSample s = usage.read(path).orElse(CgroupSample.empty());
        if (v1()) {
            Path cpu = root.resolve("cpu" + path);
            return new CgroupLimits("v1", path, s.memoryLimit(), s.memoryUsage(),
                    number(cpu.resolve("cpu.cfs_quota_us"), -1), number(cpu.resolve("cpu.cfs_period_us"), 0),
                    number(cpu.resolve("cpu.shares"), 0), "shares (default 1024)", s.pidsLimit(), s.pidsCurrent());
        }
        Path dir = root.resolve(path.substring(1));
        // cpu.max is "<quota|max> <period>".
        String[] cpuMax = first(dir.resolve("cpu.max")).split("\\s+");
        long quota = cpuMax.length > 0 && !cpuMax[0].equals("max") ? parse(cpuMax[0], -1) : -1;
        long period = cpuMax.length > 1 ? parse(cpuMax[1], 0) : 0;
        return new CgroupLimits("v2", path, s.memoryLimit(), s.memoryUsage(), quota, period,
                number(dir.resolve("cpu.weight"), 0), "weight (default 100)", s.pidsLimit(), s.pidsCurrent());
    }

    private static List<Long> numbers(Path file) {
        List<Long> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(parse(line.trim(), -1));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.removeIf(p -> p <= 0);
        return out;
    }

    private static long number(Path file, long fallback) {
        return parse(first(file), fallback);
    }

    private static String first(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "" : lines.getFirst().trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static long parse(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
