package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.localengine.EngineProbe;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import dev.berth.app.tray.TrayController;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tray's Stop and Start drive a real berthd through the app's {@link LocalEngineController}. */
class TrayEngineIT {
    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    private static void await(TrayController tray, LocalEngineController.State want, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && tray.menu().state() != want) {
            Thread.sleep(100);
        }
        assertEquals(want, tray.menu().state(), () -> tray.menu().tooltip() + "\n" + berthd.log());
    }

    @Test
    void stopAndStartFromTheTrayChangeTheEnginesState() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        // The fixture's engine proves the data root works; the tray then runs its own on the same root and socket.
        berthd.stop();
        EngineProbe probe = EngineProbe.unixSocket(berthd.socket());
        assertFalse(probe.answers());
        var engine = new LocalEngineController(berthd.command(), berthd.tempDir().resolve("tray-berthd.log"), probe,
                Duration.ofSeconds(90));
        var tray = new TrayController(engine, task -> Thread.ofVirtual().start(task), () -> {}, () -> {});
        assertTrue(tray.menu().canStart());

        tray.startEngine();
        await(tray, LocalEngineController.State.RUNNING, Duration.ofSeconds(90));
        try (var client = new DockerJavaEngine(berthd.dockerHost())) {
            assertTrue(client.version().name().contains("Berth"), client.version().toString());
        }
        assertTrue(tray.menu().canStop());

        tray.stopEngine();
        await(tray, LocalEngineController.State.STOPPED, Duration.ofSeconds(40));
        assertFalse(probe.answers(), "the socket no longer answers");
        assertTrue(tray.menu().canStart());

        tray.startEngine();
        await(tray, LocalEngineController.State.RUNNING, Duration.ofSeconds(90));
        assertTrue(probe.answers());
        tray.stopEngine();
        await(tray, LocalEngineController.State.STOPPED, Duration.ofSeconds(40));
    }
}
