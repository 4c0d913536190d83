package dev.berth.app.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tray's menu logic over a real {@link LocalEngineController} running a stand-in engine process. */
class TrayControllerTest {
    @TempDir
    Path tmp;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger quits = new AtomicInteger();
    private final List<TrayController.Menu> menus = new CopyOnWriteArrayList<>();
    private Path marker;
    private LocalEngineController engine;
    private TrayController tray;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        marker = tmp.resolve("up");
        // The stand-in "engine" answers (the marker exists) while its process lives.
        engine = new LocalEngineController(List.of("sh", "-c", "touch " + marker + "; trap 'rm -f " + marker
                + "; exit 0' TERM; while true; do sleep 0.1; done"), tmp.resolve("berthd.log"),
                () -> Files.exists(marker), Duration.ofSeconds(10));
        tray = new TrayController(engine, Runnable::run, opened::incrementAndGet, quits::incrementAndGet);
        tray.addListener(menus::add);
    }

    private void await(LocalEngineController.State want) throws InterruptedException {
        for (int i = 0; i < 100 && tray.menu().state() != want; i++) {
            Thread.sleep(50);
        }
        assertEquals(want, tray.menu().state());
    }

    @Test
    void aStoppedEngineOffersStartOnly() {
        TrayController.Menu m = tray.menu();
        assertEquals("Berth engine: stopped", m.stateLine());
        assertTrue(m.canStart());
        assertFalse(m.canStop());
        assertFalse(m.canRestart());
        tray.stopEngine();
        assertTrue(menus.isEmpty(), "Stop is not offered, so it does nothing");
    }

    @Test
    void startThenStopFollowTheEngine() throws Exception {
        tray.startEngine();
        await(LocalEngineController.State.RUNNING);
        assertTrue(tray.menu().canStop());
        assertFalse(tray.menu().canStart());
        assertEquals("Berth — engine running", tray.menu().tooltip());
        tray.stopEngine();
        await(LocalEngineController.State.STOPPED);
        assertFalse(Files.exists(marker), "the engine process was told to stop");
        assertEquals(LocalEngineController.State.STARTING, menus.getFirst().state());
    }

    @Test
    void restartStopsAndStartsAgain() throws Exception {
        tray.startEngine();
        await(LocalEngineController.State.RUNNING);
        menus.clear();
        tray.restartEngine();
        await(LocalEngineController.State.RUNNING);
        assertEquals(List.of(LocalEngineController.State.STOPPED, LocalEngineController.State.STARTING,
                LocalEngineController.State.RUNNING), menus.stream().map(TrayController.Menu::state).toList());
        tray.stopEngine();
        await(LocalEngineController.State.STOPPED);
    }

    @Test
    void aFailedStartShowsTheReasonInTheTooltip() {
        var failing = new LocalEngineController(List.of(tmp.resolve("missing-berthd").toString()),
                tmp.resolve("l.log"), () -> false, Duration.ofSeconds(1));
        var t = new TrayController(failing, Runnable::run, () -> {}, () -> {});
        t.startEngine();
        assertEquals(LocalEngineController.State.ERROR, t.menu().state());
        assertTrue(t.menu().tooltip().startsWith("Berth — engine failed to start — Could not run "),
                t.menu().tooltip());
        assertTrue(t.menu().canStart(), "a failed engine can be started again");
    }

    @Test
    void windowCommandsGoToTheApp() {
        tray.openWindow();
        tray.quit();
        assertEquals(1, opened.get());
        assertEquals(1, quits.get());
    }

    @Test
    void withoutADisplayThereIsNoTrayAndTheReasonIsGiven() {
        // Tests run with java.awt.headless=true, as on a server or in CI.
        assertEquals("headless", TraySupport.missingReason());
        assertTrue(AwtTray.install(tray).isEmpty());
    }

    @Test
    void theIconIsDrawnForEveryState() {
        for (LocalEngineController.State s : LocalEngineController.State.values()) {
            var img = AwtTray.image(s);
            assertEquals(32, img.getWidth());
            assertTrue((img.getRGB(16, 3) >>> 24) > 0, "the dot is opaque");
        }
        assertTrue(AwtTray.image(LocalEngineController.State.RUNNING).getRGB(4, 16) != AwtTray
                .image(LocalEngineController.State.ERROR).getRGB(4, 16));
    }
}
