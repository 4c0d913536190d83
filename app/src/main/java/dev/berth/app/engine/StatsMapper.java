package dev.berth.app.engine;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.Statistics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reduces docker-java's {@link Statistics} to a {@link StatsSample}, computing CPU % the way {@code docker stats} does. */
final class StatsMapper {
    private StatsMapper() {}

    static StatsSample toSample(Statistics s) {
        var cpu = s.getCpuStats();
        var pre = s.getPreCpuStats();
        double cpuPercent = 0;
        if (cpu != null && pre != null && cpu.getCpuUsage() != null && pre.getCpuUsage() != null) {
            long cpuDelta = nz(cpu.getCpuUsage().getTotalUsage()) - nz(pre.getCpuUsage().getTotalUsage());
            long systemDelta = nz(cpu.getSystemCpuUsage()) - nz(pre.getSystemCpuUsage());
            long cores = cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0 ? cpu.getOnlineCpus()
                    : cpu.getCpuUsage().getPercpuUsage() == null ? 1 : cpu.getCpuUsage().getPercpuUsage().size();
            if (cpuDelta > 0 && systemDelta > 0) {
                cpuPercent = (double) cpuDelta / systemDelta * cores * 100.0;
            }
        }
        var mem = s.getMemoryStats();
        long usage = mem == null ? 0 : nz(mem.getUsage());
        long limit = mem == null ? 0 : nz(mem.getLimit());
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
        return new StatsSample(time(s.getRead()), cpuPercent, usage, limit, rx, tx, read, write, pids);
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
