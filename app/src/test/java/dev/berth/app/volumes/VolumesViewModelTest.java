package dev.berth.app.volumes;

import static dev.berth.app.testing.FakeEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.VolumeSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VolumesViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final VolumesViewModel vm = new VolumesViewModel(() -> engine, Async.sameThread());

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.volumes.add(new VolumeSummary("zeta", "local", "/v/zeta", Map.of()));
        engine.volumes.add(new VolumeSummary("data", "local", "/v/data", Map.of()));
        ContainerSummary db = container("d1", "db", "running", null);
        engine.containers.add(new ContainerSummary(db.id(), db.name(), db.image(), db.imageId(), db.state(),
                db.status(), List.of(), db.created(), Map.of(), List.of("data")));
        vm.refresh();
    }

    @Test
    void listsVolumesByNameWithTheContainersUsingThem() {
        assertEquals(List.of("data", "zeta"), vm.items().stream().map(VolumeRow::name).toList());
        assertEquals(List.of("db"), vm.items().get(0).usedBy());
        assertTrue(!vm.items().get(1).inUse());
    }

    @Test
    void aHiddenPageReloadsOnlyWhenItShowsAgain() {
        vm.setShown(false);
        engine.volumes.add(new VolumeSummary("new", "local", "/v/new", Map.of()));
        int before = (int) engine.calls.stream().filter(c -> c.equals("listVolumes")).count();
        vm.refresh();
        vm.refresh();
        assertEquals(before, engine.calls.stream().filter(c -> c.equals("listVolumes")).count(),
                "no engine call while hidden");
        assertEquals(2, vm.items().size());

        vm.setShown(true);
        assertEquals(before + 1, engine.calls.stream().filter(c -> c.equals("listVolumes")).count());
        assertEquals(List.of("data", "new", "zeta"), vm.items().stream().map(VolumeRow::name).toList());
        vm.setShown(false);
        vm.setShown(true);
        assertEquals(before + 1, engine.calls.stream().filter(c -> c.equals("listVolumes")).count(),
                "showing a page that missed nothing does not reload it");
    }

    @Test
    void createsNamedAndGeneratedVolumes() {
        vm.create(" cache ");
        assertTrue(engine.calls.contains("createVolume cache"));
        assertEquals("Created volume cache.", vm.noticeProperty().get());
        vm.create("");
        assertTrue(engine.calls.contains("createVolume "));
        assertEquals(4, vm.items().size());
    }

    @Test
    void refusesInvalidNames() {
        vm.create("-bad/name");
        assertTrue(vm.errorProperty().get().startsWith("'-bad/name' is not a valid volume name"));
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("createVolume")));
    }

    @Test
    void removeInUseVolumeShowsEngineMessage() {
        engine.failOn("removeVolume data", "remove data: volume is in use - [d1]");
        vm.remove(List.copyOf(vm.items()));
        assertEquals("data: remove data: volume is in use - [d1]", vm.errorProperty().get());
        assertEquals(List.of("data"), vm.items().stream().map(VolumeRow::name).toList());
    }

    @Test
    void pruneReportsSpace() {
        engine.pruneReclaims = 1500;
        vm.prune();
        assertEquals("Done: 1.50 kB freed.", vm.noticeProperty().get());
    }
}
