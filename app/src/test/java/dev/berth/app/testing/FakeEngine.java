package dev.berth.app.testing;

import dev.berth.app.engine.ContainerDetails;
import dev.berth.app.engine.ContainerStats;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.engine.SignInResult;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineEvent;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.EngineVersion;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.engine.NetworkSpec;
import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.engine.PortMapping;
import dev.berth.app.engine.PruneResult;
import dev.berth.app.engine.PullProgress;
import dev.berth.app.engine.VolumeSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-memory engine for ViewModel tests: it keeps containers, images, volumes and networks, applies commands to
 * them as a real engine would (start makes a container running…), records every call, and fails the operations a
 * test names with the engine message it gives.
 */
public final class FakeEngine implements Engine {
    /** The swarm the fake engine is in: none unless a test sets one ({@link FakeSwarm}). */
    public dev.berth.app.engine.swarm.Swarm swarm = new FakeSwarm();

    public final List<ContainerSummary> containers = new ArrayList<>();
    public final List<ImageSummary> images = new ArrayList<>();
    /** Progress lines a push reports. */
    public final List<PullProgress> pushScript = new ArrayList<>();
    /** Pulls and pushes wait for a cancel after their script (a transfer in progress). */
    public volatile boolean holdTransfers;
    /** What {@link #imagePruneEstimate} answers. */
    public long pruneEstimateDangling;
    public long pruneEstimateUnused;
    public final List<VolumeSummary> volumes = new ArrayList<>();
    public final List<NetworkSummary> networks = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public final List<PullProgress> pullScript = new ArrayList<>();
    public EngineVersion version = new EngineVersion("Fake Engine", "1.0", "1.51", "linux", "amd64");
    public long pruneReclaims = 0;
    public final List<RunSpec> runs = new ArrayList<>();
    public final Map<String, String> registryPasswords = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private Consumer<EngineEvent> eventSink;
    private Consumer<EngineException> eventEnd;
    public boolean closed;
    /** Looking inside: what Berth's API, image layers, df and stats answer (tests fill these). */
    public dev.berth.app.engine.BerthFeatures berth = dev.berth.app.engine.BerthFeatures.none();
    public final Map<String, dev.berth.app.engine.XRayReport> xrays = new HashMap<>();
    public final Map<String, dev.berth.app.engine.ImageLayers> imageLayers = new HashMap<>();
    public final Map<String, dev.berth.app.engine.ContainerLoad> loads = new HashMap<>();
    public dev.berth.app.engine.DiskUsage disk = new dev.berth.app.engine.DiskUsage(
            new dev.berth.app.engine.DiskUsage.Category(0, 0, 0, 0),
            new dev.berth.app.engine.DiskUsage.Category(0, 0, 0, 0),
            new dev.berth.app.engine.DiskUsage.Category(0, 0, 0, 0),
            new dev.berth.app.engine.DiskUsage.Category(0, 0, 0, 0));

    /** Makes every call whose name starts with {@code operation} (e.g. "startContainer web") fail with {@code message}. */
    public FakeEngine failOn(String operation, String message) {
        failures.put(operation, message);
        return this;
    }

    public static ContainerSummary container(String id, String name, String state, String project,
            PortMapping... ports) {
        Map<String, String> labels = project == null ? Map.of()
                : Map.of(ContainerSummary.COMPOSE_PROJECT_LABEL, project);
        return new ContainerSummary(id, name, "busybox", "sha256:bb", state, state, List.of(ports),
                Instant.parse("2026-01-01T00:00:00Z"), labels, List.of());
    }

    private void call(String op) {
        calls.add(op);
        for (var f : failures.entrySet()) {
            if (op.startsWith(f.getKey())) {
                throw new EngineException(f.getValue(), 500, null);
            }
        }
        if (closed) {
            throw new EngineException("closed", 0, null);
        }
    }

    /** Sends an event as the engine's stream would. */
    public void emit(EngineEvent e) {
        eventSink.accept(e);
    }

    /** Ends the event stream with a failure, as when the engine goes away. */
    public void breakEvents(String message) {
        eventEnd.accept(new EngineException(message, 0, null));
    }

    public boolean following() {
        return eventSink != null;
    }

    @Override
    public EngineVersion version() {
        call("version");
        return version;
    }

    @Override
    public List<ContainerSummary> listContainers() {
        call("listContainers");
        return List.copyOf(containers);
    }

    @Override
    public ContainerDetails inspectContainer(String id) {
        call("inspectContainer " + id);
        ContainerSummary c = find(id);
        return new ContainerDetails(c.id(), c.name(), c.image(), c.state(), c.state().equals("running"), 0,
                Instant.EPOCH, List.of(), List.of());
    }

    private ContainerSummary find(String id) {
        return containers.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new EngineException("No such container: " + id, 404, null));
    }

    private void setState(String id, String state) {
        ContainerSummary c = find(id);
        containers.set(containers.indexOf(c), new ContainerSummary(c.id(), c.name(), c.image(), c.imageId(), state,
                state, c.ports(), c.created(), c.labels(), c.volumeNames()));
    }

    @Override
    public void startContainer(String id) {
        call("startContainer " + id);
        setState(id, "running");
    }

    @Override
    public void stopContainer(String id) {
        call("stopContainer " + id);
        setState(id, "exited");
    }

    @Override
    public void restartContainer(String id) {
        call("restartContainer " + id);
        setState(id, "running");
    }

    @Override
    public String runContainer(RunSpec spec) {
        call("runContainer " + spec.image() + (spec.name().isEmpty() ? "" : " " + spec.name()));
        runs.add(spec);
        String id = "run" + runs.size();
        List<PortMapping> ports = spec.ports().stream()
                .map(p -> new PortMapping(p.hostIp(), p.hostPort(), p.containerPort(), p.protocol())).toList();
        containers.add(new ContainerSummary(id, spec.name().isEmpty() ? id : spec.name(), spec.image(), "sha256:x",
                "running", "Up", ports, Instant.now(), Map.of(), List.of()));
        return id;
    }

    /** The containers whose stats are followed now. */
    public java.util.Set<String> statsFollowed() {
        return inside.statsFollowedIds();
    }

    /** Sends a stats sample for {@code id}, as the engine's stream would. */
    public void emitStats(String id, ContainerStats s) {
        inside.emitStats(id, new dev.berth.app.engine.StatsSample(Instant.now(), s.cpuPercent(), s.memoryBytes(),
                s.memoryLimitBytes(), 0, 0, 0, 0, 0));
    }

    @Override
    public SignInResult signIn(String server, String user, String password) {
        call("signIn " + server + " " + user);
        if (!password.equals(registryPasswords.get(user))) {
            throw new EngineException(
                    "Get \"https://" + server + "/v2/\": unauthorized: incorrect username or password",
                    401, null);
        }
        return new SignInResult("Login Succeeded", "");
    }

    @Override
    public void removeContainer(String id, boolean force) {
        call("removeContainer " + id + (force ? " force" : ""));
        containers.remove(find(id));
    }

    @Override
    public List<ImageSummary> listImages() {
        call("listImages");
        return List.copyOf(images);
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress, dev.berth.app.engine.Cancellation cancel) {
        call("pullImage " + reference);
        transfer(pullScript, progress, cancel);
    }

    /** What a build streams before it ends; {@link #buildFailure} (if set) then fails it, else it returns {@link #buildResult}. */
    public final List<dev.berth.app.engine.BuildMessage> buildScript = new ArrayList<>();
    public String buildFailure;
    public String buildResult = "sha256:" + "ab".repeat(32);
    public final List<dev.berth.app.engine.BuildSpec> builds = new ArrayList<>();

    @Override
    public String buildImage(dev.berth.app.engine.BuildSpec spec, Consumer<dev.berth.app.engine.BuildMessage> messages,
            dev.berth.app.engine.Cancellation cancel) {
        call("buildImage " + spec.contextDir());
        builds.add(spec);
        buildScript.forEach(messages);
        if (buildFailure != null) {
            throw new EngineException(buildFailure, 0, null);
        }
        return buildResult;
    }

    @Override
    public void pushImage(String reference, Consumer<PullProgress> progress, dev.berth.app.engine.Cancellation cancel) {
        call("pushImage " + reference);
        transfer(pushScript, progress, cancel);
    }

    /**
     * Plays a transfer's progress lines; with {@link #holdTransfers} it then waits until cancelled, as a real engine
     * stream does while a layer downloads, and fails the way the real client does when cancelled.
     */
    private void transfer(List<PullProgress> script, Consumer<PullProgress> progress,
            dev.berth.app.engine.Cancellation cancel) {
        script.forEach(progress);
        if (holdTransfers) {
            var released = new java.util.concurrent.CountDownLatch(1);
            cancel.onCancel(released::countDown);
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (cancel.isCancelled()) {
            throw new EngineException("Cancelled", 0, null);
        }
    }

    @Override
    public void removeImage(String idOrReference, boolean force) {
        call("removeImage " + idOrReference);
    }

    @Override
    public void tagImage(String idOrReference, String repository, String tag) {
        call("tagImage " + idOrReference + " " + repository + ":" + tag);
    }

    @Override
    public long imagePruneEstimate(boolean danglingOnly) {
        call("imagePruneEstimate " + (danglingOnly ? "dangling" : "unused"));
        return danglingOnly ? pruneEstimateDangling : pruneEstimateUnused;
    }

    @Override
    public PruneResult pruneImages(boolean danglingOnly) {
        call("pruneImages " + (danglingOnly ? "dangling" : "unused"));
        return new PruneResult(pruneReclaims);
    }

    @Override
    public List<VolumeSummary> listVolumes() {
        call("listVolumes");
        return List.copyOf(volumes);
    }

    @Override
    public void createVolume(String name) {
        call("createVolume " + name);
        volumes.add(new VolumeSummary(name.isEmpty() ? "generated" : name, "local", "/v/" + name, Map.of()));
    }

    @Override
    public void removeVolume(String name) {
        call("removeVolume " + name);
        volumes.removeIf(v -> v.name().equals(name));
    }

    @Override
    public PruneResult pruneVolumes() {
        call("pruneVolumes");
        return new PruneResult(pruneReclaims);
    }

    @Override
    public List<NetworkSummary> listNetworks() {
        call("listNetworks");
        return List.copyOf(networks);
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        call("createNetwork " + spec.name() + " " + spec.subnet() + (spec.internal() ? " internal" : ""));
        String id = "net" + networks.size();
        networks.add(new NetworkSummary(id, spec.name(), "bridge", "local", spec.internal(),
                spec.subnet().isEmpty() ? List.of() : List.of(spec.subnet())));
        return id;
    }

    @Override
    public void removeNetwork(String idOrName) {
        call("removeNetwork " + idOrName);
        networks.removeIf(n -> n.id().equals(idOrName));
    }

    @Override
    public Subscription events(Consumer<EngineEvent> onEvent, Consumer<EngineException> onEnd) {
        call("events");
        eventSink = onEvent;
        eventEnd = onEnd;
        return () -> {
            calls.add("events closed");
            eventSink = null;
        };
    }

    @Override
    public dev.berth.app.engine.BerthFeatures berthFeatures() {
        call("berthFeatures");
        return berth;
    }

    /** 404 for an unknown container, 409 for one that does not run, as berthd answers. */
    @Override
    public dev.berth.app.engine.XRayReport xray(String containerId) {
        call("xray " + containerId);
        ContainerSummary c = find(containerId);
        if (!c.state().equals("running")) {
            throw new EngineException("Container " + c.name() + " is not running", 409, null);
        }
        var x = xrays.get(containerId);
        if (x == null) {
            throw new EngineException("No X-ray scripted for " + containerId, 500, null);
        }
        return x;
    }

    @Override
    public dev.berth.app.engine.ImageLayers imageLayers(String imageId) {
        call("imageLayers " + imageId);
        var l = imageLayers.get(imageId);
        if (l == null) {
            throw new EngineException("No such image: " + imageId, 404, null);
        }
        return l;
    }

    @Override
    public dev.berth.app.engine.DiskUsage diskUsage() {
        call("diskUsage");
        return disk;
    }

    @Override
    public dev.berth.app.engine.ContainerLoad containerLoad(String containerId) {
        call("containerLoad " + containerId);
        return loads.getOrDefault(containerId, new dev.berth.app.engine.ContainerLoad(containerId, 0, 0, 0));
    }

    @Override
    public PruneResult pruneContainers() {
        call("pruneContainers");
        containers.removeIf(c -> !c.state().equals("running"));
        return new PruneResult(pruneReclaims);
    }

    @Override
    public PruneResult pruneBuildCache() {
        call("pruneBuildCache");
        return new PruneResult(pruneReclaims);
    }

    @Override
    public dev.berth.app.engine.swarm.Swarm swarm() {
        return swarm;
    }

    @Override
    public void close() {
        calls.add("close");
        closed = true;
    }

    // ---- Inside a container: delegated to FakeInside, which tests set up through the public field. ----

    public final FakeInside inside = new FakeInside();

    @Override
    public dev.berth.app.engine.ExecSession openTerminal(String containerId, List<String> command, int cols, int rows) {
        call("openTerminal " + containerId);
        return inside.openTerminal(containerId, command, cols, rows);
    }

    @Override
    public dev.berth.app.engine.ExecResult runCommand(String containerId, List<String> command) {
        call("runCommand " + containerId);
        return inside.runCommand(containerId, command);
    }

    @Override
    public Subscription logs(String containerId, dev.berth.app.engine.LogOptions options,
            Consumer<dev.berth.app.engine.LogLine> onLine, Consumer<EngineException> onEnd) {
        call("logs " + containerId);
        return inside.logs(containerId, options, onLine, onEnd);
    }

    @Override
    public Subscription stats(String containerId, Consumer<dev.berth.app.engine.StatsSample> onSample,
            Consumer<EngineException> onEnd) {
        call("stats " + containerId);
        Subscription sub = inside.stats(containerId, onSample, onEnd);
        return () -> {
            calls.add("stats closed " + containerId);
            sub.close();
        };
    }

    @Override
    public dev.berth.app.engine.FileEntry statPath(String containerId, String path) {
        call("statPath " + containerId);
        return inside.statPath(containerId, path);
    }

    @Override
    public java.io.InputStream getArchive(String containerId, String path) {
        call("getArchive " + containerId);
        return inside.getArchive(containerId, path);
    }

    @Override
    public void putArchive(String containerId, String directory, java.io.InputStream tar) {
        call("putArchive " + containerId);
        inside.putArchive(containerId, directory, tar);
    }

    @Override
    public String inspectContainerJson(String id) {
        call("inspectContainerJson " + id);
        return inside.containerJson;
    }

    @Override
    public String inspectImageJson(String idOrReference) {
        call("inspectImageJson " + idOrReference);
        return inside.imageJson;
    }

    @Override
    public String startVolumeHelper(String volume, String image, String mountPoint) {
        call("startVolumeHelper " + volume);
        return inside.startVolumeHelper(volume, image, mountPoint);
    }
}
