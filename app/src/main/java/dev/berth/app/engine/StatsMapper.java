package dev.berth.app.engine;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.Statistics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reduces docker-java's {@link Statistics} to a {@link StatsSample}, with CPU % and memory as {@code docker stats} computes them. */
final class StatsMapper {
    private StatsMapper() {}

    static StatsSample toSample(Statistics s) {
        ContainerStats cli = toStats(s);
        long rx = 0;
        long tx = 0;
        if (s.getNetworks() != null) {
            for (var n : s.getNetworks().values()) {
                rx += nz(n.getRxBytes());
                tx += nz(n.getTxBytes());
            }
        }
        long read = 0;
        long write = 0;
        List<BlkioStatEntry> io = s.getBlkioStats() == null ? null : s.getBlkioStats().getIoServiceBytesRecursive();
        if (io != null) {
            for (BlkioStatEntry e : io) {
                if ("read".equalsIgnoreCase(e.getOp())) {
                    read += nz(e.getValue());
                } else if ("write".equalsIgnoreCase(e.getOp())) {
                    write += nz(e.getValue());
                }
            }
        }
        long pids = s.getPidsStats() == null ? 0 : nz(s.getPidsStats().getCurrent());
        return new StatsSample(time(s.getRead()), cli.cpuPercent(), cli.memoryBytes(), cli.memoryLimitBytes(), rx, tx,
                read, write, pids);
    }

    /** CPU and memory in the CLI's terms (see {@link ContainerStats#compute}). */
    static ContainerStats toStats(Statistics s) {
        var cpu = s.getCpuStats();
        var pre = s.getPreCpuStats();
        var mem = s.getMemoryStats();
        long inactive = 0;
        if (mem != null && mem.getStats() != null) {
            Long v2 = mem.getStats().getInactiveFile();
            Long v1 = mem.getStats().getTotalInactiveFile();
            inactive = v2 != null ? v2 : v1 != null ? v1 : 0;
        }
        return ContainerStats.compute(
                cpu == null || cpu.getCpuUsage() == null ? 0 : nz(cpu.getCpuUsage().getTotalUsage()),
                pre == null || pre.getCpuUsage() == null ? 0 : nz(pre.getCpuUsage().getTotalUsage()),
                cpu == null ? 0 : nz(cpu.getSystemCpuUsage()),
                pre == null ? 0 : nz(pre.getSystemCpuUsage()),
                cpu == null ? 1 : onlineCpus(cpu),
                mem == null ? 0 : nz(mem.getUsage()), inactive, mem == null ? 0 : nz(mem.getLimit()));
    }

    /** {@code online_cpus}, or the length of {@code percpu_usage} on engines that do not send it (as the CLI does). */
    private static long onlineCpus(com.github.dockerjava.api.model.CpuStatsConfig cpu) {
        if (cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0) {
            return cpu.getOnlineCpus();
        }
        var per = cpu.getCpuUsage() == null ? null : cpu.getCpuUsage().getPercpuUsage();
        return per == null || per.isEmpty() ? 1 : per.size();
    }

    private static Instant time(String read) {
        try {
            return read == null || read.startsWith("0001") ? Instant.now() : OffsetDateTime.parse(read).toInstant();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    private static long nz(Long l) {
        return l == null ? 0 : l;
    }
}
