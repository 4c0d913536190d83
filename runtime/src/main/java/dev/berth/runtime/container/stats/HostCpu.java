package dev.berth.runtime.container.stats;

import java.nio.file.Path;
import java.util.List;

/** Host-wide figures stats are relative to: total CPU time (/proc/stat), online CPUs, and memory (/proc/meminfo). */
public final class HostCpu {
    private static final long TICKS_PER_SECOND = 100;

    private final Path proc;

    public HostCpu(Path proc) {
        this.proc = proc;
    }

    /**
     * Host CPU time in nanoseconds as moby computes it: the first seven fields of the "cpu" line of /proc/stat
     * (user..softirq) in clock ticks, converted to nanoseconds.
     */
    public long systemCpuNs() {
        for (String line : CgroupFiles.lines(proc.resolve("stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long ticks = 0;
                for (int i = 1; i < Math.min(8, f.length); i++) {
                    ticks += CgroupFiles.parse(f[i]);
                }
                return ticks * (1_000_000_000L / TICKS_PER_SECOND);
            }
        }
        return 0;
    }

    /** CPUs the host has online: the per-cpu lines of /proc/stat. */
    public int onlineCpus() {
        List<String> lines = CgroupFiles.lines(proc.resolve("stat"));
        int n = (int) lines.stream()
                .filter(l -> l.startsWith("cpu") && l.length() > 3 && Character.isDigit(l.charAt(3))).count();
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** MemTotal of /proc/meminfo in bytes: the limit Docker reports for a container without one. */
    public long memTotal() {
        for (String line : CgroupFiles.lines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] f = line.trim().split("\\s+");
                return CgroupFiles.parse(f[1]) * 1024;
            }
        }
        return 0;
    }
}
