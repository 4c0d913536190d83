package dev.berth.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImagesViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final ImagesViewModel vm = new ImagesViewModel(() -> engine, Async.sameThread());

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        engine.images.add(
                new ImageSummary("sha256:aaa", List.of("busybox:latest", "localhost:5000/demo/web:1.0"), t, 2_000_000));
        engine.images.add(new ImageSummary("sha256:bbb", List.of(), t, 500));
        engine.images.add(new ImageSummary("sha256:ccc", List.of("alpine:3.20"), t, 8_000_000));
        engine.containers.add(new ContainerSummary("c1", "web", "busybox", "sha256:aaa", "exited", "", List.of(), t,
                Map.of(), List.of()));
        vm.refresh();
    }

    @Test
    void oneRowPerTagDanglingLastAndInUseFromContainers() {
        assertEquals(List.of("alpine:3.20", "busybox:latest", "localhost:5000/demo/web:1.0", "sha256:bbb"),
                vm.items().stream().map(ImageRow::reference).toList());
        assertEquals(List.of(false, true, true, false), vm.items().stream().map(ImageRow::inUse).toList());
        assertEquals("localhost:5000/demo/web", vm.items().get(2).repository());
        assertEquals("<none>", vm.items().get(3).tag());
    }

    @Test
    void searchFiltersVisibleRows() {
        vm.searchProperty().set("demo");
        assertEquals(List.of("localhost:5000/demo/web:1.0"),
                vm.visibleRows().stream().map(ImageRow::reference).toList());
        vm.searchProperty().set("");
        assertEquals(4, vm.visibleRows().size());
    }

    @Test
    void removeUntagsTaggedRowsAndDeletesDanglingOnesById() {
        vm.remove(List.of(vm.items().get(1), vm.items().get(3)));
        assertTrue(engine.calls.containsAll(List.of("removeImage busybox:latest", "removeImage sha256:bbb")));
    }

    @Test
    void removeFailureShowsTheEngineSentence() {
        engine.failOn("removeImage", "conflict: unable to remove repository reference \"busybox\" (must force)");
        vm.remove(List.of(vm.items().get(1)));
        assertEquals("busybox:latest: conflict: unable to remove repository reference \"busybox\" (must force)",
                vm.errorProperty().get());
    }

    @Test
    void tagSplitsTheNewReference() {
        vm.tag(vm.items().get(0), "localhost:5000/mine:2");
        assertTrue(engine.calls.contains("tagImage sha256:ccc localhost:5000/mine:2"));
        assertEquals("Tagged localhost:5000/mine:2.", vm.noticeProperty().get());
        vm.tag(vm.items().get(0), "mine");
        assertTrue(engine.calls.contains("tagImage sha256:ccc mine:latest"));
    }

    @Test
    void tagRefusesBadReferencesWithoutCallingTheEngine() {
        vm.tag(vm.items().get(0), "has space");
        assertTrue(vm.errorProperty().get().contains("is not an image reference"));
        vm.tag(vm.items().get(0), "x@sha256:abc");
        assertEquals("A tag cannot be a digest; use a name like myapp:1.0.", vm.errorProperty().get());
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("tagImage")));
    }

    @Test
    void pruneEstimateComesFromTheEngineBeforeThePrune() {
        engine.pruneEstimateDangling = 1_000;
        engine.pruneEstimateUnused = 50_000_000;
        long[] got = {-1, -1};
        vm.estimatePrune(true, b -> got[0] = b);
        vm.estimatePrune(false, b -> got[1] = b);
        assertEquals(1_000, got[0]);
        assertEquals(50_000_000, got[1]);
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("pruneImages")), "asking does not prune");
    }

    @Test
    void pruneReportsSpaceFreed() {
        engine.pruneReclaims = 12_300_000;
        vm.prune(false);
        assertTrue(engine.calls.contains("pruneImages unused"));
        assertEquals("Done: 12.3 MB freed.", vm.noticeProperty().get());
        vm.prune(true);
        assertTrue(engine.calls.contains("pruneImages dangling"));
    }

    @Test
    void aBuiltImageIsRevealedOnTheLoadThatShowsIt() {
        List<String> revealed = new java.util.ArrayList<>();
        vm.revealProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                revealed.add(b);
            }
        });
        vm.reveal("sha256:ddd"); // its reload came back before the engine listed the new image
        assertEquals(List.of(), revealed);
        engine.images.add(new ImageSummary("sha256:ddd", List.of("built:1"), Instant.parse("2026-01-02T00:00:00Z"), 1));
        vm.refresh(); // the reload the image's event queued
        assertEquals(List.of("sha256:ddd"), revealed);
    }
}
