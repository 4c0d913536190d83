package dev.berth.app.dashboard;

import static dev.berth.app.testing.FakeEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ContainerLoad;
import dev.berth.app.engine.DiskUsage;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final DashboardViewModel vm = new DashboardViewModel(() -> engine, Async.sameThread());

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.containers
                .addAll(List.of(container("w1", "web", "running", null), container("d1", "db", "running", null),
                        container("j1", "job", "exited", null)));
        engine.images.add(new ImageSummary("sha256:bb", List.of("busybox:1"), Instant.EPOCH, 4_000_000));
        engine.loads.put("w1", new ContainerLoad("w1", 3.5, 10_000_000, 0));
        engine.loads.put("d1", new ContainerLoad("d1", 80.0, 90_000_000, 200_000_000));
        engine.disk = new DiskUsage(new DiskUsage.Category(1, 1, 4_000_000, 0),
                new DiskUsage.Category(3, 2, 300_000, 100_000), new DiskUsage.Category(2, 1, 5_000_000, 1_000_000),
                new DiskUsage.Category(0, 0, 0, 0));
    }

    @Test
    void readsCountsDiskAndTheBusiestContainers() {
        vm.refresh();
        DashboardSnapshot s = vm.snapshotProperty().get();
        assertEquals("Fake Engine 1.0", s.version().display());
        assertEquals(2, s.running());
        assertEquals(1, s.stopped());
        assertEquals(1, s.images());
        assertEquals(List.of("db", "web"), s.busiest().stream().map(BusyContainer::name).toList());
        assertEquals(80.0, s.busiest().getFirst().cpuPercent());
        assertEquals(100_000, s.reclaimableWithoutVolumes());
        assertEquals(9_300_000, s.disk().totalBytes());
        assertFalse(engine.calls.contains("containerLoad j1"), "stopped containers have no load to read");
    }

    @Test
    void oneClickPruneFreesContainersAndImagesButNotVolumes() {
        vm.refresh();
        engine.pruneReclaims = 50_000;
        engine.calls.clear();
        vm.pruneReclaimable();
        assertTrue(engine.calls.containsAll(List.of("pruneContainers", "pruneImages unused")), engine.calls.toString());
        assertFalse(engine.calls.contains("pruneVolumes"));
        assertFalse(engine.calls.contains("pruneBuildCache"), "no build cache to prune");
        assertEquals("Done: 100 kB freed.", vm.noticeProperty().get());
        assertEquals(2, vm.snapshotProperty().get().running() + vm.snapshotProperty().get().stopped(),
                "reloaded after the prune: the stopped container is gone");
    }

    @Test
    void buildCacheIsPrunedWhenThereIsSomeToFree() {
        engine.disk = new DiskUsage(engine.disk.images(), engine.disk.containers(), engine.disk.volumes(),
                new DiskUsage.Category(3, 0, 9_000, 9_000));
        vm.refresh();
        vm.pruneReclaimable();
        assertTrue(engine.calls.contains("pruneBuildCache"));
    }

    @Test
    void volumesArePrunedOnlyOnTheirOwnCommand() {
        vm.refresh();
        vm.pruneVolumes();
        assertTrue(engine.calls.contains("pruneVolumes"));
        assertFalse(engine.calls.contains("pruneContainers"));
    }

    @Test
    void aContainerThatStopsDuringTheReadingIsLeftOut() {
        engine.failOn("containerLoad d1", "is not running");
        vm.refresh();
        assertEquals(List.of("web"), vm.snapshotProperty().get().busiest().stream().map(BusyContainer::name).toList());
    }

    @Test
    void anUnreachableEngineClearsTheSnapshotAndSaysWhy() {
        engine.failOn("version", "Cannot reach the engine at unix:///x: no such file");
        vm.refresh();
        assertNull(vm.snapshotProperty().get());
        assertTrue(vm.errorProperty().get().startsWith("Cannot reach"));
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void engineEventsReloadOnlyWhileTheDashboardIsShown() {
        vm.engineChanged();
        assertFalse(engine.calls.contains("diskUsage"), "hidden: no stats requests for events");
        vm.setActive(true);
        assertEquals(1, engine.calls.stream().filter(c -> c.equals("diskUsage")).count(), "showing it reads it");
        vm.engineChanged();
        assertEquals(2, engine.calls.stream().filter(c -> c.equals("diskUsage")).count());
        vm.setActive(false);
        vm.engineChanged();
        assertEquals(2, engine.calls.stream().filter(c -> c.equals("diskUsage")).count());
    }
}
