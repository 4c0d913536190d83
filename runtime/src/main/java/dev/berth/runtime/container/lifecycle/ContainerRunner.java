package dev.berth.runtime.container.lifecycle;

import dev.berth.runtime.container.create.ContainerEvents;
import dev.berth.runtime.container.create.VolumeProvider;
import dev.berth.runtime.container.links.LinkGraph;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.model.HostConfig;
import dev.berth.runtime.container.model.MountPoint;
import dev.berth.runtime.container.model.RunState;
import dev.berth.runtime.container.monitor.ContainerMonitor;
import dev.berth.runtime.container.monitor.ContainerLayout;
import dev.berth.runtime.container.monitor.MonitorOptions;
import dev.berth.runtime.container.monitor.MonitoredContainer;
import dev.berth.runtime.container.oci.OciRuntime;
import dev.berth.runtime.container.oci.OciSpecBuilder;
import dev.berth.runtime.container.oci.RuntimeSpec;
import dev.berth.runtime.container.run.EtcFiles;
import dev.berth.runtime.container.run.ContainerRoots;
import dev.berth.runtime.container.run.SpecFactory;
import dev.berth.runtime.container.run.WorkingDirectory;
import dev.berth.runtime.container.store.ContainerStore;
import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.NotModifiedException;
import dev.berth.runtime.events.EventBus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts containers and settles their exits. Start mounts the root filesystem, writes /etc files, sets up
 * networking, has conmon create the container, connects waiting attach clients, then lets it run. An exit,
 * seen through conmon's exit file, releases all of that, records the code (and an OOM kill), tells waiters,
 * then applies {@code --rm} or the restart policy.
 */
public final class ContainerRunner {
    private static final System.Logger LOG = System.getLogger(ContainerRunner.class.getName());

    private final ContainerStore store;
    private final LinkGraph links;
    private final ContainerRoots rootFs;
    private final ContainerMonitor monitor;
    private final OciSpecBuilder specs;
    private final NetworkHook network;
    private final VolumeProvider volumes;
    private final EventBus events;
    private final Waiters waiters;
    private final AttachBroker attach;
    private final Path execRoot;
    private final Path dataRoot;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile RemovalHook removal = (id) -> {};

    public ContainerRunner(ContainerStore store, LinkGraph links, ContainerRoots rootFs, ContainerMonitor monitor,
            OciSpecBuilder specs, NetworkHook network,
            VolumeProvider volumes, EventBus events, Waiters waiters, AttachBroker attach, Path execRoot,
            Path dataRoot) {
        this.store = store;
        this.links = links;
        this.rootFs = rootFs;
        this.monitor = monitor;
        this.specs = specs;
        this.network = network;
        this.volumes = volumes;
        this.events = events;
        this.waiters = waiters;
        this.attach = attach;
        this.execRoot = execRoot;
        this.dataRoot = dataRoot;
    }

    /** Called for {@code --rm} containers after they exit. */
    @FunctionalInterface
    public interface RemovalHook {
        void autoRemove(String id);
    }

    public void onAutoRemove(RemovalHook hook) {
        this.removal = hook;
    }

    public OciRuntime runtime() {
        return monitor.runtime();
    }

    public ContainerMonitor monitor() {
        return monitor;
    }

    /** The per-container lock every state change of that container takes. */
    public ReentrantLock lock(String id) {
        return locks.computeIfAbsent(id, k -> new ReentrantLock());
    }

    public ContainerLayout layout(String id) {
        return ContainerLayout.of(execRoot, dataRoot, id);
    }

    /** {@code POST /containers/{id}/start}: 304 if it already runs. */
    public Container start(String idOrName) {
        Container c = store.resolve(idOrName);
        ReentrantLock lock = lock(c.id());
        lock.lock();
        try {
            c = store.resolve(c.id());
            if (c.state().isPaused()) {
                throw new ConflictException("cannot start a paused container, try unpause instead");
            }
            if (c.state().isRunning() && c.state().status() != RunState.Status.RESTARTING) {
                throw new NotModifiedException("container " + c.shortId() + " is already running");
            }
            return run(c.withManuallyStopped(false));
        } finally {
            lock.unlock();
        }
    }

    /** Runs a container whose lock the caller holds. */
    Container run(Container c) {
        String id = c.id();
        Path dir = store.dir(id);
        ContainerLayout layout = layout(id);
        StartTimer timer = new StartTimer();
        removeRuntimeState(id);
        Path rootfs = rootFs.mount(c, dir);
        timer.mark("rootfs");
        NetworkHook.Attachment net = null;
        try {
            seedVolumes(c, rootfs);
            WorkingDirectory.create(rootfs, c.configView().workingDir());
            net = network.attach(c, links.runningTargets(c));
            timer.mark("network");
            EtcFiles.Paths etc = EtcFiles.write(dir, c, net.hosts(), net.resolvConf());
            RuntimeSpec spec = specs.build(SpecFactory.options(c, rootfs, etc, net.netnsPath(), net.linkEnv()));
            if (net.hostNetwork()) {
                spec = withoutNamespace(spec, "network");
            }
            HostConfig host = c.hostConfigView();
            timer.mark("spec");
            MonitoredContainer m = monitor.create(layout, spec, new MonitorOptions(c.name(), c.configView().tty(),
                    c.configView().openStdin(), c.configView().stdinOnce(), host.logMaxSize()));
            attach.created(id, m);
            timer.mark("create");
            monitor.runtime().start(id);
            timer.mark("start");
            LOG.log(System.Logger.Level.DEBUG, () -> "started " + c.shortId() + ": " + timer);
            NetworkHook.Attachment attached = net;
            // A healthcheck reads "starting" as soon as start answers (dockerd's order), not when the monitor wakes.
            boolean checked = dev.berth.runtime.container.health.HealthConfig.of(c.configView().healthcheck())
                    .isPresent();
            Container running = store.update(id, x -> {
                RunState state = x.state().running(m.pid(), Instant.now().toString());
                if (checked) {
                    state = state
                            .withHealth(dev.berth.runtime.container.health.HealthLedger.starting(x.state().health()));
                }
                return x.withState(state).withNetworkSettings(attached.networkSettings())
                        .withManuallyStopped(c.manuallyStopped());
            });
            events.publish("container", "start", id, ContainerEvents.attributes(running));
            watch(m);
            return running;
        } catch (RuntimeException | IOException e) {
            EngineException failure = e instanceof EngineException ee ? ee
                    : new EngineException("cannot start container " + c.shortId() + ": " + e.getMessage(), e);
            removeRuntimeState(id);
            if (net != null) {
                safely(() -> network.detach(c));
            }
            safely(() -> rootFs.unmount(dir));
            int code = exitCodeFor(failure.getMessage());
            store.update(id,
                    x -> x.withState(x.state().exited(code, false, Instant.now().toString(), failure.getMessage())));
            attach.failed(id, failure);
            waiters.exited(id, new Waiters.Outcome(code, failure.getMessage()));
            if (c.hostConfigView().autoRemove()) {
                // dockerd removes a --rm container whose start failed; the CLI waits for that removal.
                safely(() -> removal.autoRemove(id));
            }
            throw failure;
        }
    }

    /** Mirrors the CLI's mapping: 127 command not found, 126 not executable, else 128 (start failed). */
    private static int exitCodeFor(String message) {
        String m = message == null ? "" : message;
        if (m.contains("executable file not found") || m.contains("no such file or directory")) {
            return 127;
        }
        return m.contains("permission denied") ? 126 : 128;
    }

    private void seedVolumes(Container c, Path rootfs) {
        for (MountPoint m : c.mounts()) {
            // a subpath mount shows part of a volume: the image's files are not copied into it (as dockerd)
            if (m.type().equals("volume") && !m.mode().contains("nocopy") && m.subpath() == null) {
                Path inImage = rootfs.resolve(m.destination().substring(1));
                if (Files.isDirectory(inImage, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    volumes.seed(m.name(), inImage);
                }
            }
        }
    }

    private static RuntimeSpec withoutNamespace(RuntimeSpec spec, String type) {
        RuntimeSpec.Linux l = spec.linux();
        List<RuntimeSpec.Namespace> ns = l.namespaces().stream().filter(n -> !n.type().equals(type)).toList();
        RuntimeSpec.Linux linux = new RuntimeSpec.Linux(ns, l.devices(), l.cgroupsPath(), l.resources(), l.sysctl(),
                l.maskedPaths(), l.readonlyPaths(), l.rootfsPropagation(), l.seccomp());
        return new RuntimeSpec(spec.ociVersion(), spec.process(), spec.root(), spec.hostname(), spec.domainname(),
                spec.mounts(), spec.annotations(), linux);
    }

    /** Settles the exit of {@code m} when conmon reports it. */
    void watch(MonitoredContainer m) {
        monitor.exitOf(m).whenComplete((code, error) -> Thread.ofVirtual().name("exit-" + m.id().substring(0, 12))
                .start(() -> exited(m.id(), error == null ? code : 255, error == null ? null : error.getMessage())));
    }

    /** Records an exit and applies --rm or the restart policy. */
    void exited(String id, int code, String error) {
        ReentrantLock lock = lock(id);
        Container after;
        boolean restart = false;
        lock.lock();
        try {
            Container c = store.byId(id).orElse(null);
            if (c == null || !c.state().isRunning()) {
                return;
            }
            boolean oom = OomCheck.oomKilled(SpecFactory.cgroupsPath(id));
            safely(() -> network.detach(c));
            safely(() -> rootFs.unmount(store.dir(id)));
            String finishedAt = Instant.now().toString();
            Container exited = c.withState(c.state().exited(code, oom, finishedAt, error));
            // Restarting is part of the same record as the exit: a client whose wait returned, or a remove that reads
            // the state, must find the container restarting (a plain rm refused), as with dockerd, never exited for a moment.
            restart = !exited.hostConfigView().autoRemove() && RestartPolicy.shouldRestart(exited, code);
            boolean restarting = restart;
            // record, not update: an exit is a fact even when a full disk refuses to store it.
            after = store.record(id, x -> {
                RunState s = x.state().exited(code, oom, finishedAt, error);
                return x.withState(restarting ? s.withStatus(RunState.Status.RESTARTING) : s);
            });
            if (oom) {
                events.publish("container", "oom", id, ContainerEvents.attributes(after));
            }
            events.publish("container", "die", id,
                    ContainerEvents.attributes(after, "exitCode", Integer.toString(code)));
            waiters.exited(id, new Waiters.Outcome(code, error));
        } finally {
            lock.unlock();
        }
        forgetRuntimeStateLater(id);
        if (after.hostConfigView().autoRemove()) {
            removal.autoRemove(id);
        } else if (restart) {
            scheduleRestart(after);
        }
    }

    /** Starts {@code c}, already marked restarting, again after the policy's back-off. */
    private void scheduleRestart(Container c) {
        long delayMs = RestartPolicy.backoffMillis(c.restartCount());
        Thread.ofVirtual().name("restart-" + c.shortId()).start(() -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                return;
            }
            ReentrantLock lock = lock(c.id());
            lock.lock();
            try {
                Container current = store.byId(c.id()).orElse(null);
                if (current == null || current.state().status() != RunState.Status.RESTARTING
                        || current.manuallyStopped()) {
                    return;
                }
                Container counted = store.update(c.id(), x -> x.withRestartCount(x.restartCount() + 1));
                run(counted);
                events.publish("container", "restart", c.id(), ContainerEvents.attributes(counted));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "restart of {0} failed: {1}", c.shortId(), e.getMessage());
            } finally {
                lock.unlock();
            }
        });
    }

    /**
     * At engine start: re-attach to containers whose conmon still runs, settle those that exited while the
     * engine was away, and bring back the ones their restart policy says should run.
     */
    public void reconcile() {
        for (Container c : store.list()) {
            if (c.state().status() == RunState.Status.RESTARTING) {
                store.update(c.id(), x -> x.withState(x.state().withStatus(RunState.Status.EXITED)));
                continue;
            }
            if (!c.state().isRunning()) {
                continue;
            }
            try {
                MonitoredContainer m = MonitoredContainer.reattach(layout(c.id()));
                if (m.monitorAlive()) {
                    watch(m);
                } else {
                    int code = m.exitCode().orElse(255);
                    exited(c.id(), code, m.exitCode().isPresent() ? null : "the container's monitor (conmon) is gone");
                }
            } catch (IOException e) {
                exited(c.id(), 255, "cannot re-attach: " + e.getMessage());
            }
        }
        for (Container c : store.list()) {
            if (!c.state().isRunning() && RestartPolicy.restartsWithEngine(c)) {
                try {
                    start(c.id());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not restart {0} at engine start: {1}", c.shortId(),
                            e.getMessage());
                }
            }
        }
    }

    /** Forgets the container in the runtime (its state dir and cgroup); nothing if it was never created. */
    void removeRuntimeState(String id) {
        if (!monitor.runtime().hasState(id)) {
            return; // saves a runtime process on every first start
        }
        try {
            monitor.runtime().delete(id, true);
        } catch (RuntimeException e) {
            // not created, or already gone
        }
    }

    /**
     * Unmounts the container's root if it is still mounted: a berthd killed between mounting a root and starting
     * the process (or between its exit and the unmount) leaves it so, and its files cannot go while it is.
     */
    void releaseRootFs(String id) {
        safely(() -> rootFs.unmount(store.dir(id)));
    }

    /**
     * Forgets a stopped container in the runtime on a background thread. {@code runtime delete} of an exited
     * container only frees its state dir and cgroup, so nobody needs to wait for it: a {@code docker run --rm}
     * returned ~20 ms later when this sat between the exit and the removal. The container's lock keeps it from
     * racing a restart, which deletes the old state itself; a running container is left alone.
     */
    void forgetRuntimeStateLater(String id) {
        Thread.ofVirtual().name("forget-" + id.substring(0, Math.min(12, id.length()))).start(() -> {
            ReentrantLock lock = lock(id);
            lock.lock();
            try {
                Optional<Container> c = store.byId(id);
                if (c.map(x -> !x.state().isRunning()).orElse(true)) {
                    removeRuntimeState(id);
                }
                if (c.isEmpty()) {
                    locks.remove(id, lock); // removed for good: nothing can lock it any more, so forget its lock
                }
            } finally {
                lock.unlock();
            }
        });
    }

    static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cleanup step failed: {0}", e.getMessage());
        }
    }
}
