package dev.berth.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.containers.ContainersViewModel;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.images.ImagesViewModel;
import dev.berth.app.images.PullViewModel;
import dev.berth.app.run.RunViewModel;
import dev.berth.app.support.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Pull dialog, the Run dialog and the containers table's Stop and Remove, driven through their ViewModels against
 * any engine (dockerd, podman) as a person would use them, failing with the engine's log on the way.
 */
final class ThroughTheDialogs {
    private final Engine engine;
    private final Supplier<String> engineLog;
    private final Async async = Async.sameThread();
    private final ContainersViewModel containers;

    ThroughTheDialogs(Engine engine, Supplier<String> engineLog) {
        this.engine = engine;
        this.engineLog = engineLog;
        this.containers = new ContainersViewModel(() -> engine, async, () -> "localhost");
    }

    /** Pulls {@code image} from the Pull dialog and sees it in the Images list. */
    void pull(String image) {
        var images = new ImagesViewModel(() -> engine, async);
        var pull = new PullViewModel(() -> engine, async, images::refresh);
        pull.referenceProperty().set(image);
        pull.pull();
        assertEquals("", pull.errorProperty().get(), engineLog);
        assertTrue(images.items().stream().anyMatch(r -> r.reference().equals(image)), () -> images.items().toString());
    }

    /**
     * Runs {@code sleep 300} in {@code image} from the Run dialog, with an environment variable, {@code volumes} (the
     * dialog's text, may be empty) and no network (the engines run here without bridges, to leave the host's
     * iptables alone); returns the container as the table lists it, checked running with its environment.
     */
    ContainerSummary run(String image, String name, String volumes) {
        List<String> started = new ArrayList<>();
        var run = new RunViewModel(() -> engine, async, image, started::add);
        run.nameProperty().set(name);
        run.commandProperty().set("sleep 300");
        run.networkProperty().set("none");
        run.envProperty().set("GREETING=hi from berth");
        run.volumesProperty().set(volumes);
        run.run();
        assertEquals("", run.errorProperty().get(), engineLog);
        assertEquals(List.of(name), started);

        containers.refresh();
        ContainerSummary c = containers.items().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + containers.items()));
        assertEquals("running", c.state());
        assertEquals(image, c.image());
        assertTrue(engine.inspectContainer(c.id()).env().contains("GREETING=hi from berth"));
        return c;
    }

    /** Selects the container in the table, stops it (then listed as exited) and removes it (then gone). */
    void stopAndRemove(ContainerSummary c) {
        containers.setSelection(List.of(c.id()));
        containers.stopSelected();
        assertEquals("", containers.errorProperty().get(), engineLog);
        assertEquals("exited", containers.items().stream().filter(x -> x.id().equals(c.id())).findFirst()
                .orElseThrow().state());
        containers.removeSelected();
        assertEquals("", containers.errorProperty().get(), engineLog);
        assertTrue(containers.items().stream().noneMatch(x -> x.id().equals(c.id())));
    }
}
