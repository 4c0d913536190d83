package dev.berth.runtime.container.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** cgroup v2: one unified tree, {@code <root><cgroupsPath>} holds every controller's files. */
public final class CgroupV2Reader implements CgroupReader {
    private final Path root;

    public CgroupV2Reader(Path root) {
        this.root = root;
    }

    @Override
    public Optional<CgroupSample> read(String cgroupsPath) {
        Path dir = root.resolve(cgroupsPath.substring(1));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Map<String, Long> cpu = CgroupFiles.keyValues(dir.resolve("cpu.stat"));
        return Optional.of(new CgroupSample(
                cpu.getOrDefault("usage_usec", 0L) * 1000,
                List.of(),
                cpu.getOrDefault("user_usec", 0L) * 1000,
                cpu.getOrDefault("system_usec", 0L) * 1000,
                new CgroupSample.Throttling(cpu.getOrDefault("nr_periods", 0L), cpu.getOrDefault("nr_throttled", 0L),
                        cpu.getOrDefault("throttled_usec", 0L) * 1000),
                CgroupFiles.number(dir.resolve("memory.current")),
                CgroupFiles.number(dir.resolve("memory.peak")),
                CgroupFiles.number(dir.resolve("memory.max")),
                CgroupFiles.keyValues(dir.resolve("memory.stat")),
                io(dir.resolve("io.stat")),
                CgroupFiles.number(dir.resolve("pids.current")),
                CgroupFiles.number(dir.resolve("pids.max"))));
    }

    /** Lines "8:0 rbytes=1 wbytes=2 rios=3 ..." become Docker's Read/Write entries, as moby does for v2. */
    private static List<CgroupSample.IoEntry> io(Path file) {
        List<CgroupSample.IoEntry> out = new ArrayList<>();
        for (String line : CgroupFiles.lines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !f[0].contains(":")) {
                continue;
            }
            String[] dev = f[0].split(":");
            long major = CgroupFiles.parse(dev[0]);
            long minor = CgroupFiles.parse(dev[1]);
            for (int i = 1; i < f.length; i++) {
                String[] kv = f[i].split("=", 2);
                if (kv.length == 2 && kv[0].equals("rbytes")) {
                    out.add(new CgroupSample.IoEntry(major, minor, "read", CgroupFiles.parse(kv[1])));
                } else if (kv.length == 2 && kv[0].equals("wbytes")) {
                    out.add(new CgroupSample.IoEntry(major, minor, "write", CgroupFiles.parse(kv[1])));
                }
            }
        }
        return List.copyOf(out);
    }
}
