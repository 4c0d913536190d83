package dev.berth.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.PullProgress;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PullViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final AtomicInteger pulled = new AtomicInteger();
    private final PullViewModel vm = new PullViewModel(() -> engine, Async.sameThread(), pulled::incrementAndGet);

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void tracksEachLayerInAnnouncedOrderIncludingAlreadyExisting() {
        engine.pullScript.addAll(List.of(
                new PullProgress("1.36", "Pulling from library/busybox", 0, 0),
                new PullProgress("aaa", "Already exists", 0, 0),
                new PullProgress("bbb", "Pulling fs layer", 0, 0),
                new PullProgress("bbb", "Downloading", 500, 1000),
                new PullProgress("bbb", "Pull complete", 0, 0),
                new PullProgress("", "Digest: sha256:123", 0, 0),
                new PullProgress("", "Status: Downloaded newer image for busybox:1.36", 0, 0)));
        vm.referenceProperty().set(" busybox:1.36 ");
        vm.pull();
        assertTrue(engine.calls.contains("pullImage busybox:1.36"));
        assertEquals(List.of(new LayerProgress("aaa", "Already exists", 0, 0),
                new LayerProgress("bbb", "Pull complete", 0, 0)), vm.layers());
        assertEquals(1.0, vm.layers().get(0).fraction());
        assertEquals("Status: Downloaded newer image for busybox:1.36", vm.statusProperty().get());
        assertTrue(vm.doneProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1, pulled.get());
    }

    @Test
    void downloadingLayerReportsItsFraction() {
        assertEquals(0.25, new LayerProgress("x", "Downloading", 250, 1000).fraction());
        assertEquals(-1, new LayerProgress("x", "Waiting", 0, 0).fraction());
    }

    @Test
    void engineFailureIsShownAndDoesNotReloadImages() {
        engine.failOn("pullImage", "manifest for busybox:nope not found: manifest unknown");
        vm.referenceProperty().set("busybox:nope");
        vm.pull();
        assertEquals("manifest for busybox:nope not found: manifest unknown", vm.errorProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(0, pulled.get());
    }

    @Test
    void emptyReferenceIsRefusedBeforeTheEngine() {
        vm.referenceProperty().set("  ");
        vm.pull();
        assertEquals("'' is not an image reference. Example: busybox:latest", vm.errorProperty().get());
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void cancelStopsARunningPullWithoutAnErrorOrAListing() throws Exception {
        engine.holdTransfers = true;
        engine.pullScript.add(new PullProgress("bbb", "Downloading", 100, 1000));
        // Work on its own thread (the engine call blocks until cancelled), results applied where they land.
        var vm = new PullViewModel(() -> engine, new Async(t -> Thread.ofVirtual().start(t), Runnable::run),
                pulled::incrementAndGet);
        vm.referenceProperty().set("busybox:1");
        vm.pull();
        long end = System.nanoTime() + 5_000_000_000L;
        while (vm.layers().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(vm.runningProperty().get());
        vm.cancel();
        while (vm.runningProperty().get() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.cancelledProperty().get());
        assertEquals("", vm.errorProperty().get(), "a cancel is not a failure");
        assertEquals("Cancelled: busybox:1", vm.statusProperty().get());
        assertEquals(0, pulled.get(), "nothing to reload or announce");
    }
}
