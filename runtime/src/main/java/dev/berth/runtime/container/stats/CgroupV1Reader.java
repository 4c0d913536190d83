package dev.berth.runtime.container.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** cgroup v1: one hierarchy per controller, {@code <root>/<controller><cgroupsPath>}. */
public final class CgroupV1Reader implements CgroupReader {
    /** USER_HZ: cpuacct.stat counts in these ticks per second. */
    private static final long TICKS_PER_SECOND = 100;
    /** The memory controller's "no limit" is a huge page-aligned number; anything this large means unlimited. */
    private static final long UNLIMITED = Long.MAX_VALUE / 2;

    private final Path root;

    public CgroupV1Reader(Path root) {
        this.root = root;
    }

    @Override
    public Optional<CgroupSample> read(String cgroupsPath) {
        Path cpuacct = controller("cpuacct", cgroupsPath);
        Path memory = controller("memory", cgroupsPath);
        if (!Files.isDirectory(cpuacct) && !Files.isDirectory(memory)) {
            return Optional.empty();
        }
        List<Long> perCpu = new ArrayList<>();
        for (String line : CgroupFiles.lines(cpuacct.resolve("cpuacct.usage_percpu"))) {
            for (String v : line.trim().split("\\s+")) {
                if (!v.isEmpty()) {
                    perCpu.add(CgroupFiles.parse(v));
                }
            }
        }
        Map<String, Long> cpuTimes = CgroupFiles.keyValues(cpuacct.resolve("cpuacct.stat"));
        long nsPerTick = 1_000_000_000L / TICKS_PER_SECOND;
        Map<String, Long> cfs = CgroupFiles.keyValues(controller("cpu", cgroupsPath).resolve("cpu.stat"));
        long limit = CgroupFiles.number(memory.resolve("memory.limit_in_bytes"));
        Path pids = controller("pids", cgroupsPath);
        return Optional.of(new CgroupSample(
                CgroupFiles.number(cpuacct.resolve("cpuacct.usage")),
                List.copyOf(perCpu),
                cpuTimes.getOrDefault("user", 0L) * nsPerTick,
                cpuTimes.getOrDefault("system", 0L) * nsPerTick,
                new CgroupSample.Throttling(cfs.getOrDefault("nr_periods", 0L), cfs.getOrDefault("nr_throttled", 0L),
                        cfs.getOrDefault("throttled_time", 0L)),
                CgroupFiles.number(memory.resolve("memory.usage_in_bytes")),
                CgroupFiles.number(memory.resolve("memory.max_usage_in_bytes")),
                limit >= UNLIMITED ? 0 : limit,
                CgroupFiles.keyValues(memory.resolve("memory.stat")),
                io(controller("blkio", cgroupsPath).resolve("blkio.throttle.io_service_bytes")),
                CgroupFiles.number(pids.resolve("pids.current")),
                CgroupFiles.number(pids.resolve("pids.max"))));
    }

    private Path controller(String name, String cgroupsPath) {
        return root.resolve(name + cgroupsPath);
    }

    /** Lines "8:0 Read 4096"; the trailing "Total N" line has no device and is skipped. */
    private static List<CgroupSample.IoEntry> io(Path file) {
        List<CgroupSample.IoEntry> out = new ArrayList<>();
        for (String line : CgroupFiles.lines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].contains(":")) {
                String[] dev = f[0].split(":");
                out.add(new CgroupSample.IoEntry(CgroupFiles.parse(dev[0]), CgroupFiles.parse(dev[1]), f[1],
                        CgroupFiles.parse(f[2])));
            }
        }
        return List.copyOf(out);
    }
}
