package dev.berth.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.BuildMessage;
import dev.berth.app.engine.BuildSpec;
import dev.berth.app.engine.Cancellation;
import dev.berth.app.engine.ContainerDetails;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineEvent;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.FileEntry;
import dev.berth.app.engine.LogLine;
import dev.berth.app.engine.LogOptions;
import dev.berth.app.engine.NetworkSpec;
import dev.berth.app.engine.PullProgress;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.engine.StatsSample;
import dev.berth.testkit.Await;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One suite over the app's {@link Engine}, run against every engine the app manages (berthd, dockerd, podman) in the
 * manner of docker-java's own: what the app's pages rely on — version, pull and push with progress, run, logs by
 * stream, exec with exit codes, stats, files both ways, events, stop and remove, volumes, networks, builds, errors
 * with the engine's status. A difference between engines is either fixed or named here, in the subclass that has it.
 */
abstract class EngineConformance {
    @RegisterExtension
    @Order(1)
    static RegistryExtension registry = RegistryExtension.open();

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static String image;
    private static Engine engine;

    /** The engine under test, connected. */
    abstract Engine connect();

    /** The engine's log, shown when a step fails. */
    abstract String engineLog();

    /** A short name for the resources this engine's run makes, so two engines' runs never meet. */
    abstract String prefix();

    /** Whether {@code docker build} goes through this engine's builder (podman's compat API does, through buildah). */
    boolean builds() {
        return true;
    }

    // Known engine differences: each engine that differs overrides one of these, saying why.

    /** Whether stats carry the container's memory (a known difference: dockerd 20.10 on this host's cgroups). */
    boolean statsCarryMemory() {
        return true;
    }

    /** The status of a refused plain remove of a running container (Docker's 409). */
    int runningRemovalStatus() {
        return 409;
    }

    /** The event action that ends a container's life (Docker's {@code destroy}). */
    String removalEvent() {
        return "destroy";
    }

    @BeforeAll
    static void pushImage() {
        TestImages.busybox().push(registry, "conformance/busybox", "1");
        image = registry.host() + "/conformance/busybox:1";
    }

    Engine engine() {
        if (engine == null) {
            engine = connect();
            engine.pullImage(image, p -> {});
        }
        return engine;
    }

    @AfterAll
    static void disconnect() {
        if (engine != null) {
            engine.listContainers().forEach(c -> engine.removeContainer(c.id(), true));
            engine.close();
            engine = null;
        }
    }

    private String run(String name, String command, Map<String, String> env) {
        List<String> vars = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        return engine().runContainer(new RunSpec(image, prefix() + "-" + name, List.of(), vars, List.of(),
                List.of("sh", "-c", command), RunSpec.RestartPolicy.NO, false, "none"));
    }

    private void awaitRunning(String id) {
        Await.until("container " + id + " to run", PATIENCE, () -> engine().inspectContainer(id).running(),
                this::engineLog);
    }

    @Test
    void theVersionNamesTheEngineAndItsApi() {
        var v = engine().version();
        assertFalse(v.version().isBlank(), v.toString());
        assertTrue(v.apiVersion().matches("1\\.\\d+"), v.toString());
        assertEquals("linux", v.os(), v.toString());
    }

    @Test
    void aPullReportsProgressAndTheImageIsListed() {
        List<PullProgress> seen = new CopyOnWriteArrayList<>();
        engine().pullImage(image, seen::add);
        assertFalse(seen.isEmpty(), "no progress at all");
        assertTrue(engine().listImages().stream().anyMatch(i -> i.repoTags().contains(image)),
                engine().listImages()::toString);
        EngineException missing = assertThrows(EngineException.class,
                () -> engine().pullImage(registry.host() + "/conformance/no-such-image:1", p -> {}));
        assertFalse(missing.getMessage().isBlank());
    }

    @Test
    void aContainerRunsWithItsEnvironmentAndItsLogsKeepTheirStreams() {
        String id = run("logs", "echo to-stdout; echo to-stderr >&2; sleep 300", Map.of("GREETING", "hi"));
        awaitRunning(id);
        ContainerDetails d = engine().inspectContainer(id);
        assertTrue(d.env().contains("GREETING=hi"), d.env()::toString);
        assertTrue(engine().inspectContainerJson(id).contains(id));
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        Await.until("both log lines", PATIENCE, () -> {
            lines.clear();
            var done = new java.util.concurrent.CountDownLatch(1);
            try (var s = engine().logs(id, new LogOptions(false, -1, null), lines::add, e -> done.countDown())) {
                done.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lines.size() >= 2;
        }, () -> lines + "\n" + engineLog());
        assertEquals(LogLine.Stream.STDOUT,
                lines.stream().filter(l -> l.text().equals("to-stdout")).findFirst().orElseThrow().stream());
        assertEquals(LogLine.Stream.STDERR,
                lines.stream().filter(l -> l.text().equals("to-stderr")).findFirst().orElseThrow().stream());
        assertTrue(lines.stream().allMatch(l -> l.time() != null), "every line has its time");
        engine().removeContainer(id, true);
    }

    @Test
    void execAnswersWithOutputAndExitCode() {
        String id = run("exec", "sleep 300", Map.of());
        awaitRunning(id);
        var ok = engine().runCommand(id, List.of("sh", "-c", "echo $((6*7))"));
        assertEquals(0, ok.exitCode());
        assertEquals("42", ok.output().strip());
        assertEquals(3, engine().runCommand(id, List.of("sh", "-c", "exit 3")).exitCode());
        engine().removeContainer(id, true);
    }

    @Test
    void statsStreamSamplesOfARunningContainer() {
        String id = run("stats", "sleep 300", Map.of());
        awaitRunning(id);
        List<StatsSample> samples = new CopyOnWriteArrayList<>();
        try (var s = engine().stats(id, samples::add, e -> {})) {
            Await.until("two stats samples" + (statsCarryMemory() ? " with memory" : ""), PATIENCE,
                    () -> samples.size() >= 2
                            && (!statsCarryMemory() || samples.stream().anyMatch(x -> x.memoryUsage() > 0)),
                    () -> samples + "\n" + engineLog());
        }
        assertTrue(samples.stream().allMatch(x -> x.time() != null), samples::toString);
        if (statsCarryMemory()) {
            assertTrue(samples.stream().anyMatch(x -> x.pids() >= 1), samples::toString);
        }
        engine().removeContainer(id, true);
    }

    @Test
    void filesGoInAndComeBackOut() throws Exception {
        String id = run("files", "sleep 300", Map.of());
        awaitRunning(id);
        byte[] content = "conformance\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry e = new TarArchiveEntry("note.txt");
            e.setSize(content.length);
            e.setMode(0644);
            out.putArchiveEntry(e);
            out.write(content);
            out.closeArchiveEntry();
        }
        engine().putArchive(id, "/tmp", new ByteArrayInputStream(tar.toByteArray()));
        FileEntry stat = engine().statPath(id, "/tmp/note.txt");
        assertEquals(FileEntry.Type.FILE, stat.type());
        assertEquals(content.length, stat.size());
        try (InputStream in = engine().getArchive(id, "/tmp/note.txt");
                TarArchiveInputStream back = new TarArchiveInputStream(in)) {
            TarArchiveEntry e = back.getNextEntry();
            assertEquals("note.txt", e.getName());
            assertEquals("conformance\n", new String(back.readAllBytes(), StandardCharsets.UTF_8));
        }
        EngineException missing = assertThrows(EngineException.class, () -> engine().statPath(id, "/no/such/file"));
        assertEquals(404, missing.status(), missing.getMessage());
        engine().removeContainer(id, true);
    }

    @Test
    void eventsFollowAContainerFromStartToRemoval() {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (var feed = engine().events(events::add, e -> {})) {
            String id = run("events", "sleep 300", Map.of());
            awaitRunning(id);
            engine().stopContainer(id);
            engine().removeContainer(id, false);
            for (String action : List.of("create", "start", "die", removalEvent())) {
                Await.until("a " + action + " event", PATIENCE,
                        () -> events.stream().anyMatch(e -> e.type().equals("container")
                                && e.action().equals(action) && e.actorId().equals(id)),
                        events::toString);
            }
        }
    }

    @Test
    void aStoppedContainerIsExitedAndStartsAgain() {
        String id = run("lifecycle", "sleep 300", Map.of());
        awaitRunning(id);
        engine().stopContainer(id);
        ContainerDetails stopped = engine().inspectContainer(id);
        assertFalse(stopped.running());
        assertEquals("exited", stopped.state());
        engine().startContainer(id);
        awaitRunning(id);
        engine().restartContainer(id);
        awaitRunning(id);
        EngineException running = assertThrows(EngineException.class, () -> engine().removeContainer(id, false));
        assertEquals(runningRemovalStatus(), running.status(), running.getMessage());
        engine().removeContainer(id, true);
        EngineException gone = assertThrows(EngineException.class, () -> engine().inspectContainer(id));
        assertEquals(404, gone.status(), gone.getMessage());
    }

    @Test
    void volumesAndNetworksAreMadeListedAndRemoved() {
        String volume = prefix() + "-volume";
        engine().createVolume(volume);
        assertTrue(engine().listVolumes().stream().anyMatch(v -> v.name().equals(volume)));
        engine().removeVolume(volume);
        assertTrue(engine().listVolumes().stream().noneMatch(v -> v.name().equals(volume)));
        String network = prefix() + "-network";
        String networkId = engine().createNetwork(new NetworkSpec(network, null, true));
        assertTrue(engine().listNetworks().stream().anyMatch(n -> n.name().equals(network) && n.id().equals(networkId)
                && n.internal()), engine().listNetworks()::toString);
        engine().removeNetwork(network);
        assertTrue(engine().listNetworks().stream().noneMatch(n -> n.name().equals(network)));
    }

    @Test
    void anImageIsTaggedPushedWithProgressAndPulledBack() {
        String pushed = registry.host() + "/conformance/" + prefix() + "-pushed";
        engine().tagImage(image, pushed, "1");
        List<PullProgress> seen = new CopyOnWriteArrayList<>();
        engine().pushImage(pushed + ":1", seen::add, new Cancellation());
        assertFalse(seen.isEmpty(), "no push progress");
        engine().removeImage(pushed + ":1", false);
        assertTrue(engine().listImages().stream().noneMatch(i -> i.repoTags().contains(pushed + ":1")));
        engine().pullImage(pushed + ":1", p -> {});
        assertTrue(engine().listImages().stream().anyMatch(i -> i.repoTags().contains(pushed + ":1")));
        engine().removeImage(pushed + ":1", false);
    }

    @Test
    void aDockerfileBuildsIntoATaggedImage(@TempDir Path context) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(builds(), "this engine's builds are not part of the suite");
        Files.writeString(context.resolve("Dockerfile"),
                "FROM " + image + "\nRUN echo built > /built.txt\nCMD [\"cat\", \"/built.txt\"]\n");
        String tag = "conformance/" + prefix() + "-built:1";
        List<BuildMessage> messages = new CopyOnWriteArrayList<>();
        String id = engine().buildImage(new BuildSpec(context, "", List.of(tag), Map.of(), "", true, false),
                messages::add, new Cancellation());
        assertFalse(id.isBlank(), messages::toString);
        assertTrue(engine().listImages().stream().anyMatch(i -> i.repoTags().stream().anyMatch(t -> t.endsWith(tag))),
                engine().listImages()::toString);
        engine().removeImage(tag, true);
    }

    @Test
    void errorsCarryTheEnginesStatusAndWords() {
        EngineException missing = assertThrows(EngineException.class,
                () -> engine().inspectContainer("conformance-no-such"));
        assertEquals(404, missing.status());
        assertTrue(missing.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no such container"),
                missing.getMessage());
        EngineException volume = assertThrows(EngineException.class,
                () -> engine().removeVolume("conformance-no-such"));
        assertEquals(404, volume.status(), volume.getMessage());
    }
}
