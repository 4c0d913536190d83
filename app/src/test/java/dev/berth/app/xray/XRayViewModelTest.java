package dev.berth.app.xray;

import static dev.berth.app.testing.FakeEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.BerthFeatures;
import dev.berth.app.engine.XRayReport;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XRayViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final XRayViewModel vm = new XRayViewModel(() -> engine, Async.sameThread());

    static XRayReport report(long memoryLimit) {
        return new XRayReport("c1", "web", "busybox", 4242,
                List.of(new XRayReport.Process(4250, 7, 4242, "sleep", "sleep 300", 0),
                        new XRayReport.Process(4242, 1, 4230, "sh", "sh -c sleep 300", 0)),
                List.of(new XRayReport.Namespace("pid", 4026532201L, 4026531836L, false),
                        new XRayReport.Namespace("user", 4026531837L, 4026531837L, true)),
                new XRayReport.Cgroup("v1", "/berth/c1", memoryLimit, 2_000_000, 50_000, 100_000, 1024,
                        "shares (default 1024)", 0, 2),
                new XRayReport.Overlay("/m", "/u", "/w", true,
                        List.of(new XRayReport.Layer(0, "/l/b", "sha256:bb", "sha256:cb", 10),
                                new XRayReport.Layer(1, "/l/a", "sha256:aa", "sha256:aa", 2_000_000)),
                        List.of(new XRayReport.Change("/tmp/x", "added")), false),
                new XRayReport.Security(0, 0, "root", "", List.of("CAP_CHOWN", "CAP_KILL"),
                        List.of("CAP_CHOWN", "CAP_KILL"),
                        "filter", false));
    }

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.containers.add(container("c1", "web", "running", null));
        engine.containers.add(container("c2", "db", "exited", null));
    }

    @Test
    void engineWithoutBerthApiShowsTheTabAsUnavailableAndSaysWhy() {
        vm.load("c1");
        assertEquals(XRayStatus.UNAVAILABLE, vm.statusProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Fake Engine 1.0 has no X-ray"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("dockerd and podman do not"));
        assertFalse(engine.calls.contains("xray c1"), "no X-ray call to an engine that lacks it");
        assertNull(vm.reportProperty().get());
    }

    @Test
    void berthEngineGivesTheReportAndItsReadings() {
        engine.berth = new BerthFeatures(true, "0.1", List.of("xray"));
        engine.xrays.put("c1", report(48_000_000));
        vm.load("c1");
        assertEquals(XRayStatus.READY, vm.statusProperty().get());
        assertEquals(1, vm.initProcess().containerPid());
        assertEquals(4242, vm.initProcess().hostPid(), "the init process is the one at the report's host pid");
        assertEquals(2, vm.lowerLayerCount());
        assertEquals(1, vm.isolatedNamespaceCount());
        assertEquals("1.91 MiB of 45.8 MiB", vm.memoryText());
        assertEquals(2_000_000 / 48_000_000.0, vm.memoryShare(), 1e-9);
        assertEquals("at most 0.50 CPUs (50000 µs every 100000 µs) · 1024 CPU shares (1024 is the default share)",
                vm.cpuText());
        assertEquals("2 (no limit)", vm.pidsText());
        assertEquals("root (uid 0, gid 0)", vm.userText());
        assertTrue(vm.missingCapabilities().contains("CAP_SYS_ADMIN"));
        assertFalse(vm.missingCapabilities().contains("CAP_KILL"));
        assertEquals(39, vm.missingCapabilities().size());
        assertTrue(vm.seccompText().startsWith("filter"));
    }

    @Test
    void noMemoryLimitReadsAsSuch() {
        engine.berth = new BerthFeatures(true, "0.1", List.of("xray"));
        engine.xrays.put("c1", report(0));
        vm.load("c1");
        assertEquals("1.91 MiB (no limit)", vm.memoryText());
        assertEquals(-1, vm.memoryShare());
    }

    @Test
    void stoppedContainerIsExplainedNotFailed() {
        engine.berth = new BerthFeatures(true, "0.1", List.of("xray"));
        vm.load("c2");
        assertEquals(XRayStatus.NOT_RUNNING, vm.statusProperty().get());
        assertTrue(vm.messageProperty().get().contains("not running"));
    }

    @Test
    void otherFailuresShowTheEnginesWords() {
        engine.berth = new BerthFeatures(true, "0.1", List.of("xray"));
        vm.load("gone");
        assertEquals(XRayStatus.FAILED, vm.statusProperty().get());
        assertEquals("No such container: gone", vm.messageProperty().get());
    }

    @Test
    void refreshLooksAgainAtTheSameContainer() {
        engine.berth = new BerthFeatures(true, "0.1", List.of("xray"));
        engine.xrays.put("c1", report(0));
        vm.refresh();
        assertEquals(XRayStatus.IDLE, vm.statusProperty().get(), "nothing to refresh before a load");
        vm.load("c1");
        vm.refresh();
        assertEquals(2, engine.calls.stream().filter(c -> c.equals("xray c1")).count());
    }
}
