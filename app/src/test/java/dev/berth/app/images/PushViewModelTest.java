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

class PushViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final AtomicInteger pushed = new AtomicInteger();

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private PushViewModel push(String reference) {
        return new PushViewModel(() -> engine, Async.sameThread(), reference, pushed::incrementAndGet);
    }

    @Test
    void showsEachLayerAndTheDigestLine() {
        engine.pushScript.addAll(List.of(
                new PullProgress("", "The push refers to repository [localhost:5000/app]", 0, 0),
                new PullProgress("aaa", "Preparing", 0, 0),
                new PullProgress("bbb", "Preparing", 0, 0),
                new PullProgress("aaa", "Layer already exists", 0, 0),
                new PullProgress("bbb", "Pushing", 512, 2048),
                new PullProgress("bbb", "Pushed", 0, 0),
                new PullProgress("", "1: digest: sha256:abc size: 527", 0, 0)));
        var vm = push("localhost:5000/app:1");
        vm.push();
        assertTrue(engine.calls.contains("pushImage localhost:5000/app:1"));
        assertEquals(List.of(new LayerProgress("aaa", "Layer already exists", 0, 0),
                new LayerProgress("bbb", "Pushed", 0, 0)), vm.layers());
        assertEquals(1.0, vm.layers().get(0).fraction());
        assertEquals(1.0, vm.layers().get(1).fraction());
        assertEquals("1: digest: sha256:abc size: 527", vm.statusProperty().get());
        assertTrue(vm.doneProperty().get());
        assertEquals(1, pushed.get());
    }

    @Test
    void theRegistrysRefusalIsShownInWords() {
        engine.failOn("pushImage", "unauthorized: authentication required");
        var vm = push("localhost:5000/private:1");
        vm.push();
        assertEquals("unauthorized: authentication required", vm.errorProperty().get());
        assertFalse(vm.doneProperty().get());
        assertEquals(0, pushed.get());
    }

    @Test
    void anUntaggedImageIsNotSentToTheEngine() {
        for (String ref : List.of("<none>:<none>", "", "app@sha256:abc")) {
            var vm = push(ref);
            vm.push();
            assertTrue(vm.errorProperty().get().contains("cannot be pushed"), ref + ": " + vm.errorProperty().get());
        }
        assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("pushImage")));
    }
}
