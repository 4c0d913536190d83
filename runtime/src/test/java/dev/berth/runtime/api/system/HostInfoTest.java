package dev.berth.runtime.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostInfoTest {
    @Test
    void readsAFakeRoot(@TempDir Path root) throws IOException {
        write(root, "proc/sys/kernel/osrelease", "6.1.0-test\n");
        write(root, "proc/sys/kernel/hostname", "box\n");
        write(root, "proc/meminfo", "MemTotal:        2048 kB\nMemFree: 1 kB\n");
        write(root, "etc/os-release",
                "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\n");
        write(root, "sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        write(root, "proc/sys/net/ipv4/ip_forward", "1\n");
        HostInfo h = HostInfo.probe(root);
        assertEquals("6.1.0-test", h.kernelVersion());
        assertEquals("box", h.hostname());
        assertEquals(2048L * 1024, h.memTotal());
        assertEquals("Debian GNU/Linux 12 (bookworm)", h.operatingSystem());
        assertEquals("12", h.osVersion());
        assertEquals("2", h.cgroupVersion());
        assertEquals(true, h.ipv4Forwarding());
        CgroupFeatures cg = CgroupFeatures.probe(root);
        assertEquals(new CgroupFeatures(true, false, true, true, true, true), cg);
    }

    @Test
    void architectureForms() {
        assertEquals("x86_64", HostInfo.unameMachine("amd64"));
        assertEquals("amd64", HostInfo.goArch("x86_64"));
        assertEquals("arm64", HostInfo.goArch(HostInfo.unameMachine("aarch64")));
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
