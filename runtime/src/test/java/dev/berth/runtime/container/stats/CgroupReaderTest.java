package dev.berth.runtime.container.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupReaderTest {
    @TempDir
    Path root;

    private void write(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void readsCgroupV1Controllers() throws IOException {
        String c = "berth/abc/";
        write("cpuacct/" + c + "cpuacct.usage", "3000000000\n");
        write("cpuacct/" + c + "cpuacct.usage_percpu", "1000000000 2000000000 \n");
        write("cpuacct/" + c + "cpuacct.stat", "user 150\nsystem 50\n");
        write("cpu/" + c + "cpu.stat", "nr_periods 10\nnr_throttled 2\nthrottled_time 5000\n");
        write("memory/" + c + "memory.usage_in_bytes", "10485760\n");
        write("memory/" + c + "memory.max_usage_in_bytes", "20971520\n");
        write("memory/" + c + "memory.limit_in_bytes", "33554432\n");
        write("memory/" + c + "memory.stat", "cache 4096\ntotal_inactive_file 8192\n");
        write("blkio/" + c + "blkio.throttle.io_service_bytes",
                "8:0 Read 4096\n8:0 Write 512\n8:0 Total 4608\nTotal 4608\n");
        write("pids/" + c + "pids.current", "3\n");
        write("pids/" + c + "pids.max", "max\n");

        CgroupReader reader = CgroupReader.forHost(root);
        assertInstanceOf(CgroupV1Reader.class, reader);
        CgroupSample s = reader.read("/berth/abc").orElseThrow();
        assertEquals(3_000_000_000L, s.cpuTotalNs());
        assertEquals(List.of(1_000_000_000L, 2_000_000_000L), s.perCpuNs());
        assertEquals(1_500_000_000L, s.cpuUserNs());
        assertEquals(500_000_000L, s.cpuKernelNs());
        assertEquals(new CgroupSample.Throttling(10, 2, 5000), s.throttling());
        assertEquals(10485760, s.memoryUsage());
        assertEquals(33554432, s.memoryLimit());
        assertEquals(8192L, s.memoryStat().get("total_inactive_file"));
        assertEquals(List.of(new CgroupSample.IoEntry(8, 0, "Read", 4096), new CgroupSample.IoEntry(8, 0, "Write", 512),
                new CgroupSample.IoEntry(8, 0, "Total", 4608)), s.io());
        assertEquals(3, s.pidsCurrent());
        assertEquals(0, s.pidsLimit());
        assertTrue(reader.read("/berth/missing").isEmpty());
    }

    @Test
    void v1UnlimitedMemoryReadsAsZero() throws IOException {
        write("cpuacct/berth/x/cpuacct.usage", "1\n");
        write("memory/berth/x/memory.limit_in_bytes", "9223372036854771712\n");
        assertEquals(0, new CgroupV1Reader(root).read("/berth/x").orElseThrow().memoryLimit());
    }

    @Test
    void readsCgroupV2UnifiedFiles() throws IOException {
        String c = "berth/abc/";
        write("cgroup.controllers", "cpu io memory pids\n");
        write(c + "cpu.stat",
                "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\nnr_periods 4\nnr_throttled 1\nthrottled_usec 7\n");
        write(c + "memory.current", "4096\n");
        write(c + "memory.max", "max\n");
        write(c + "memory.stat", "anon 1024\ninactive_file 512\n");
        write(c + "io.stat", "8:16 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=0 dios=0\n");
        write(c + "pids.current", "2\n");
        write(c + "pids.max", "64\n");

        CgroupReader reader = CgroupReader.forHost(root);
        assertInstanceOf(CgroupV2Reader.class, reader);
        CgroupSample s = reader.read("/berth/abc").orElseThrow();
        assertEquals(2_500_000, s.cpuTotalNs());
        assertTrue(s.perCpuNs().isEmpty());
        assertEquals(2_000_000, s.cpuUserNs());
        assertEquals(new CgroupSample.Throttling(4, 1, 7000), s.throttling());
        assertEquals(4096, s.memoryUsage());
        assertEquals(0, s.memoryLimit());
        assertEquals(512L, s.memoryStat().get("inactive_file"));
        assertEquals(
                List.of(new CgroupSample.IoEntry(8, 16, "read", 100), new CgroupSample.IoEntry(8, 16, "write", 200)),
                s.io());
        assertEquals(2, s.pidsCurrent());
        assertEquals(64, s.pidsLimit());
    }

    @Test
    void hostFiguresComeFromProc() throws IOException {
        write("proc/stat",
                "cpu  100 0 50 800 10 0 5 3 0 0\ncpu0 50 0 25 400 5 0 2 1 0 0\ncpu1 50 0 25 400 5 0 3 2 0 0\nbtime 1\n");
        write("proc/meminfo", "MemTotal:        2048 kB\nMemFree: 1 kB\n");
        HostCpu host = new HostCpu(root.resolve("proc"));
        // user+nice+system+idle+iowait+irq+softirq = 965 ticks of 10 ms; steal is not counted (as in moby).
        assertEquals(965L * 10_000_000L, host.systemCpuNs());
        assertEquals(2, host.onlineCpus());
        assertEquals(2048L * 1024, host.memTotal());
    }

    @Test
    void netDevSkipsLoopback() throws IOException {
        write("dev",
                "Inter-|   Receive |  Transmit\n face |bytes packets errs drop fifo frame compressed multicast|bytes packets errs drop fifo colls carrier compressed\n"
                        + "    lo:   10 1 0 0 0 0 0 0   10 1 0 0 0 0 0 0\n"
                        + "  eth0: 1500 12 1 2 0 0 0 0  700 7 3 4 0 0 0 0\n");
        Map<String, NetDev.Counters> n = NetDev.read(root.resolve("dev"));
        assertEquals(Map.of("eth0", new NetDev.Counters(1500, 12, 1, 2, 700, 7, 3, 4)), n);
    }

    @Test
    void jsonHasTheFieldsTheCliReads() {
        CgroupSample s = new CgroupSample(5, List.of(2L, 3L), 1, 1, new CgroupSample.Throttling(0, 0, 0), 100, 0, 0,
                Map.of("inactive_file", 10L), List.of(), 1, 0);
        StatsSnapshot now = new StatsSnapshot(Instant.parse("2026-01-01T00:00:01Z"), s, 1000, 2, 4096,
                Map.of("eth0", new NetDev.Counters(1, 0, 0, 0, 2, 0, 0, 0)));
        ObjectNode o = StatsJson.render("id", "web", now, null);
        assertEquals("/web", o.path("name").asText());
        assertEquals(5, o.at("/cpu_stats/cpu_usage/total_usage").asLong());
        assertEquals(2, o.at("/cpu_stats/cpu_usage/percpu_usage").size());
        assertEquals(1000, o.at("/cpu_stats/system_cpu_usage").asLong());
        assertEquals(2, o.at("/cpu_stats/online_cpus").asInt());
        assertEquals("0001-01-01T00:00:00Z", o.path("preread").asText());
        // No cgroup limit: the host's memory is the limit.
        assertEquals(4096, o.at("/memory_stats/limit").asLong());
        assertEquals(10, o.at("/memory_stats/stats/inactive_file").asLong());
        assertEquals(1, o.at("/pids_stats/current").asLong());
        assertEquals(2, o.at("/networks/eth0/tx_bytes").asLong());
        ObjectNode zero = StatsJson.render("id", "web", StatsSnapshot.notRunning(), null);
        assertEquals("0001-01-01T00:00:00Z", zero.path("read").asText());
        assertEquals(0, zero.at("/cpu_stats/cpu_usage/total_usage").asLong());
    }
}
