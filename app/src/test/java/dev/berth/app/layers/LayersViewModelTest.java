package dev.berth.app.layers;

import static dev.berth.app.layers.LayerHistoryTest.h;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ImageLayers;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LayersViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final LayersViewModel vm = new LayersViewModel(() -> engine, Async.sameThread());

    private void image(String id, String tag, List<String> diffIds, long... sizes) {
        engine.images.add(new ImageSummary(id, tag == null ? List.of() : List.of(tag), Instant.EPOCH, 0));
        List<ImageLayers.HistoryEntry> history = new java.util.ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            history.add(h("RUN step " + i, sizes[i]));
            history.add(h("ENV X=" + i, 0));
        }
        engine.imageLayers.put(id, new ImageLayers(id, tag == null ? List.of() : List.of(tag), diffIds, history));
    }

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        // Two apps on one base (two layers), a third image on another base.
        image("sha256:a1", "app:1", List.of("sha256:base", "sha256:os", "sha256:app1"), 5_000_000, 2_000_000, 100_000);
        image("sha256:a2", "app:2", List.of("sha256:base", "sha256:os", "sha256:app2"), 5_000_000, 2_000_000, 300_000);
        image("sha256:o1", "other:1", List.of("sha256:os", "sha256:base"), 2_000_000, 5_000_000);
    }

    @Test
    void sharedLayersAreThoseWithTheSameChainAndSavingsCountThemOnce() {
        vm.refresh();
        SharingMap s = vm.sharingProperty().get();
        assertEquals(2, s.sharedLayers().size(),
                "base and os under both apps; other:1 stacks the same diffs differently");
        assertEquals(2 * 7_000_000L + 400_000 + 7_000_000, s.withoutSharing());
        assertEquals(7_000_000L + 400_000 + 7_000_000, s.onDisk());
        assertEquals(7_000_000L, s.saved());
        assertEquals(
                "Sharing saves 7.00 MB: apart, these 3 images would take 21.4 MB; together they take 14.4 MB (2 shared layers).",
                vm.savingsText());
    }

    @Test
    void theChosenImageShowsItsLayersAndWhoElseHasThem() {
        vm.open("sha256:a2");
        assertEquals("app:2", vm.selectedProperty().get().label());
        assertEquals(3, vm.layerCount());
        assertEquals("3 layers from 6 instructions", vm.summaryProperty().get());
        assertEquals(6, vm.rows().size());
        LayerRow base = vm.rows().getLast().empty() ? vm.rows().get(vm.rows().size() - 2) : vm.rows().getLast();
        assertEquals(1, base.number());
        assertEquals("app:1", vm.sharedWithText(base));
        LayerRow top = vm.rows().stream().filter(r -> r.number() == 3).findFirst().orElseThrow();
        assertEquals("", vm.sharedWithText(top));
        vm.selectedProperty()
                .set(vm.images().stream().filter(c -> c.label().equals("other:1")).findFirst().orElseThrow());
        assertEquals(2, vm.layerCount());
    }

    @Test
    void imagesWithoutSharingSaySo() {
        engine.images.removeIf(i -> !i.id().equals("sha256:o1"));
        vm.refresh();
        assertEquals("These 1 images share no layers; together they take 7.00 MB.", vm.savingsText());
    }

    @Test
    void engineFailureLandsInTheError() {
        engine.failOn("listImages", "engine down");
        vm.refresh();
        assertEquals("engine down", vm.errorProperty().get());
        assertTrue(vm.rows().isEmpty());
    }
}
