package dev.berth.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineEvent;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.volumes.VolumeRow;
import dev.berth.app.volumes.VolumesViewModel;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same app (its ViewModels and docker-java client) manages podman through podman's Docker-compatible API:
 * pull from the test registry, run from the Run dialog's ViewModel with a volume, see it running and its start
 * event, see the volume used, stop it, remove it and the volume. Skipped when podman is not installed.
 */
class PodmanIT {
    @RegisterExtension
    @Order(1)
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    @Order(2)
    static Podman podman = new Podman(registry::host);

    private static Engine engine;

    @BeforeAll
    static void connect() {
        I18n.setLocale(Locale.ENGLISH);
        TestImages.busybox().push(registry, "app/busybox", "1");
        engine = new DockerJavaEngine(podman.uri());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.listContainers().forEach(c -> engine.removeContainer(c.id(), true));
            engine.close();
        }
    }

    @Test
    void listsRunsStopsAndRemovesContainersOnPodman() throws Exception {
        assertTrue(engine.version().display().contains("Podman"), engine.version().toString());
        String image = registry.host() + "/app/busybox:1";
        var dialogs = new ThroughTheDialogs(engine, podman::log);
        dialogs.pull(image);

        var events = new LinkedBlockingQueue<EngineEvent>();
        try (var feed = engine.events(events::add, e -> {})) {
            ContainerSummary c = dialogs.run(image, "on-podman", "podman-data:/data");
            // The live feed the app reloads its pages from carries podman's events too.
            assertTrue(awaitEvent(events, c.id(), "start"), () -> "no start event for " + c.id() + ": " + events);

            var volumes = new VolumesViewModel(() -> engine, Async.sameThread());
            volumes.refresh();
            VolumeRow data = volumes.items().stream().filter(v -> v.name().equals("podman-data")).findFirst()
                    .orElseThrow(() -> new AssertionError("volume not listed: " + volumes.items()));
            assertEquals(List.of("on-podman"), data.usedBy());

            dialogs.stopAndRemove(c);

            volumes.refresh();
            volumes.remove(volumes.items().stream().filter(v -> v.name().equals("podman-data")).toList());
            assertEquals("", volumes.errorProperty().get());
            assertTrue(volumes.items().stream().noneMatch(v -> v.name().equals("podman-data")),
                    volumes.items()::toString);
        }
    }

    private static boolean awaitEvent(LinkedBlockingQueue<EngineEvent> events, String id, String action)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<EngineEvent> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            EngineEvent e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null) {
                seen.add(e);
                if ("container".equals(e.type()) && action.equals(e.action()) && id.equals(e.actorId())) {
                    return true;
                }
            }
        }
        events.addAll(seen);
        return false;
    }
}
