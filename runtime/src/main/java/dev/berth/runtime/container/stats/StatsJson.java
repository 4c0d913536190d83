package dev.berth.runtime.container.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Docker's stats JSON (moby api/types/container.StatsResponse) from a snapshot and the one before it. */
public final class StatsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private StatsJson() {}

    public static ObjectNode render(String id, String name, StatsSnapshot now, StatsSnapshot pre) {
        ObjectNode o = F.objectNode();
        o.put("name", "/" + name);
        o.put("id", id);
        o.put("read", now.read() == null ? ZERO_TIME : now.read().toString());
        o.put("preread", pre == null || pre.read() == null ? ZERO_TIME : pre.read().toString());
        CgroupSample c = now.cgroup();
        ObjectNode pids = o.putObject("pids_stats");
        if (now.read() != null) {
            pids.put("current", c.pidsCurrent());
            if (c.pidsLimit() > 0) {
                pids.put("limit", c.pidsLimit());
            }
        }
        ObjectNode blkio = o.putObject("blkio_stats");
        ArrayNode bytes = blkio.putArray("io_service_bytes_recursive");
        c.io().forEach(e -> bytes.addObject().put("major", e.major()).put("minor", e.minor()).put("op", e.op())
                .put("value", e.value()));
        for (String empty : new String[]{"io_serviced_recursive", "io_queue_recursive", "io_service_time_recursive",
                "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive", "sectors_recursive"}) {
            blkio.putNull(empty);
        }
        o.put("num_procs", 0);
        o.putObject("storage_stats");
        o.set("cpu_stats", cpu(now));
        o.set("precpu_stats", cpu(pre == null ? StatsSnapshot.notRunning() : pre));
        o.set("memory_stats", memory(now));
        if (!now.networks().isEmpty()) {
            ObjectNode nets = o.putObject("networks");
            now.networks().forEach((iface, n) -> nets.putObject(iface)
                    .put("rx_bytes", n.rxBytes()).put("rx_packets", n.rxPackets()).put("rx_errors", n.rxErrors())
                    .put("rx_dropped", n.rxDropped()).put("tx_bytes", n.txBytes()).put("tx_packets", n.txPackets())
                    .put("tx_errors", n.txErrors()).put("tx_dropped", n.txDropped()));
        }
        return o;
    }

    private static ObjectNode cpu(StatsSnapshot s) {
        CgroupSample c = s.cgroup();
        ObjectNode cpu = F.objectNode();
        ObjectNode usage = cpu.putObject("cpu_usage");
        usage.put("total_usage", c.cpuTotalNs());
        if (!c.perCpuNs().isEmpty()) {
            ArrayNode per = usage.putArray("percpu_usage");
            c.perCpuNs().forEach(per::add);
        }
        usage.put("usage_in_kernelmode", c.cpuKernelNs());
        usage.put("usage_in_usermode", c.cpuUserNs());
        if (s.read() != null) {
            cpu.put("system_cpu_usage", s.systemCpuNs());
            cpu.put("online_cpus", s.onlineCpus());
        }
        cpu.putObject("throttling_data")
                .put("periods", c.throttling().periods())
                .put("throttled_periods", c.throttling().throttledPeriods())
                .put("throttled_time", c.throttling().throttledTimeNs());
        return cpu;
    }

    private static ObjectNode memory(StatsSnapshot s) {
        ObjectNode mem = F.objectNode();
        if (s.read() == null) {
            return mem;
        }
        CgroupSample c = s.cgroup();
        mem.put("usage", c.memoryUsage());
        if (c.memoryMaxUsage() > 0) {
            mem.put("max_usage", c.memoryMaxUsage());
        }
        ObjectNode stats = mem.putObject("stats");
        for (Map.Entry<String, Long> e : c.memoryStat().entrySet()) {
            stats.put(e.getKey(), e.getValue());
        }
        long limit = c.memoryLimit() > 0 && (s.hostMemory() == 0 || c.memoryLimit() < s.hostMemory()) ? c.memoryLimit()
                : s.hostMemory();
        mem.put("limit", limit);
        return mem;
    }
}
