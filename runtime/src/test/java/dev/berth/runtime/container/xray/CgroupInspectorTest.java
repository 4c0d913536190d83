package dev.berth.runtime.container.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupInspectorTest {
    @TempDir
    Path root;

    private void file(String path, String... lines) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, List.of(lines));
    }

    @Test
    void readsV1LimitsFromEachController() throws IOException {
        String g = "berth/abc";
        file("memory/" + g + "/memory.limit_in_bytes", "33554432");
        file("memory/" + g + "/memory.usage_in_bytes", "1048576");
        file("cpuacct/" + g + "/cpuacct.usage", "5");
        file("cpu/" + g + "/cpu.cfs_quota_us", "50000");
        file("cpu/" + g + "/cpu.cfs_period_us", "100000");
        file("cpu/" + g + "/cpu.shares", "512");
        file("pids/" + g + "/pids.max", "max");
        file("pids/" + g + "/pids.current", "3");
        file("pids/" + g + "/cgroup.procs", "4242", "4250", "");
        CgroupInspector c = new CgroupInspector(root);
        CgroupLimits l = c.limits("/berth/abc");
        assertEquals("v1", l.version());
        assertEquals(33554432, l.memoryLimitBytes());
        assertEquals(1048576, l.memoryUsageBytes());
        assertEquals(50000, l.cpuQuotaMicros());
        assertEquals(100000, l.cpuPeriodMicros());
        assertEquals(512, l.cpuShares());
        assertEquals(0, l.pidsMax(), "max reads as unlimited");
        assertEquals(3, l.pidsCurrent());
        assertEquals(List.of(4242L, 4250L), c.procs("/berth/abc"));
    }

    @Test
    void readsV2LimitsFromOneDirectory() throws IOException {
        String g = "berth/abc";
        file(g + "/memory.max", "max");
        file(g + "/memory.current", "2048");
        file(g + "/cpu.max", "max 100000");
        file(g + "/cpu.weight", "100");
        file(g + "/cpu.stat", "usage_usec 10");
        file(g + "/pids.max", "64");
        file(g + "/pids.current", "2");
        file(g + "/cgroup.procs", "77");
        CgroupInspector c = new CgroupInspector(root);
        CgroupLimits l = c.limits("/berth/abc");
        assertEquals("v2", l.version());
        assertEquals(0, l.memoryLimitBytes());
        assertEquals(2048, l.memoryUsageBytes());
        assertEquals(-1, l.cpuQuotaMicros(), "max: no quota");
        assertEquals(100000, l.cpuPeriodMicros());
        assertEquals(100, l.cpuShares());
        assertEquals(64, l.pidsMax());
        assertEquals(List.of(77L), c.procs("/berth/abc"));
    }

    @Test
    void aCgroupThatIsGoneHasNoProcesses() {
        assertEquals(List.of(), new CgroupInspector(root).procs("/berth/none"));
    }
}
