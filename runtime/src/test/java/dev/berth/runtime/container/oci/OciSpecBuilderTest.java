package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OciSpecBuilderTest {
    private static final HostFacts HOST = new HostFacts(
            type -> type.equals("RLIMIT_NOFILE") ? OptionalLong.of(20000) : OptionalLong.empty(),
            true, true, Optional.of(Path.of("/usr/bin/tini-static")));
    private final OciSpecBuilder builder = new OciSpecBuilder(HOST);

    private ContainerSpecOptions.Builder options() {
        return ContainerSpecOptions.builder().rootfs(Path.of("/r")).args("sh");
    }

    @Test
    void dockerDefaults() {
        RuntimeSpec spec = builder.build(options().build());
        assertEquals(Capabilities.DEFAULTS, spec.process().capabilities().bounding());
        assertEquals(Capabilities.DEFAULTS, spec.process().capabilities().effective());
        assertTrue(spec.linux().maskedPaths()
                .containsAll(List.of("/proc/kcore", "/proc/keys", "/sys/firmware", "/sys/devices/virtual/powercap")));
        assertEquals(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"),
                spec.linux().readonlyPaths());
        assertEquals(List.of("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm"),
                spec.mounts().stream().map(RuntimeSpec.Mount::destination).toList());
        assertTrue(spec.mounts().get(3).options().contains("ro"), "/sys is read-only");
        assertTrue(spec.mounts().get(6).options().contains("size=67108864"), "64 MiB /dev/shm");
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network", "cgroup"),
                spec.linux().namespaces().stream().map(RuntimeSpec.Namespace::type).toList());
        assertEquals("/", spec.process().cwd());
        assertEquals(OciSpecBuilder.DEFAULT_PATH, spec.process().env().getFirst());
        assertEquals(6, spec.linux().devices().size());
        assertFalse(spec.linux().resources().devices().getFirst().allow(), "device cgroup starts from deny-all");
    }

    @Test
    void nofileIsCappedAtTheHostHardLimit() {
        RuntimeSpec spec = builder
                .build(options().ulimits(List.of(new ContainerSpecOptions.Ulimit("nproc", 100, 200))).build());
        assertEquals(new RuntimeSpec.Rlimit("RLIMIT_NOFILE", 20000, 20000), spec.process().rlimits().getFirst());
        assertEquals(new RuntimeSpec.Rlimit("RLIMIT_NPROC", 200, 100), spec.process().rlimits().get(1));
        RuntimeSpec asked = builder
                .build(options().ulimits(List.of(new ContainerSpecOptions.Ulimit("nofile", 1024, 50000))).build());
        assertEquals(new RuntimeSpec.Rlimit("RLIMIT_NOFILE", 20000, 1024), asked.process().rlimits().getFirst());
    }

    @Test
    void badUlimitsAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> builder
                .build(options().ulimits(List.of(new ContainerSpecOptions.Ulimit("bogus", 1, 1))).build()));
        assertThrows(InvalidArgumentException.class, () -> builder
                .build(options().ulimits(List.of(new ContainerSpecOptions.Ulimit("nofile", 10, 1))).build()));
    }

    @Test
    void privilegedGetsEverything() {
        RuntimeSpec spec = builder.build(options().privileged(true).build());
        assertEquals(Capabilities.all(), spec.process().capabilities().bounding());
        assertNull(spec.linux().maskedPaths());
        assertNull(spec.linux().readonlyPaths());
        assertTrue(spec.linux().resources().devices().getFirst().allow());
        assertTrue(spec.mounts().get(3).options().contains("rw"), "/sys is writable");
    }

    @Test
    void capAddAndDropAcceptBothSpellingsAndAll() {
        RuntimeSpec spec = builder
                .build(options().capDrop(List.of("ALL")).capAdd(List.of("net_admin", "CAP_CHOWN")).build());
        assertEquals(List.of("CAP_NET_ADMIN", "CAP_CHOWN"), spec.process().capabilities().effective());
        RuntimeSpec dropped = builder.build(options().capDrop(List.of("chown", "CAP_KILL")).build());
        assertFalse(dropped.process().capabilities().effective().contains("CAP_CHOWN"));
        assertFalse(dropped.process().capabilities().effective().contains("CAP_KILL"));
        assertEquals(12, dropped.process().capabilities().effective().size());
        assertThrows(InvalidArgumentException.class, () -> builder.build(options().capAdd(List.of("CAP_FLY")).build()));
    }

    @Test
    void capabilityMasksDecode() {
        assertEquals(List.of("CAP_CHOWN", "CAP_KILL", "CAP_SYS_ADMIN"),
                Capabilities.fromMask((1L << 0) | (1L << 5) | (1L << 21)));
        assertEquals(40, Capabilities.fromMask(0x000001fffeffffffL).size(), "everything but CAP_SYS_RESOURCE");
    }

    @Test
    void resources() {
        RuntimeSpec spec = builder.build(options().memory(64L << 20).cpus(1.5).cpuShares(512).pidsLimit(100).build());
        assertEquals(64L << 20, spec.linux().resources().memory().limit());
        assertEquals(128L << 20, spec.linux().resources().memory().swap(),
                "unset swap is twice the memory, as in Docker");
        assertEquals(150_000L, spec.linux().resources().cpu().quota());
        assertEquals(100_000L, spec.linux().resources().cpu().period());
        assertEquals(512L, spec.linux().resources().cpu().shares());
        assertEquals(100L, spec.linux().resources().pids().limit());
        assertThrows(InvalidArgumentException.class, () -> builder.build(options().memory(1024).build()));
        assertThrows(InvalidArgumentException.class,
                () -> builder.build(options().memory(64L << 20).memorySwap(1L << 20).build()));
    }

    @Test
    void processSettings() {
        RuntimeSpec spec = builder
                .build(options().user(1000, 100).additionalGids(List.of(5L)).cwd("/work").hostname("h")
                        .domainname("example.org").terminal(true).consoleSize(30, 100).readonlyRootfs(true)
                        .noNewPrivileges(true)
                        .oomScoreAdj(500).sysctls(Map.of("net.ipv4.ip_forward", "1")).annotations(Map.of("a", "b"))
                        .networkNamespacePath("/run/netns/x").cgroupsPath("/berth/c1").build());
        assertEquals(new RuntimeSpec.User(1000, 100, List.of(5L)), spec.process().user());
        assertEquals("/work", spec.process().cwd());
        assertEquals("h", spec.hostname());
        assertEquals("example.org", spec.domainname());
        assertEquals(new RuntimeSpec.ConsoleSize(30, 100), spec.process().consoleSize());
        assertTrue(spec.process().env().contains("TERM=xterm"));
        assertTrue(spec.process().env().contains("HOSTNAME=h"));
        assertTrue(spec.root().readonly());
        assertTrue(spec.process().noNewPrivileges());
        assertEquals(500, spec.process().oomScoreAdj());
        assertEquals("1", spec.linux().sysctl().get("net.ipv4.ip_forward"));
        assertEquals("/run/netns/x", spec.linux().namespaces().get(4).path());
        assertEquals("/berth/c1", spec.linux().cgroupsPath());
        assertEquals(Map.of("a", "b"), spec.annotations());
    }

    @Test
    void initIsBindMountedAndPrepended() {
        RuntimeSpec spec = builder.build(options().args("sleep", "1").init(true).build());
        assertEquals(List.of("/dev/init", "--", "sleep", "1"), spec.process().args());
        assertTrue(spec.mounts().stream()
                .anyMatch(m -> m.destination().equals("/dev/init") && m.source().equals("/usr/bin/tini-static")));
        OciSpecBuilder noInit = new OciSpecBuilder(
                new HostFacts(t -> OptionalLong.empty(), false, false, Optional.empty()));
        assertThrows(InvalidArgumentException.class, () -> noInit.build(options().init(true).build()));
    }

    @Test
    void userMountsReplaceDefaultsAndSortParentsFirst() {
        RuntimeSpec spec = builder.build(options().mounts(List.of(
                SpecMount.bind("/host/a/b", "/data/sub", true),
                new SpecMount(SpecMount.Kind.BIND, "/host/a", "/data", false, "rshared", null),
                SpecMount.tmpfs("/dev/shm", "size=1m"),
                SpecMount.volume("/var/lib/berth/volumes/v/_data", "/v", false))).build());
        List<String> destinations = spec.mounts().stream().map(RuntimeSpec.Mount::destination).toList();
        assertEquals(1, destinations.stream().filter("/dev/shm"::equals).count());
        assertTrue(destinations.indexOf("/data") < destinations.indexOf("/data/sub"));
        RuntimeSpec.Mount data = spec.mounts().stream().filter(m -> m.destination().equals("/data")).findFirst()
                .orElseThrow();
        assertEquals(List.of("rbind", "rw", "rshared"), data.options());
        RuntimeSpec.Mount sub = spec.mounts().stream().filter(m -> m.destination().equals("/data/sub")).findFirst()
                .orElseThrow();
        assertEquals(List.of("rbind", "ro", "rprivate"), sub.options());
        RuntimeSpec.Mount shm = spec.mounts().stream().filter(m -> m.destination().equals("/dev/shm")).findFirst()
                .orElseThrow();
        assertTrue(shm.options().contains("size=1m"));
        assertThrows(InvalidArgumentException.class,
                () -> builder.build(options().mounts(List.of(SpecMount.bind("rel", "/x", false))).build()));
        assertThrows(InvalidArgumentException.class,
                () -> builder.build(options().mounts(List.of(SpecMount.bind("/a", "x", false))).build()));
    }

    @Test
    void missingCommandOrRootfsIsRefused() {
        assertThrows(InvalidArgumentException.class,
                () -> builder.build(ContainerSpecOptions.builder().rootfs(Path.of("/r")).build()));
        assertThrows(InvalidArgumentException.class,
                () -> builder.build(ContainerSpecOptions.builder().args("sh").build()));
    }

    @Test
    void jsonLeavesOutUnsetFields() throws Exception {
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(builder.build(options().build())));
        assertEquals("1.0.2", json.get("ociVersion").asText());
        assertFalse(json.get("process").get("capabilities").has("ambient"));
        assertFalse(json.has("hostname"));
        assertFalse(json.get("linux").get("resources").has("memory"));
        assertEquals("/r", json.get("root").get("path").asText());
        assertTrue(json.get("linux").get("resources").get("devices").get(0).has("allow"));
    }

    @Test
    void execProcessInheritsContainerRules() {
        RuntimeSpec.Process p = builder.execProcess(options().env(List.of("A=1")).build(), List.of("ls"),
                List.of("B=2"), null, 5, 6, true);
        assertEquals(List.of("ls"), p.args());
        assertTrue(p.env().containsAll(List.of("A=1", "B=2")));
        assertEquals(new RuntimeSpec.User(5, 6, null), p.user());
        assertTrue(p.terminal());
        assertEquals(20000, p.rlimits().getFirst().hard());
        assertThrows(InvalidArgumentException.class,
                () -> builder.execProcess(options().build(), List.of(), List.of(), null, 0, 0, false));
    }
}
