package dev.berth.runtime.container.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.runtime.container.create.VolumeProvider;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.monitor.ContainerLayout;
import dev.berth.runtime.container.monitor.ContainerMonitor;
import dev.berth.runtime.container.monitor.ExecLayout;
import dev.berth.runtime.container.monitor.ExecSession;
import dev.berth.runtime.container.monitor.MonitorOptions;
import dev.berth.runtime.container.monitor.MonitoredContainer;
import dev.berth.runtime.container.oci.ContainerState;
import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.container.oci.RuntimeUsability;
import dev.berth.runtime.container.run.ContainerRoots;
import dev.berth.runtime.errors.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything below the container lifecycle, faked: mounts are directories, the monitor hands out processes whose
 * exit the test decides, the runtime and the network record what they were asked. What the lifecycle's rules do
 * (states, events, clean-up, restart policies) runs for real, without root.
 */
final class FakeContainerHost implements ContainerRoots, ContainerMonitor, OciRuntime, NetworkHook, VolumeProvider {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
    private final Path stateRoot;
    private volatile String startFailure;
    private long nextPid = 1000;

    FakeContainerHost(Path stateRoot) {
        this.stateRoot = stateRoot;
    }

    /** The next start fails in the runtime with {@code message} (as runc words it). */
    void failNextStart(String message) {
        startFailure = message;
    }

    /** The container's process ends with {@code code}. */
    void exit(String id, int code) {
        exits.get(id).complete(code);
    }

    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    // ContainerRoots

    @Override
    public Path mount(Container c, Path containerDir) {
        calls.add("mount " + c.id());
        try {
            return Files.createDirectories(containerDir.resolve("merged"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void unmount(Path containerDir) {
        calls.add("unmount " + containerDir.getFileName());
    }

    // ContainerMonitor

    @Override
    public OciRuntime runtime() {
        return this;
    }

    @Override
    public synchronized MonitoredContainer create(ContainerLayout layout, RuntimeSpec spec, MonitorOptions options) {
        calls.add("create " + layout.id());
        exits.put(layout.id(), new CompletableFuture<>());
        return MonitoredContainer.created(layout, nextPid++, 1);
    }

    @Override
    public CompletableFuture<Integer> exitOf(MonitoredContainer container) {
        return exits.get(container.id());
    }

    @Override
    public ExecSession exec(ContainerLayout container, ExecLayout layout, RuntimeSpec.Process process,
            boolean attach) {
        throw new UnsupportedOperationException("exec is not part of these tests");
    }

    // OciRuntime

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Path binary() {
        return Path.of("/bin/true");
    }

    @Override
    public Path stateRoot() {
        return stateRoot;
    }

    @Override
    public RuntimeUsability usability() {
        return RuntimeUsability.ok();
    }

    @Override
    public List<String> globalArgs() {
        return List.of();
    }

    @Override
    public void create(String id, Path bundle, Path pidFile) {
        calls.add("runtime create " + id);
    }

    @Override
    public void start(String id) {
        String failure = startFailure;
        startFailure = null;
        if (failure != null) {
            calls.add("start failed " + id);
            throw new EngineException(failure);
        }
        calls.add("start " + id);
    }

    @Override
    public ContainerState state(String id) {
        throw new EngineException("container " + id + " does not exist");
    }

    @Override
    public boolean hasState(String id) {
        return false;
    }

    @Override
    public void kill(String id, int signal, boolean all) {
        calls.add("kill " + signal + " " + id);
        CompletableFuture<Integer> exit = exits.get(id);
        if (exit != null) {
            exit.complete(128 + signal);
        }
    }

    @Override
    public void delete(String id, boolean force) {
        calls.add("delete " + id);
    }

    @Override
    public long execDetached(String id, Path processJson, Path pidFile) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void pause(String id) {
        calls.add("pause " + id);
    }

    @Override
    public void resume(String id) {
        calls.add("resume " + id);
    }

    @Override
    public void update(String id, RuntimeSpec.Resources resources) {
        calls.add("update " + id);
    }

    @Override
    public List<Long> ps(String id) {
        return List.of();
    }

    // NetworkHook

    @Override
    public Attachment attach(Container c, List<LinkGraph.Target> links) {
        calls.add("attach " + c.id());
        return new Attachment("", true, "127.0.0.1\tlocalhost\n", "nameserver 192.0.2.53\n",
                JsonNodeFactory.instance.objectNode(), List.of());
    }

    @Override
    public void detach(Container c) {
        calls.add("detach " + c.id());
    }

    // VolumeProvider

    @Override
    public Volume acquire(String name, String containerId) {
        throw new UnsupportedOperationException("no volumes in these tests");
    }

    @Override
    public void seed(String name, Path imageDir) {}

    @Override
    public void removeAnonymous(String name) {}
}
