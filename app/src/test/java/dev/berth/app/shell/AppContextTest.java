package dev.berth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.EngineEvent;
import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.support.Async;
import dev.berth.app.testing.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppContextTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/berth/test/" + UUID.randomUUID());
    private final FakeEngine engine = new FakeEngine();
    @TempDir
    Path tmp;

    private AppContext context() {
        engine.containers.add(FakeEngine.container("c1", "web", "running", null));
        engine.networks.add(new NetworkSummary("n1", "bridge", "bridge", "local", false, List.of()));
        var local = new LocalEngineController(List.of("true"), tmp.resolve("log"), () -> false, Duration.ofSeconds(1));
        return new AppContext(new AppSettings(prefs), Async.sameThread(), c -> engine, local, Map.of(), tmp,
                Duration.ZERO);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void connectingLoadsEveryPageAndRemembersTheEngine() {
        var ctx = context();
        ctx.start("unix:///tmp/dev.sock");
        assertEquals(1, ctx.containers().items().size());
        assertEquals(1, ctx.networks().items().size());
        assertEquals("unix:///tmp/dev.sock", new AppSettings(prefs).selectedConnection());
    }

    @Test
    void eventsReloadOnlyThePagesTheyConcern() {
        var ctx = context();
        ctx.start("unix:///tmp/dev.sock");
        engine.calls.clear();
        engine.emit(new EngineEvent("network", "create", "n2"));
        assertEquals(List.of("listNetworks"), engine.calls);
        engine.calls.clear();
        engine.emit(new EngineEvent("container", "die", "c1"));
        assertTrue(engine.calls.containsAll(List.of("listContainers", "listImages", "listVolumes")));
        assertTrue(!engine.calls.contains("listNetworks"));
    }

    @Test
    void anUnreachableEngineEmptiesThePagesInsteadOfShowingStaleRows() {
        var ctx = context();
        ctx.start("unix:///tmp/dev.sock");
        engine.breakEvents("Cannot reach the engine at unix:///tmp/dev.sock: Connection refused");
        assertEquals(EngineState.UNREACHABLE, ctx.shell().stateProperty().get());
        assertTrue(ctx.containers().items().isEmpty());
        assertTrue(ctx.containers().groupsProperty().get().isEmpty());
        assertEquals("", ctx.containers().errorProperty().get(), "the banner, not each page, explains it");
    }
}
