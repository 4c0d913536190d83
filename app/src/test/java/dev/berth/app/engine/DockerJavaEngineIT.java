package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.localengine.EngineProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DockerJavaEngine} against a live engine: a private berthd (the checkout's), or the engine at
 * {@code $BERTH_IT_ENGINE} when that is set (e.g. a dockerd: {@code unix:///var/run/docker.sock}).
 */
class DockerJavaEngineIT {
    @org.junit.jupiter.api.extension.RegisterExtension
    static dev.berth.testkit.BerthdExtension berthd = dev.berth.testkit.BerthdExtension.fromCheckout();

    @org.junit.jupiter.api.extension.RegisterExtension
    static dev.berth.testkit.RegistryExtension registry = dev.berth.testkit.RegistryExtension.open();

    private DockerJavaEngine engine;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        String given = System.getenv("BERTH_IT_ENGINE");
        String uri = given != null && !given.isBlank() ? given : berthd.dockerHost();
        if (uri.startsWith("unix://")) {
            assertTrue(EngineProbe.unixSocket(Path.of(uri.substring("unix://".length()))).answers(),
                    "BERTH_IT_ENGINE is set but " + uri + " does not answer /_ping");
        }
        engine = new DockerJavaEngine(uri);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void reportsItsVersionAndListsResources() {
        EngineVersion v = engine.version();
        assertFalse(v.version().isBlank());
        assertFalse(v.apiVersion().isBlank());
        engine.listContainers();
        engine.listImages();
    }

    @Test
    void volumesAndNetworksRoundTripAndRaiseEvents() throws Exception {
        var events = new LinkedBlockingQueue<EngineEvent>();
        try (Engine.Subscription sub = engine.events(events::add, e -> {})) {
            String vol = "berth-it-" + suffix;
            engine.createVolume(vol);
            assertTrue(engine.listVolumes().stream().anyMatch(x -> x.name().equals(vol)));
            EngineEvent e = events.poll(10, TimeUnit.SECONDS);
            assertTrue(e != null && e.type().equals("volume"), "expected a volume event, got " + e);
            engine.removeVolume(vol);
            assertTrue(engine.listVolumes().stream().noneMatch(x -> x.name().equals(vol)));

            String net = "berth-it-" + suffix;
            String id = engine.createNetwork(new NetworkSpec(net, "10.231.0.0/24", true));
            NetworkSummary n = engine.listNetworks().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertEquals(net, n.name());
            assertTrue(n.internal());
            assertEquals(List.of("10.231.0.0/24"), n.subnets());
            engine.removeNetwork(id);
        }
    }

    @Test
    void failuresCarryTheEngineMessageAndStatus() {
        EngineException e = assertThrows(EngineException.class, () -> engine.removeContainer("berth-it-nope-" + suffix,
                false));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().startsWith("No such container"), e.getMessage());
        assertFalse(e.getMessage().contains("{"), "the JSON wrapper is removed: " + e.getMessage());
    }

    @Test
    void anEngineThatIsNotThereIsDescribedPlainly() {
        try (var nowhere = new DockerJavaEngine("unix:///tmp/berth-it-" + suffix + ".sock")) {
            EngineException e = assertThrows(EngineException.class, nowhere::version);
            assertTrue(e.getMessage().startsWith("Cannot reach the engine at unix:///tmp/berth-it-"), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void thePruneEstimateIsWhatThePruneFreesAtLeast() {
        dev.berth.testkit.TestImages.busybox().push(registry, "it/prune-" + suffix, "1");
        String image = registry.host() + "/it/prune-" + suffix + ":1";
        engine.pullImage(image, p -> {});
        long size = engine.listImages().stream().filter(i -> i.repoTags().contains(image)).findFirst()
                .orElseThrow().size();
        long estimate = engine.imagePruneEstimate(false);
        assertTrue(estimate >= size, "the unused image's bytes are counted: " + estimate + " vs " + size);
        assertEquals(0, engine.imagePruneEstimate(true), "a tagged image is not dangling");
        long freed = engine.pruneImages(false).spaceReclaimed();
        // berthd also deletes the layers' compressed downloads it keeps, which /system/df does not count.
        assertTrue(freed >= estimate, "freed " + freed + " < estimated " + estimate);
        assertEquals(0, engine.imagePruneEstimate(false));
    }
}
