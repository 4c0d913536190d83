package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.shell.AppContext;
import dev.berth.app.shell.EngineState;
import dev.berth.app.shell.Notice;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An engine the app did not start (here a berthd started by the test, as a system service or another tool would)
 * goes away while the app is connected: the app says so in a notification and shows the engine as unreachable.
 */
class EngineGoneIT {
    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    @Test
    void anEngineStoppedBehindTheAppsBackIsAnnounced() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        Preferences prefs = Preferences.userRoot().node("dev/berth/it/" + UUID.randomUUID());
        var local = new LocalEngineController(List.of("true"), Path.of("target/engine-gone.log"), () -> false,
                Duration.ofSeconds(1));
        // Work on virtual threads, results applied where they land: no FX toolkit needed for the ViewModels.
        var ctx = new AppContext(new AppSettings(prefs), new Async(t -> Thread.ofVirtual().start(t), Runnable::run),
                c -> new DockerJavaEngine(c.uri()), local, Map.of(), Path.of("target"), Duration.ofMillis(50));
        try {
            ctx.start(berthd.dockerHost());
            await(() -> ctx.shell().stateProperty().get() == EngineState.CONNECTED, "connected");
            assertTrue(ctx.notifications().history().isEmpty(), ctx.notifications().history().toString());

            berthd.stop();

            await(() -> ctx.shell().stateProperty().get() == EngineState.UNREACHABLE, "the app sees the engine gone");
            await(() -> ctx.notifications().history().stream().anyMatch(n -> n.title().equals(
                    "The engine stopped responding")), "a notification: " + ctx.notifications().history());
            Notice gone = ctx.notifications().history().stream()
                    .filter(n -> n.title().equals("The engine stopped responding")).findFirst().orElseThrow();
            assertEquals(Notice.Level.WARNING, gone.level());
        } finally {
            ctx.shell().shutdown();
            prefs.removeNode();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
